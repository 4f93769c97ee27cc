/**
 * Write submission files: the files of a submission format (`hubmap:confocal`, …) drafted from
 * the open folder by the backend's `exportSubmission`, each with its to-do; the format chosen
 * is kept for the session, and the Submission check opens it on the format of its target.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SubmissionExport } from '../../../shared/api';
import { isSubmissionFormat, SUBMISSION_FORMATS } from '../../../shared/submission';
import type { AppState } from '../store';

/** The dialog open: the format chosen, its draft, and why drafting failed. */
export interface SubmissionExportView {
  format: string;
  /** The draft of `format`; null while it is read. */
  draft: SubmissionExport | null;
  failure: string | null;
}

/** Submission export state and actions. */
export interface SubmissionExportSlice {
  submissionExport: SubmissionExportView | null;
  /** The format chosen last in this session (the one the dialog opens on). */
  submissionFormat: string;
  /**
   * Opens the dialog and drafts the format of `target` (a Submission check target such as
   * `hubmap:confocal-v2.3`) when it names one, else the format chosen last.
   */
  openSubmissionExport(target?: string): Promise<void>;
  /** Drafts `format` (and remembers it). */
  draftSubmissionExport(format: string): Promise<void>;
  closeSubmissionExport(): void;
}

/** The submission format of a Submission check target (its version set aside); null when it has none. */
export function formatOfTarget(target: string): string | null {
  const assay = target.replace(/-v\d+(\.\d+)*$/, '');
  return isSubmissionFormat(assay) ? assay : null;
}

/** Creates the submission export slice. */
export const createSubmissionExportSlice: StateCreator<AppState, [], [], SubmissionExportSlice> = (set, get) => ({
  submissionExport: null,
  submissionFormat: SUBMISSION_FORMATS[0],

  openSubmissionExport: (target) =>
    get().draftSubmissionExport((target === undefined ? null : formatOfTarget(target)) ?? get().submissionFormat),

  draftSubmissionExport: async (format) => {
    set({ submissionFormat: format, submissionExport: { format, draft: null, failure: null } });
    const result = await get().client.exportSubmission({ format });
    const shown = get().submissionExport;
    if (shown === null || shown.format !== format || shown.draft !== null) return;
    set({
      submissionExport: result.ok
        ? { format, draft: result.payload, failure: null }
        : { format, draft: null, failure: result.error.message },
    });
  },

  closeSubmissionExport: () => set({ submissionExport: null }),
});
