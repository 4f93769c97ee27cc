/**
 * The review of "Write calibration into image files…": how many headers change, each image's
 * header values old → new with where each lies (ImageJ description, OME-XML, resolution tags),
 * and the images refused with the reason. Nothing is written yet.
 */
import type { ImageReview } from '../../../shared/api';
import { formatCount, plural } from '../lib/format';
import { DataTable, OldNew, PathNotes, type Column } from '../kit';

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

/** One changed header value of an image; the image is named on its first. */
interface ChangeLine {
  image: ImageReview;
  change: ImageReview['changes'][number];
  first: boolean;
}

const CHANGE_COLUMNS: readonly Column<ChangeLine>[] = [
  {
    header: 'Image',
    rowHeader: true,
    className: 'mono',
    cell: ({ image, first }) =>
      first && (
        <>
          {image.path}
          {image.kind !== null && <span className="muted calibrate-kind"> {KIND_NAMES[image.kind]}</span>}
        </>
      ),
  },
  { header: 'Value', cell: ({ change }) => change.value },
  { header: 'Where', className: 'muted', cell: ({ change }) => change.place },
  { header: 'Old → new', cell: ({ change }) => <OldNew before={change.old} after={change.new} /> },
];

function ChangesTable({ images }: { images: readonly ImageReview[] }) {
  const shown = images.slice(0, SHOWN_IMAGES);
  const lines = shown.flatMap((image) =>
    image.changes.filter((c) => c.old !== c.new).map((change, i) => ({ image, change, first: i === 0 })),
  );
  return (
    <div className="convert-scroll">
      <DataTable
        caption="Header values, old → new"
        columns={CHANGE_COLUMNS}
        rows={lines}
        rowKey={({ image, change }) => `${image.path}\u0000${change.value}`}
        more={images.length > shown.length && `and ${plural(images.length - shown.length, 'more image')}`}
      />
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
