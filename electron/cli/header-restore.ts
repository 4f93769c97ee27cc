/**
 * `acqmeta restore <image-or-folder> --undo <id>` (or `--before`) for a calibration written into
 * image headers: each such write of that record or batch undone byte for byte, its length
 * included, while the file holds exactly what that write left (a later write since undone too).
 */
import { randomUUID } from 'node:crypto';
import type { HeaderWriteRecord } from '../../shared/journal';
import { latestHeaderWrites, undoHeaderWrite, undoRefusal } from '../services/calibrate';
import { noteWritten } from '../services/save';
import { journalPlaces } from '../services/journal';
import { EXIT, type CliIo } from './cli-io';
import { recoverInterrupted } from './header-recovery';
import { journaledImages } from './targets';

/**
 * Undoes the header writes of record or batch `id` among `headers` (paths relative to
 * `folder`), or with `dryRun` says what it would do; null when `id` names none. Resolves to
 * the exit code: 3 when an image's header changed since (not written), else 0.
 */
export async function restoreHeaders(
  cwd: string,
  folder: string,
  headers: readonly HeaderWriteRecord[],
  id: string,
  action: string,
  dryRun: boolean,
  io: CliIo,
): Promise<number | null> {
  const chosen = headers.filter((h) => h.id === id || h.batch === id);
  if (chosen.length === 0) return null;
  const entries = await journaledImages(
    cwd,
    folder,
    chosen.map((h) => h.path),
  );
  const places = journalPlaces({
    roots: [folder],
    onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
  });
  const latest = latestHeaderWrites(headers);
  if (!dryRun) {
    const latestAt = new Map(
      entries.flatMap((entry, i) => {
        const record = latest.get((chosen[i] as HeaderWriteRecord).path);
        return record === undefined ? [] : [[entry.absPath, record] as const];
      }),
    );
    await recoverInterrupted(entries, latestAt, places, io);
  }
  const journal = { places, tool: 'acqmeta', action, batch: randomUUID() };
  let code: number = EXIT.ok;
  for (const [i, record] of chosen.entries()) {
    const entry = entries[i] as (typeof entries)[number];
    const later = latest.get(record.path);
    const why = await undoRefusal(entry.absPath, record);
    const refusal =
      why === null
        ? null
        : later !== undefined && later.id !== record.id
          ? `a later header write (record ${later.id}, ${later.action}) changed it since; undo that one first; nothing written`
          : why;
    if (refusal !== null) {
      io.err(`${entry.relPath}: ${refusal}`);
      code = EXIT.conflict;
      continue;
    }
    if (!dryRun) {
      await undoHeaderWrite(entry.absPath, record, journal);
      noteWritten(entry);
    }
    await io.out.line(
      `${dryRun ? 'would restore' : 'restored'} ${entry.relPath}: its header as before record ${record.id}`,
    );
  }
  return code;
}
