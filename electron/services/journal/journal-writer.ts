/**
 * The records of one action's writes (a save, a bulk set, an import): who, when, which tool
 * and action, the fields changed and the versions, each sent with its sidecar's write.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FIELD_VALUES } from '../../../shared/fields/field-table';
import { journalChanges, journalLineStart, type JournalVersion } from '../../../shared/journal';
import type { SidecarVersion } from '../../../shared/api';
import type { JournalHook } from '../sidecar';
import type { JournalPlaces } from './journal-places';

/** What one action's records say of it. */
export interface JournalAction {
  /** The program and its door: `acqmeta set`, `AcqMeta app`. */
  tool: string;
  /** What the person did, in words: `set genotype=Thy1`, `Import annotations.xlsx`. */
  action: string;
  /** The batch id its records share (one is made when absent). */
  batch?: string;
}

let author: { user: string; host: string } | null = null;

/** The user and host the records name. */
export function journalAuthor(): { user: string; host: string } {
  if (author !== null) return author;
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  author = { user, host: os.hostname() };
  return author;
}

/** A sidecar version as the journal keeps it. */
export function journalVersion(version: SidecarVersion | null): JournalVersion | null {
  return version === null ? null : { size: version.size, mtime: version.mtimeMs, sha256: version.sha256 };
}

/** The journal hook of the save path for one action's writes under `places`. */
export function journalWrites(places: JournalPlaces, action: JournalAction): JournalHook {
  const batch = action.batch ?? randomUUID();
  const { user, host } = journalAuthor();
  return async ({ imagePath, before, after, absentBefore, previous }) => {
    const place = await places.placeFor(imagePath);
    if (place === null) return null;
    const id = randomUUID();
    return {
      dir: place.dir,
      id,
      lineStart: journalLineStart({
        id,
        batch,
        time: new Date().toISOString(),
        user,
        host,
        tool: action.tool,
        action: action.action,
        path: path.relative(place.root, imagePath).split(path.sep).join('/'),
        changes: journalChanges(before ?? DEFAULT_FIELD_VALUES, after, absentBefore),
        before: journalVersion(previous),
      }),
    };
  };
}
