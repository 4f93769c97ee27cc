/**
 * How a save of many files is sent to the backend: in `saveSidecars` requests of a few hundred
 * files, each folder in turn, with one request ahead of each answer. The app's save and the
 * write benchmark both send through here.
 */
import { acrossFolders, folderOfRelPath } from './across-folders';
import type { ApiResult, SaveOutcome, SaveRequest } from './api';

/** Files per `saveSidecars` request, so a save of thousands of files shows its progress. */
export const SAVE_BATCH = 250;

/** The answer to one request. */
export type SaveAnswer = ApiResult<SaveOutcome[]>;

/** `saves` cut into requests of {@link SAVE_BATCH}, taking each folder in turn (which the disk writes faster). */
export function saveBatches(saves: readonly SaveRequest[]): SaveRequest[][] {
  const order = acrossFolders(saves, (save) => folderOfRelPath(save.path));
  const batches: SaveRequest[][] = [];
  for (let start = 0; start < order.length; start += SAVE_BATCH)
    batches.push(order.slice(start, start + SAVE_BATCH).map((index) => saves[index] as SaveRequest));
  return batches;
}

/**
 * Sends `batches` through `send` and gives each answer, in order, to `receive`. Once the first
 * answer is ok, one more request goes out before each answer is awaited: the backend writes
 * the next batch while it syncs the folders of this one. After a failed answer no request is
 * sent any more; `receive` gets null for each batch that was not sent.
 */
export async function sendSaveBatches(
  batches: readonly SaveRequest[][],
  send: (batch: SaveRequest[]) => Promise<SaveAnswer>,
  receive: (index: number, batch: SaveRequest[], answer: SaveAnswer | null) => void,
): Promise<void> {
  const requests: Promise<SaveAnswer>[] = [];
  const sendAt = (index: number): void => {
    if (index < batches.length) requests[index] ??= send(batches[index] as SaveRequest[]);
  };
  let failed = false;
  for (let index = 0; index < batches.length; index++) {
    const batch = batches[index] as SaveRequest[];
    if (failed && requests[index] === undefined) {
      receive(index, batch, null);
      continue;
    }
    sendAt(index);
    if (index > 0 && !failed) sendAt(index + 1);
    const answer = await (requests[index] as Promise<SaveAnswer>);
    failed ||= !answer.ok;
    receive(index, batch, answer);
  }
}
