/**
 * What an ended calibration did: the headers written, the images already holding their
 * calibration, those not written and why, and, after a cancel, those left untouched.
 */
import type { CalibrationSummary } from '../../../shared/api';
import { plural } from '../lib/format';
import { PathNotes } from '../kit';

/** `Cancelled: 1 header written, 2 not written.` */
export function summaryHeadline(summary: CalibrationSummary): string {
  const count = (kinds: readonly string[]) => summary.images.filter((i) => kinds.includes(i.outcome.kind)).length;
  const unchanged = count(['unchanged']);
  const failed = count(['refused', 'conflict', 'io']);
  const untouched = count(['cancelled']);
  const parts = [
    `${plural(count(['written']), 'header')} written`,
    unchanged > 0 ? `${unchanged} unchanged` : null,
    failed > 0 ? `${failed} not written` : null,
    untouched > 0 ? `${untouched} untouched` : null,
  ];
  return `${summary.cancelled ? 'Cancelled: ' : ''}${parts.filter((p) => p !== null).join(', ')}.`;
}

/** The summary of an ended job. */
export function CalibrateSummaryView({ summary }: { summary: CalibrationSummary }) {
  const notes = (kinds: readonly string[]) =>
    summary.images
      .filter((i) => kinds.includes(i.outcome.kind))
      .map((i) => ({ path: i.path, text: 'reason' in i.outcome ? i.outcome.reason : '' }));
  const written = notes(['written']);
  return (
    <>
      <p className="layout-verdict" role="status">
        {summaryHeadline(summary)}
      </p>
      {written.length > 0 && (
        <p className="muted small">
          Each write is in its image’s History, where Undo this action puts the file back byte for byte.
        </p>
      )}
      <PathNotes title="Written" notes={written} />
      <PathNotes title="Not written" notes={notes(['refused', 'conflict', 'io'])} />
      <PathNotes
        title="Untouched: cancelled before they were begun"
        notes={notes(['cancelled']).map((n) => ({ ...n, text: '' }))}
      />
    </>
  );
}
