/** Why a background job failed, at the head of its ended dialog. */

/** `The conversion failed: …`, announced as it appears; nothing when the job did not fail. */
export function JobFailure({ what, failure }: { what: string; failure: string | null }) {
  if (failure === null) return null;
  return (
    <p className="callout callout-danger bulk-callout small" role="alert">
      {what} failed: {failure}
    </p>
  );
}
