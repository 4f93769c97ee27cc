/** A value's change as the reviews show it: the old value muted, an arrow, the new one in bold. */
import type { ReactNode } from 'react';

/** `old → new`, each in its own span so that colour is not the only difference. */
export function OldNew({ before, after }: { before: ReactNode; after: ReactNode }) {
  return (
    <>
      <span className="review-old">{before}</span> → <span className="review-new">{after}</span>
    </>
  );
}
