/**
 * The Submission check: the open folder's layout against a repository's directory schema
 * (`hubmap:confocal`, …), read from the backend's `checkFolderLayout`; the target chosen is
 * kept for the session, and the check is run again on request (files change on disk).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FolderLayoutCheck } from '../../../shared/api';
import { folderTarget } from '../profile';
import type { AppState } from '../store';

/** The check open: the target chosen, the last answer, and why it failed. */
export interface LayoutCheckView {
  /** The target as chosen (a short name checks the latest version). */
  target: string;
  /** Null while the first answer is read. */
  check: FolderLayoutCheck | null;
  checking: boolean;
  failure: string | null;
}

/** Submission check state and actions. */
export interface LayoutCheckSlice {
  layoutCheck: LayoutCheckView | null;
  /** The target checked last in this session (the one the check opens on); null before the first check. */
  layoutTarget: string | null;
  /** Opens the check and runs it for the folder's profile's target, else the target last chosen. */
  openLayoutCheck(): Promise<void>;
  /** Checks the folder against `target` (and remembers it). */
  checkLayout(target: string): Promise<void>;
  closeLayoutCheck(): void;
}

/** The target a first check opens on: the assay of the reference documents' confocal pages. */
const FIRST_TARGET = 'hubmap:confocal';

/** Creates the Submission check slice. */
export const createLayoutCheckSlice: StateCreator<AppState, [], [], LayoutCheckSlice> = (set, get) => ({
  layoutCheck: null,
  layoutTarget: null,

  openLayoutCheck: () => {
    const profile = folderTarget(get().profiles);
    return get().checkLayout(profile?.layout == null ? (get().layoutTarget ?? FIRST_TARGET) : profile.name);
  },

  checkLayout: async (target) => {
    const shown = get().layoutCheck;
    set({
      layoutTarget: target,
      layoutCheck: { target, check: shown?.check ?? null, checking: true, failure: null },
    });
    const result = await get().client.checkFolderLayout({ target });
    if (get().layoutCheck?.target !== target) return;
    set({
      layoutCheck: result.ok
        ? { target, check: result.payload, checking: false, failure: null }
        : { target, check: null, checking: false, failure: result.error.message },
    });
  },

  closeLayoutCheck: () => set({ layoutCheck: null }),
});
