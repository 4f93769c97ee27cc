/**
 * `acqmeta convert <file-or-folder>… --to ome-tiff -o <folder>`: archival OME-TIFF copies, one
 * line per image written or refused, progress on stderr.
 */
import path from 'node:path';
import type { ArchivalCompression, ArchivalExtension, ConvertOptions } from '../../../shared/api';
import { CONVERTER, convertImages } from '../../services/convert';
import { isInside } from '../../services/disk';
import { journalPlaces } from '../../services/journal';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { UsageError, lastOption, type ParsedArgs } from '../args';
import { EXIT, type CliIo, type Command } from '../cli-io';
import { printable } from '../output';
import { folderTargets, imageTargets } from '../targets';

const COMPRESSIONS: readonly ArchivalCompression[] = ['none', 'zlib', 'lzw'];
const EXTENSIONS: readonly ArchivalExtension[] = ['.ome.tiff', '.ome.tif'];

/** One of `allowed` given as `option`, its default when absent; else a usage error. */
function choice<T extends string>(args: ParsedArgs, option: string, allowed: readonly T[], fallback: T): T {
  const given = lastOption(args, option);
  if (given === undefined) return fallback;
  const found = allowed.find((value) => value === given);
  if (found === undefined) throw new UsageError(`${option} must be ${allowed.join(', ')} (got "${given}")`);
  return found;
}

/**
 * The folder below the output folder an image's copies go in: its own folder below the folder
 * argument that named it (the first, as the images are listed), '' for an image named itself.
 */
function copyFolderOf(absPath: string, targets: readonly string[], folders: ReadonlySet<string>): string {
  for (const target of targets) {
    if (target === absPath) return '';
    if (folders.has(target) && isInside(target, absPath))
      return path.relative(target, path.dirname(absPath)).split(path.sep).join('/');
  }
  return '';
}

/** Bytes in words: `12.3 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The `convert` command. */
export const convertCommand: Command = {
  name: 'convert',
  help: `Usage: acqmeta convert <file-or-folder>... --to ome-tiff -o <folder> [--flat]
                      [--compression none|zlib|lzw] [--extension .ome.tiff|.ome.tif] [--force]

Writes one OME-TIFF per image of each file named (folders are walked as acqmeta scan walks
them) into <folder>, each in its source's folder below the folder named (a/img.czi gives
<folder>/a/img.ome.tiff): tiled and pyramidal (tiles of 512, reduced levels until the largest
side is under 1,024) when its planes are at least 512 each way, else in strips, BigTIFF when it may pass 4 GiB, the source's sample type kept, OME-XML
(2016-06) with the acquisition and the sidecar's experimental fields, the pixel size in the TIFF
resolution tags too, and every plane read back equal to the source's before the file is put in
place. A new CloudScope sidecar is written beside each copy, with the source sidecar's
experimental fields and the copy's own header: both are put in place, or neither. A file of
several images (CZI scenes, LIF images) gives <stem>_<index>_<image name>.ome.tiff, one per
scene or image; of an ND2 only position 0 converts (the others are refused, said why). Images
that would be written to one file (img.tif and img.czi of one folder, names that differ only in
case) are all refused, each naming the others, before anything is written.

  --to ome-tiff      the format (the only one)
  -o <folder>        where the copies go (made when missing)
  --flat             neither tiles nor reduced levels: one strip per plane, as ImageJ 1.x's
                     own File > Open needs
  --compression c    none, zlib (default) or lzw: all lossless
  --extension e      .ome.tiff (default) or .ome.tif, for tools that list .tif only
  --force            replace a copy or sidecar already there (a link is replaced, never
                     written through); without it that image is skipped

Prints one line per image: the file written, its size, its levels and "verified", or the image
refused and why, naming the file. Sources are never written to. Journaled as one action in the
output folder's change journal. Exits 0 when every image was written, 1 when some were not.`,
  syntax: {
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    flags: ['--flat', '--force'],
    options: ['--to', '-o', '--compression', '--extension'],
  },
  async run(args, io) {
    const to = lastOption(args, '--to');
    if (to !== 'ome-tiff')
      throw new UsageError(to === undefined ? 'missing --to ome-tiff' : `cannot convert to "${to}" (only ome-tiff)`);
    const output = lastOption(args, '-o');
    if (output === undefined) throw new UsageError('missing -o <folder>');
    const options: ConvertOptions = {
      compression: choice(args, '--compression', COMPRESSIONS, 'zlib'),
      extension: choice(args, '--extension', EXTENSIONS, '.ome.tiff'),
      flat: args.flags.has('--flat'),
      force: args.flags.has('--force'),
    };
    const entries = await imageTargets(io.cwd, args.positionals);
    const targets = args.positionals.map((given) => path.resolve(io.cwd, given));
    const folders = new Set(await folderTargets(io.cwd, args.positionals));
    const outputFolder = path.resolve(io.cwd, output);
    const places = journalPlaces({
      roots: [outputFolder],
      onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
    });
    let shown = 0;
    let printed = Promise.resolve();
    const line = (text: string): void => {
      printed = printed.then(() => io.out.line(text));
    };
    const summary = await convertImages({
      sources: entries.map(({ relPath, absPath }) => ({
        relPath,
        absPath,
        folder: copyFolderOf(absPath, targets, folders),
      })),
      outputFolder,
      options,
      converter: CONVERTER,
      profiles: createProfileFinder(createProfileCache(), { root: io.cwd }),
      journal: { places, tool: 'acqmeta' },
      onProgress: ({ done, total, current }) => {
        if (!io.showProgress || Date.now() - shown < 100) return;
        shown = Date.now();
        io.progress(`Converting ${done}/${total} planes: ${printable(current)}`);
      },
      onImage: (outcome) => {
        if (io.showProgress) io.progress('');
        if ('written' in outcome) {
          const { output: file, bytes, levels, verified } = outcome.written;
          const level = `${levels} reduced level${levels === 1 ? '' : 's'}`;
          line(`${printable(displayed(io, file))}  ${sizeText(bytes)}  ${level}${verified ? '  verified' : ''}`);
        } else {
          const { source, image, reason } = outcome.refused;
          const which = image === null ? source : `${source} (${image})`;
          line(`${printable(which)}  not written: ${printable(reason)}`);
        }
      },
    });
    await printed;
    return summary.refused.length === 0 ? EXIT.ok : EXIT.problems;
  },
};

/** A written file as the user named its folder: relative to the working directory when inside it. */
function displayed(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
