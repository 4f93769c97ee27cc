/**
 * In History, for an image whose sidecar is damaged or gone and whose change journal holds
 * records of it: the offer to rebuild it from the journal, after a review.
 */
import { useState } from 'react';
import type { JournalRecord } from '../../../shared/journal';
import { useApp } from '../store';
import { RebuildDialog } from '../save';

/** The offer, shown while the sidecar of `path` is damaged or missing and `records` know it. */
export function RebuildOffer({ path, records }: { path: string; records: readonly JournalRecord[] }) {
  const row = useApp((s) => s.rows[path]);
  const [reviewing, setReviewing] = useState(false);
  if (row === undefined || row.sidecar === 'ok' || row.header === null || records.length === 0) return null;
  return (
    <div className="callout callout-warning callout-stack journal-rebuild">
      <p className="small">
        This sidecar is {row.sidecar === 'invalid' ? 'damaged' : 'missing'}. The change journal knows the values it last
        held; AcqMeta can write it anew from them and the image’s header.
      </p>
      <button type="button" className="btn btn-small" onClick={() => setReviewing(true)}>
        Rebuild from the journal…
      </button>
      {reviewing && (
        <RebuildDialog row={row} header={row.header} records={records} onClose={() => setReviewing(false)} />
      )}
    </div>
  );
}
