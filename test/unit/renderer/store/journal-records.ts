/** Change-journal records for the renderer's tests. */
import type { JournalChange, JournalRecord } from '../../../../shared/journal';

let nextId = 1;

/** A record of the app writing `changes` to `path`'s existing sidecar; `after` is the version it wrote. */
export function journalRecord(
  path: string,
  changes: JournalChange[],
  extra: Partial<Omit<JournalRecord, 'path' | 'changes'>> & { afterSha?: string } = {},
): JournalRecord {
  const { afterSha, ...rest } = extra;
  const id = `r${nextId++}`;
  return {
    id,
    batch: `b-${id}`,
    time: '2025-03-12T14:03:00.000Z',
    user: 'ada',
    host: 'lab-pc',
    tool: 'AcqMeta',
    action: 'Save',
    path,
    changes,
    before: { size: 1, mtime: 0, sha256: `before-${id}` },
    after: { size: 1, mtime: 1, sha256: afterSha ?? `after-${id}` },
    ...rest,
  };
}
