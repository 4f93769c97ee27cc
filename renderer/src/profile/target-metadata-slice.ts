/**
 * The submission target's metadata in the Completeness view: the file the repository takes,
 * column by column, read from the backend's `checkSubmissionMetadata` for the target in force
 * (the folder profile's `x-target`, else the one chosen in the Submission check).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SubmissionMetadataCheck } from '../../../shared/api';
import { folderTarget } from './profile-summary';
import type { AppState } from '../store';

/** The target's metadata as last read, and why it could not be. */
export interface TargetMetadataView {
  /** The target asked for; null: the profile's (the backend finds it). */
  asked: string | null;
  /** Null while the answer is read. */
  check: SubmissionMetadataCheck | null;
  failure: string | null;
}

/** Target metadata state and actions. */
export interface TargetMetadataSlice {
  /** Null when no target is in force. */
  targetMetadata: TargetMetadataView | null;
  /** Reads the metadata of the target in force again. */
  loadTargetMetadata(): Promise<void>;
}

/** Creates the target metadata slice. */
export const createTargetMetadataSlice: StateCreator<AppState, [], [], TargetMetadataSlice> = (set, get) => ({
  targetMetadata: null,

  loadTargetMetadata: async () => {
    const profile = folderTarget(get().profiles);
    const asked = profile === null ? get().layoutTarget : null;
    if (profile === null && asked === null) {
      set({ targetMetadata: null });
      return;
    }
    const shown = get().targetMetadata;
    set({ targetMetadata: { asked, check: shown?.asked === asked ? shown.check : null, failure: null } });
    const result = await get().client.checkSubmissionMetadata(asked === null ? {} : { target: asked });
    if (get().targetMetadata?.asked !== asked) return;
    set({
      targetMetadata: result.ok
        ? { asked, check: result.payload, failure: null }
        : { asked, check: null, failure: result.error.message },
    });
  },
});
