/**
 * Where each image of a conversion is written, decided for the whole run before its first
 * write. A copy keeps its source's folder below the output folder (`a/img.czi` →
 * `<output>/a/img.ome.tiff`), so that same-named files of different folders stay apart. Two
 * images given one path (`img.tif` and `img.czi` of one folder; names that differ only in case
 * or Unicode form, which many disks take for one) are both refused, each naming the other, and
 * so is a copy whose path is a source of the run, or one whose path below the output folder
 * holds a backslash.
 */
import path from 'node:path';
import type { ArchivalExtension } from '../../../shared/api';
import { outputName } from './archival-facts';

/** A source as the plan sees it: its images, and the folder below the output folder its copies go in. */
export interface SourceToPlan {
  relPath: string;
  absPath: string;
  /** `/`-separated, relative; '' for the output folder itself. */
  folder: string;
  images: readonly (
    { index: number; name: string; ok: true } | { index: number; name: string; ok: false; reason: string }
  )[];
}

/** An image's output path, or why it is not written. */
export type PlannedOutput = { output: string } | { refused: string };

/** Two paths a disk that ignores case or Unicode form takes for one file share this key. */
const fileKey = (file: string): string => file.normalize('NFC').toLowerCase();

/**
 * Why `relPath` (`/`-separated, below a journaled folder) cannot be written here, or null: on a
 * system whose separator is `/`, a backslash is part of a name, which Windows would read as a
 * separator and the change journal does not record.
 */
export function backslashProblem(relPath: string): string | null {
  if (path.sep !== '/' || !relPath.includes('\\')) return null;
  return 'a backslash in a file or folder name is a folder separator on Windows, and the change journal cannot record it: use / between folders';
}

/** Whether `folder` is '' or a relative path of plain names (no `.`, `..` or empty step). */
const isPlainFolder = (folder: string): boolean =>
  folder === '' || folder.split('/').every((step) => step !== '' && step !== '.' && step !== '..');

/** An image's output, claimed before the clashes are known. */
interface Claim {
  label: string;
  output: string;
  /** Below the output folder, `/`-separated. */
  relative: string;
  folder: string;
}

/** The output of every image of every source (one that cannot be converted refused for its own reason), in their order. */
export function planOutputs(
  outputFolder: string,
  extension: ArchivalExtension,
  sources: readonly SourceToPlan[],
): PlannedOutput[][] {
  const sourceAt = new Map(sources.map((source) => [fileKey(source.absPath), source.relPath]));
  const claims = new Map<string, Claim[]>();
  const claimed = sources.map((source) =>
    source.images.map((image): Claim | { refused: string } => {
      if (!image.ok) return { refused: image.reason };
      const name = outputName(path.basename(source.absPath), image, source.images.length, extension);
      const relative = source.folder === '' ? name : `${source.folder}/${name}`;
      const output = path.join(outputFolder, ...relative.split('/'));
      const label = source.images.length > 1 ? `${source.relPath} (${image.name})` : source.relPath;
      const claim = { label, output, relative, folder: source.folder };
      claims.set(fileKey(output), [...(claims.get(fileKey(output)) ?? []), claim]);
      return claim;
    }),
  );
  return claimed.map((images) => images.map((claim) => ('refused' in claim ? claim : outputOf(claim))));

  /** The claim's output, or why it is refused: a path outside, a backslash, a source's path, another image's. */
  function outputOf(claim: Claim): PlannedOutput {
    const { output } = claim;
    if (!isPlainFolder(claim.folder)) return { refused: `${output} would lie outside the output folder` };
    const backslash = backslashProblem(claim.relative);
    if (backslash !== null) return { refused: `${output}: ${backslash}` };
    const source = sourceAt.get(fileKey(output));
    if (source !== undefined) return { refused: `${output} is the source ${source}, which is never written to` };
    const others = (claims.get(fileKey(output)) ?? []).filter((other) => other !== claim);
    if (others.length === 0) return { output };
    const named = others.map((other) =>
      other.output === output ? other.label : `${other.label} (${other.output}, one file on disks that ignore case)`,
    );
    return { refused: `${output} would also be the copy of ${named.join(', ')}: neither is written` };
  }
}
