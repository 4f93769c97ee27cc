/** The toolbar's Results button; the dialog's code (summaries, plots) is fetched when it is first opened. */
import { useState } from 'react';
import { lazyComponent } from '../lib/lazy-component';
import { useApp } from '../store';
import { selectResultKeys } from './result-selectors';

const ResultsForm = lazyComponent(() => import('./results-dialog').then((m) => m.ResultsForm));

/** The button, and the dialog while it is open. */
export function ResultsButton() {
  const [open, setOpen] = useState(false);
  const any = useApp((s) => selectResultKeys(s).length > 0);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={!any}
        title="Summaries of the analyses CloudScope stored, and their export as a table"
        onClick={() => setOpen(true)}
      >
        Results…
      </button>
      {open && <ResultsForm onClose={() => setOpen(false)} />}
    </>
  );
}
