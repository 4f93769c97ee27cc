/**
 * In the Experiment section: images whose Date is empty while their file records when it was
 * acquired get a one-click, undoable "Fill Date from the acquisition".
 */
import { dateToFill, selectDateFill, useApp, useAppStore } from '../store';
import { plural } from '../lib/format';

function FillButton({ paths, count }: { paths: readonly string[]; count: number | null }) {
  const store = useAppStore();
  return (
    <button type="button" className="btn btn-small" onClick={() => store.getState().fillDateFromAcquisition(paths)}>
      Fill Date from the acquisition{count === null ? '' : ` (${plural(count, 'image')})`}
    </button>
  );
}

function SingleOffer({ path }: { path: string }) {
  const day = useApp((s) => dateToFill(s, path));
  if (day === null) return null;
  return (
    <div className="callout callout-info callout-stack">
      <span>
        Date is empty; the file records that the image was acquired on <strong>{day}</strong>.
      </span>
      <FillButton paths={[path]} count={null} />
    </div>
  );
}

function MultiOffer({ paths }: { paths: readonly string[] }) {
  const offer = useApp(selectDateFill(paths));
  if (offer === null || offer.count === 0) return null;
  return (
    <div className="callout callout-info callout-stack">
      <span>
        {plural(offer.count, 'image')} {offer.count === 1 ? 'has' : 'have'} an empty Date while{' '}
        {offer.count === 1 ? 'its file records' : 'their files record'}{' '}
        {offer.day === null ? 'when each was acquired' : <>the acquisition date {offer.day}</>}.
      </span>
      <FillButton paths={paths} count={offer.count} />
    </div>
  );
}

/** The offer for one image or many; nothing when no image has an empty Date and a recorded day. */
export function DateFillOffer({ paths }: { paths: readonly string[] }) {
  return paths.length === 1 ? <SingleOffer path={paths[0]!} /> : <MultiOffer paths={paths} />;
}
