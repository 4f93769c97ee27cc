/**
 * Reads an image's sidecar from disk and says what state it is in.
 */
import type { SidecarVersion } from '../../../shared/api';
import { parseSidecar, type ParseOptions, type Sidecar } from '../../../shared/sidecar';
import { noteValueProblems } from './clean-sidecars';
import { ioFailure, readSnapshot } from './file-snapshot';
import type { FileSnapshot } from './opened-file';
import { sidecarNameFor, sidecarPathFor } from './sidecar-path';

/** The text of an invalid sidecar as read (`utf8` false: the bytes were not UTF-8, and `text` is a lenient decoding). */
export interface InvalidText {
  text: string;
  utf8: boolean;
}

/** A sidecar on disk: missing, readable (with field problems, if any) or invalid. */
export type SidecarFile =
  | { state: 'missing' }
  | { state: 'ok'; sidecar: Sidecar; version: SidecarVersion; problems: string[] }
  | { state: 'invalid'; version: SidecarVersion; problems: string[]; content: InvalidText };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads `<image>.json`. Invalid files (not UTF-8, not JSON, wrong version, missing keys) come
 * back with problems that name the file, e.g. `cell.tif.json: not valid JSON: ... (line 3, column 7)`.
 * Disk errors other than "no such file" throw `ApiFailure('IO')`.
 */
export async function readSidecarFile(imagePath: string): Promise<SidecarFile> {
  const name = sidecarNameFor(imagePath);
  const snapshot = await readSnapshot(sidecarPathFor(imagePath), name, imagePath).catch((error: unknown) => {
    throw ioFailure(error, `${name} could not be read`, imagePath);
  });
  return sidecarFromSnapshot(snapshot, name);
}

/** The state of a sidecar read as `snapshot` (null: no file); `name` prefixes its problems. */
export function sidecarFromSnapshot(
  snapshot: FileSnapshot | null,
  name: string,
  options: ParseOptions = {},
): SidecarFile {
  if (snapshot === null) return { state: 'missing' };
  const { version } = snapshot;
  let text: string;
  try {
    text = UTF8.decode(snapshot.bytes);
  } catch {
    const content = { text: LENIENT_UTF8.decode(snapshot.bytes), utf8: false };
    return { state: 'invalid', version, problems: [`${name}: not valid UTF-8 text`], content };
  }
  const parsed = parseSidecar(text, options);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${name}: ${p.message}`);
    return { state: 'invalid', version, problems, content: { text, utf8: true } };
  }
  if (options.checkValues !== false) noteValueProblems(version.sha256, parsed.problems);
  return { state: 'ok', sidecar: parsed.sidecar, version, problems: parsed.problems };
}
