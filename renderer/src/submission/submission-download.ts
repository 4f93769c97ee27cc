/**
 * A drafted submission handed to the user: each file under its own name, and the to-do as
 * text (the lines `acqmeta export --format` writes to `<file>.todo.txt`), through the same
 * download path as the other exports (in Electron, a save dialog each).
 */
import type { SubmissionExport, SubmissionExportFile } from '../../../shared/api';
import { todoLines } from '../../../shared/submission';
import { downloadFile } from '../lib/download';

/** The name a file is saved under: its last part (`raw/channel_layout.tsv` is saved as `channel_layout.tsv`). */
export function savedName(file: Pick<SubmissionExportFile, 'name'>): string {
  return file.name.slice(file.name.lastIndexOf('/') + 1);
}

function mimeType(name: string): string {
  if (name.endsWith('.tsv')) return 'text/tab-separated-values;charset=utf-8';
  if (name.endsWith('.csv')) return 'text/csv;charset=utf-8';
  if (name.endsWith('.json')) return 'application/json;charset=utf-8';
  return 'text/plain;charset=utf-8';
}

/** Offers one file of the submission, its text as UTF-8. */
export function saveSubmissionFile(file: SubmissionExportFile): void {
  downloadFile(savedName(file), mimeType(file.name), file.text);
}

/** Offers every file of the submission, one after another. */
export async function saveAllSubmissionFiles(draft: SubmissionExport): Promise<void> {
  for (const [i, file] of draft.files.entries()) {
    // each download starts from a task of its own, so the browser (and Electron's save dialog) takes them in turn
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    saveSubmissionFile(file);
  }
}

/**
 * The to-do as text, as the command line writes it to `<file>.todo.txt`: one line per cell,
 * `<row>: <column> (required|optional): <why>`, the metadata file's first, then its companions'
 * (whose rows name their file: `contributors.tsv row 1`).
 */
export function todoText(draft: SubmissionExport): string {
  return todoLines(draft.files.flatMap((file) => file.todo))
    .map((line) => `${line}\n`)
    .join('');
}

/** Offers the to-do as `<metadata file>.todo.txt`. */
export function saveSubmissionTodo(draft: SubmissionExport): void {
  const first = draft.files[0];
  downloadFile(`${first === undefined ? 'submission' : savedName(first)}.todo.txt`, mimeType('.txt'), todoText(draft));
}
