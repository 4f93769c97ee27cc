/**
 * An undo or redo of a channel-table save that finds the file changed by another program since
 * AcqMeta wrote it: nothing is written until the user answers, as for a sidecar's conflict.
 * Keep theirs leaves their file and drops the step from the history (it would only take their
 * change back); write mine replaces their version, once the dialog has shown what it replaces;
 * cancel leaves both the file and the step.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ChannelTableInfo } from '../../../../shared/api';
import type { AppState } from '../../app-store';
import { folderLabel } from '../../lib/format';
import { describeStep, type HistoryStep } from '../logic/history';
import { dropStep, moveStep } from '../logic/history-moves';
import type { Loadable } from './detail-slice';

/** A file step whose undo (`from: 'past'`) or redo (`from: 'future'`) found the file changed. */
export interface FileConflict {
  step: HistoryStep;
  from: 'past' | 'future';
  /** The table on disk now, read for the comparison. */
  theirs: Loadable<ChannelTableInfo>;
  /** The answer is being carried out. */
  busy: boolean;
}

/** The conflict of a file step and the actions answering it. */
export interface FileConflictSlice {
  fileConflict: FileConflict | null;
  /** Asks what to do about `step`'s file, changed since AcqMeta wrote it, and reads their version. */
  askFileConflict(step: HistoryStep, from: 'past' | 'future'): Promise<void>;
  /**
   * `theirs`: their file stays and the step leaves the history; `mine`: the step's side is
   * written over their version as read (a newer one is a conflict again); `cancel`: nothing changes.
   */
  resolveFileConflict(choice: 'theirs' | 'mine' | 'cancel'): Promise<void>;
}

/** Creates the file conflict slice. */
export const createFileConflictSlice: StateCreator<AppState, [], [], FileConflictSlice> = (set, get) => ({
  fileConflict: null,

  askFileConflict: async (step, from) => {
    if (step.file?.kind !== 'channel-table') return;
    const asked: FileConflict = { step, from, theirs: { status: 'loading' }, busy: false };
    set({ fileConflict: asked });
    const result = await get().client.getChannelTable({ folder: step.file.folder });
    const theirs: Loadable<ChannelTableInfo> = result.ok
      ? { status: 'ready', value: result.payload }
      : { status: 'error', message: result.error.message };
    set((s) => (s.fileConflict?.step === step ? { fileConflict: { ...s.fileConflict, theirs } } : {}));
  },

  resolveFileConflict: async (choice) => {
    const conflict = get().fileConflict;
    const file = conflict?.step.file;
    if (!conflict || file?.kind !== 'channel-table' || conflict.busy) return;
    const { step, from, theirs } = conflict;
    const what = `the channel table of ${folderLabel(file.folder)}`;
    if (choice === 'cancel') return set({ fileConflict: null });
    if (choice === 'theirs') {
      set((s) => ({ fileConflict: null, history: dropStep(s.history, step) }));
      return get().notify(
        'success',
        `Kept their version of ${what}; “${describeStep(step)}” is dropped from the history.`,
      );
    }
    if (theirs.status !== 'ready') return;
    set({ fileConflict: { ...conflict, busy: true } });
    const side = from === 'past' ? 'before' : 'after';
    const written = await get().writeFileStep(file, side, theirs.value.version);
    if (written === 'conflict') {
      // changed once more since it was shown: show that version before anything is written
      return get().askFileConflict(step, from);
    }
    set({ fileConflict: null });
    if (written === null) return;
    set((s) => ({ history: moveStep(s.history, step, from, { ...step, file: written }) }));
    get().notify(
      'success',
      `${from === 'past' ? 'Undone' : 'Redone'}: ${describeStep(step)}, over their version of ${what}.`,
    );
  },
});
