/** Header details and preview planes fetched on demand, kept in a small cache. */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageDetail, PreviewImage } from '../../../../shared/api';
import type { AppState } from '../../app-store';

/** Something fetched from the backend. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** A plane of an image: channel, z slice and time point, from 0. */
export interface PlaneIndex {
  c: number;
  z: number;
  t: number;
}

/** How many details and previews are kept. */
const CACHE_SIZE = 48;

/** Cache key of a preview. */
export function previewKey(path: string, plane: PlaneIndex, maxSize: number): string {
  return `${path}\u0000${plane.c}/${plane.z}/${plane.t}@${maxSize}`;
}

function put<T>(cache: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const next = { ...cache };
  delete next[key];
  next[key] = value;
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - CACHE_SIZE))) delete next[old];
  return next;
}

/** Details, previews and the actions that fetch them. */
export interface DetailSlice {
  details: Readonly<Record<string, Loadable<ImageDetail>>>;
  previews: Readonly<Record<string, Loadable<PreviewImage>>>;
  /** Fetches an image's details unless they are cached or on their way. */
  loadDetail(path: string): Promise<void>;
  loadPreview(path: string, plane: PlaneIndex, maxSize: number): Promise<void>;
  /** Forgets what is cached about an image (after it was reloaded). */
  forgetImage(path: string): void;
  clearDetails(): void;
}

/** Creates the detail slice. */
export const createDetailSlice: StateCreator<AppState, [], [], DetailSlice> = (set, get) => ({
  details: {},
  previews: {},

  loadDetail: async (path) => {
    const cached = get().details[path];
    if (cached && cached.status !== 'error') return;
    const loading: Loadable<ImageDetail> = { status: 'loading' };
    set((s) => ({ details: put(s.details, path, loading) }));
    const result = await get().client.getImageDetail({ path });
    // another folder, or the image forgotten (changed on disk) meanwhile: this answer is stale
    if (get().details[path] !== loading) return;
    const value: Loadable<ImageDetail> = result.ok
      ? { status: 'ready', value: result.payload }
      : { status: 'error', message: result.error.message };
    set((s) => ({ details: put(s.details, path, value) }));
  },

  loadPreview: async (path, plane, maxSize) => {
    const key = previewKey(path, plane, maxSize);
    const cached = get().previews[key];
    if (cached && cached.status !== 'error') return;
    const folder = get().folder;
    set((s) => ({ previews: put(s.previews, key, { status: 'loading' }) }));
    const result = await get().client.getPreview({ path, ...plane, maxSize });
    if (get().folder !== folder) return;
    const value: Loadable<PreviewImage> = result.ok
      ? { status: 'ready', value: result.payload }
      : { status: 'error', message: result.error.message };
    set((s) => ({ previews: put(s.previews, key, value) }));
  },

  forgetImage: (path) =>
    set((s) => {
      const details = { ...s.details };
      delete details[path];
      const previews = Object.fromEntries(
        Object.entries(s.previews).filter(([key]) => !key.startsWith(`${path}\u0000`)),
      );
      return { details, previews };
    }),

  clearDetails: () => set({ details: {}, previews: {} }),
});
