/** Which preview to draw for an image: the requested plane, or the last one while it loads. */
import type { PreviewImage } from '../../../shared/api';
import { type AppState, type PlaneIndex, previewKey } from '../store';

/** The preview to draw and how it relates to the plane asked for. */
export interface ShownPreview {
  image: PreviewImage | null;
  /** `image` is another plane, shown until the requested one arrives. */
  stale: boolean;
  status: 'loading' | 'ready' | 'error' | 'idle';
  message: string | null;
}

/** The preview of `plane`, falling back on the newest cached plane of the same image while loading. */
export function shownPreview(
  s: Pick<AppState, 'previews'>,
  path: string,
  plane: PlaneIndex,
  maxSize: number,
): ShownPreview {
  const current = s.previews[previewKey(path, plane, maxSize)];
  if (current?.status === 'ready') return { image: current.value, stale: false, status: 'ready', message: null };
  if (current?.status === 'error') return { image: null, stale: false, status: 'error', message: current.message };
  let fallback: PreviewImage | null = null;
  for (const [key, value] of Object.entries(s.previews)) {
    if (key.startsWith(`${path}\u0000`) && value.status === 'ready') fallback = value.value;
  }
  return { image: fallback, stale: fallback !== null, status: current ? 'loading' : 'idle', message: null };
}
