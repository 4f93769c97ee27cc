/**
 * An upload reviewed before it is built, alike for `acqmeta submission --dry-run` and the app's
 * "Build upload…": whether it may be built where asked, its steps and the to-do.
 */
import type { TodoItem } from '../../../shared/submission';
import { checkUploadFolder } from './upload-destination';
import type { UploadPlan } from './upload-plan';
import { previewTodo } from './upload-preview';
import { uploadSteps, type UploadSteps } from './upload-steps';

/** What building a plan at a folder would do, before anything is written. */
export interface UploadReview extends UploadSteps {
  /** Whether an upload built there before is replaced (`force`). */
  readonly replaces: boolean;
  readonly todo: TodoItem[];
}

/** What the plan could not read and what it notes about the lab folder, in words. */
export function planNotes(plan: UploadPlan): string[] {
  return [...plan.unreadable.map((problem) => `${problem} (what it would give is left out)`), ...plan.notes];
}

/**
 * The review of building `plan` at the absolute folder `upload`; fails (an `UploadRefused`)
 * where the build would refuse the folder, so that a review never shows what cannot be built.
 */
export async function reviewUpload(plan: UploadPlan, upload: string, force: boolean): Promise<UploadReview> {
  const metadata = plan.parts[0]?.name ?? '';
  const replaces = await checkUploadFolder(upload, plan.root, metadata, force);
  return { ...(await uploadSteps(plan, upload)), replaces, todo: previewTodo(plan) };
}
