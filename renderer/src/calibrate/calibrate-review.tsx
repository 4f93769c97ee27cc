/**
 * The review of "Write calibration into image files…": how many headers change, each image's
 * header values old → new with where each lies (ImageJ description, OME-XML, resolution tags),
 * and the images refused with the reason. Nothing is written yet.
 */
import type { ImageReview } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { PathNotes } from '../kit';

/** Images whose changes are listed before the rest are counted. */
const SHOWN_IMAGES = 50;

/** The images of a review by what a write does to them. */
export function reviewGroups(images: readonly ImageReview[]): {
  changed: ImageReview[];
  unchanged: ImageReview[];
  refused: ImageReview[];
} {
  const refused = images.filter((i) => i.refusal !== null);
  const accepted = images.filter((i) => i.refusal === null);
  const changes = (i: ImageReview) => i.changes.some((c) => c.old !== c.new);
  return { changed: accepted.filter(changes), unchanged: accepted.filter((i) => !changes(i)), refused };
}

/** `2 headers to write, 1 already holds its calibration, 1 refused.` */
export function reviewText(images: readonly ImageReview[]): string {
  const { changed, unchanged, refused } = reviewGroups(images);
  const parts = [
    `${plural(changed.length, 'header')} to write`,
    unchanged.length === 0
      ? null
      : `${formatCount(unchanged.length)} already ${unchanged.length === 1 ? 'holds its' : 'hold their'} calibration`,
    refused.length === 0 ? null : `${refused.length} refused`,
  ];
  return `${parts.filter((p) => p !== null).join(', ')}.`;
}

/** `TIFF`, `ImageJ TIFF`, `OME-TIFF`: how the file keeps its calibration. */
const KIND_NAMES = { imagej: 'ImageJ TIFF', ome: 'OME-TIFF', plain: 'TIFF' } as const;

function ChangesTable({ images }: { images: readonly ImageReview[] }) {
  const shown = images.slice(0, SHOWN_IMAGES);
  return (
    <div className="convert-scroll">
      <table className="review-table calibrate-changes">
        <caption className="modal-label">Header values, old → new</caption>
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col">Value</th>
            <th scope="col">Where</th>
            <th scope="col">Old → new</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((image) =>
            image.changes
              .filter((c) => c.old !== c.new)
              .map((change, i) => (
                <tr key={`${image.path}\u0000${change.value}`} className={i === 0 ? 'calibrate-first' : undefined}>
                  <th scope="row" className="mono">
                    {i === 0 ? image.path : ''}
                    {i === 0 && image.kind !== null && (
                      <span className="muted calibrate-kind"> {KIND_NAMES[image.kind]}</span>
                    )}
                  </th>
                  <td>{change.value}</td>
                  <td className="muted">{change.place}</td>
                  <td>
                    <span className="review-old">{change.old}</span> → <span className="review-new">{change.new}</span>
                  </td>
                </tr>
              )),
          )}
          {images.length > shown.length && (
            <tr>
              <td colSpan={4} className="muted">
                and {plural(images.length - shown.length, 'more image')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The review's body. */
export function CalibrateReviewView({ images }: { images: readonly ImageReview[] }) {
  const { changed, unchanged, refused } = reviewGroups(images);
  return (
    <>
      <p className="layout-verdict" role="status">
        {reviewText(images)}
      </p>
      {changed.length > 0 && <ChangesTable images={changed} />}
      <PathNotes title="Already holding the calibration" notes={unchanged.map((i) => ({ path: i.path, text: '' }))} />
      <PathNotes title="Refused" notes={refused.map((i) => ({ path: i.path, text: i.refusal ?? '' }))} />
    </>
  );
}
