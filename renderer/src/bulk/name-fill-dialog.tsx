/** "Fill from file names", shown while `namePrompt` is set; its form and RE2 load on first use. */
import { lazy, Suspense } from 'react';
import { useApp } from '../store';

const NameFillForm = lazy(() => import('./name-fill-form').then((m) => ({ default: m.NameFillForm })));

/** The dialog, while it is asked for. */
export function NameFillDialog() {
  const open = useApp((s) => s.namePrompt);
  return open ? (
    <Suspense fallback={null}>
      <NameFillForm />
    </Suspense>
  ) : null;
}
