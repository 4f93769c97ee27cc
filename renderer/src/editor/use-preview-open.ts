/** Whether the editor shows its large sections (preview, acquisition): as the user last chose, else only in a window with room for them. */
import { useSyncExternalStore } from 'react';
import { useApp } from '../store';

/**
 * A window with room for the preview above the fields. In a smaller one (a 1024 × 700 window,
 * a 1366 × 768 laptop) the preview starts closed, so that the editor opens on its fields.
 */
const ROOMY_WINDOW = '(min-width: 1100px) and (min-height: 800px)';

function onWindowChange(notify: () => void): () => void {
  const query = matchMedia(ROOMY_WINDOW);
  query.addEventListener('change', notify);
  return () => query.removeEventListener('change', notify);
}

const roomyWindow = (): boolean => matchMedia(ROOMY_WINDOW).matches;

/** What the user chose, else whether the window has room for a large section. */
function useRoomyDefault(chosen: boolean | null): boolean {
  const roomy = useSyncExternalStore(onWindowChange, roomyWindow);
  return chosen ?? roomy;
}

/** The preview's open state and its setter (which the view preferences then keep). */
export function usePreviewOpen(): [open: boolean, setOpen: (open: boolean) => void] {
  return [useRoomyDefault(useApp((s) => s.previewOpen)), useApp((s) => s.setPreviewOpen)];
}

/** The Acquisition section's open state and its setter (which the view preferences then keep). */
export function useAcquisitionOpen(): [open: boolean, setOpen: (open: boolean) => void] {
  return [useRoomyDefault(useApp((s) => s.acquisitionOpen)), useApp((s) => s.setAcquisitionOpen)];
}
