/**
 * `acqmeta export <folder> --format channels`: the channel table in force for the folder,
 * copied byte for byte, or where none applies the draft the app's dialog shows, drafted from
 * the image headers; stderr says which, and where the images do not fit the draft.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelGroup } from '../../shared/channels/channel-draft';
import { CHANNEL_TABLE_NAME, channelTableText } from '../../shared/channels/channel-table';
import type { SidecarVersion } from '../../shared/api';
import { channelTableInForce, type LoadedChannelTable } from '../services/channels';
import { createProfileCache, createProfileFinder } from '../services/profile';
import { draftForFolder, type FolderDraft } from '../services/sheets/folder-draft';
import { createTiffScanner } from '../services/tiff';
import { writeTableJournaled } from './channel-table-restore';
import { CliError, EXIT } from './cli-io';
import { writeOutput, type FolderExport } from './file-output';

/** The `--format` of a channel table. */
export const CHANNELS_FORMAT = 'channels';

/** Whether `-o` names a channel table file (`acqmeta.channels.csv`), whose name picks the channels format. */
export function isChannelTableName(outFile: string): boolean {
  return path.basename(outFile).toLowerCase() === CHANNEL_TABLE_NAME;
}

/** What is written, and the stderr lines and exit code that go with it. */
interface ChannelExport {
  bytes: Uint8Array;
  lines: string[];
  exit: number;
}

/**
 * Writes the channel table for the folder `root` (`shown`: as the command line named it) to
 * `outFile` (relative to the working folder; replacing a file there only with `force`) or
 * stdout; resolves to the exit code.
 */
export async function exportChannelTable({ root, shown, outFile, io, force }: FolderExport): Promise<number> {
  const own = outFile === undefined ? null : await ownTable(root, path.resolve(io.cwd, outFile));
  const finder = createProfileFinder(createProfileCache(), { root });
  const inForce = await finder.channelTableFor(path.join(root, CHANNEL_TABLE_NAME));
  const result = inForce === null ? await draftOf(root, shown) : await copyOf(inForce, shown);
  if (own === null) await writeOutput(io, outFile, result.bytes, force);
  else {
    const text = new TextDecoder().decode(result.bytes);
    await writeTableJournaled(root, own.absFile, own.label, text, own.version, CHANNELS_ACTION, io);
  }
  if (outFile !== undefined) io.err(`channel table written to ${outFile}`);
  for (const line of result.lines) io.err(line);
  return result.exit;
}

/** The journal's action of an export over the folder's own table. */
const CHANNELS_ACTION = 'export --format channels';

/**
 * The folder's own table when `absOut` is it (links resolved), with its version as found before
 * any work (null: no file), for a journaled write checked against it; null for any other file.
 */
async function ownTable(
  root: string,
  absOut: string,
): Promise<{ absFile: string; label: string; version: SidecarVersion | null } | null> {
  const real = (dir: string) => realpath(dir).catch(() => null);
  const [outDir, rootDir] = await Promise.all([real(path.dirname(absOut)), real(root)]);
  if (path.basename(absOut) !== CHANNEL_TABLE_NAME || outDir === null || outDir !== rootDir) return null;
  const absFile = path.join(root, CHANNEL_TABLE_NAME);
  return {
    absFile,
    label: CHANNEL_TABLE_NAME,
    version: channelTableInForce(absFile, CHANNEL_TABLE_NAME)?.version ?? null,
  };
}

/** The table in force as stored; exit 1 when it cannot be used as it is. */
async function copyOf(inForce: LoadedChannelTable, shown: string): Promise<ChannelExport> {
  const name = path.isAbsolute(inForce.label) ? inForce.label : path.join(shown, inForce.label);
  if (inForce.version === null)
    throw new CliError(EXIT.conflict, `cannot read ${name}: ${inForce.problem ?? 'unknown'}`);
  const bytes = await readFile(inForce.absPath).catch((error: Error) => {
    throw new CliError(EXIT.conflict, `cannot read ${name}: ${error.message}`);
  });
  const lines = [`the channel table in force for ${shown} is ${name}: copied as stored`];
  if (inForce.table !== null) return { bytes, lines, exit: EXIT.ok };
  lines.push(`${name} cannot be used as it is: ${inForce.problem ?? 'unknown'}`);
  return { bytes, lines, exit: EXIT.problems };
}

/** The draft from the headers under `root`; exit 1 when a header could not be read or images do not fit it. */
async function draftOf(root: string, shown: string): Promise<ChannelExport> {
  const scanner = createTiffScanner();
  let folderDraft: FolderDraft;
  try {
    folderDraft = await draftForFolder(root, scanner);
  } finally {
    await scanner.close();
  }
  const { draft, groups, images, read } = folderDraft;
  const unread = read.flatMap((entry) => ('message' in entry ? [entry] : []));
  const lines = unread.map(({ absPath, message }) => `${relativeTo(root, absPath)}: left out, ${message}`);
  const headers = read.length - unread.length;
  const all = images === headers ? '' : ` (${count(images, 'image')} in all)`;
  lines.push(`no channel table applies to ${shown}: drafted from ${count(headers, 'image header')}${all}`);
  if (draft.rows.length === 0) lines.push('no image header gives a channel count: the draft has the columns only');
  const differ = differences(groups);
  if (differ !== null) lines.push(differ);
  const exit = unread.length > 0 || differ !== null ? EXIT.problems : EXIT.ok;
  return { bytes: new TextEncoder().encode(channelTableText(draft)), lines, exit };
}

/** How the groups past the drafted one differ from it, by channel count; null when the images agree. */
function differences([drafted, ...others]: readonly ChannelGroup[]): string | null {
  if (drafted === undefined || others.length === 0) return null;
  const channels = drafted.channelCount;
  const byCount = new Map<number, number>();
  for (const { channelCount, images } of others) byCount.set(channelCount, (byCount.get(channelCount) ?? 0) + images);
  const parts = [...byCount]
    .sort(([a], [b]) => a - b)
    .map(([channelCount, images]) =>
      channelCount === channels
        ? `${count(images, 'image')} with ${count(channels, 'channel')} ${images === 1 ? 'records' : 'record'} other channel names, fluorophores or wavelengths`
        : `${count(images, 'image')} ${images === 1 ? 'has' : 'have'} ${count(channelCount, 'channel')}`,
    );
  return `the images differ, one table does not fit them all: the draft has the ${count(channels, 'channel')} of ${count(drafted.images, 'image')}; ${parts.join(', ')}`;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const relativeTo = (root: string, absPath: string): string => path.relative(root, absPath).split(path.sep).join('/');
