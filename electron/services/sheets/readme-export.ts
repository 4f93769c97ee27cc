/**
 * The dataset readme (or Methods draft) of a folder or some of its images as a file: the
 * images' headers read through the scanner, their sidecars, the lab profiles in force, (for
 * the readme) the change journal and (for the Methods draft) the microscope catalogue's match — shared by `acqmeta export --format readme|methods` and the
 * `exportReadme` API method.
 */
import type { ImageRow } from '../../../shared/api';
import { datasetDraft, DRAFT_SUFFIXES, type DatasetDraft } from '../../../shared/sheets/dataset-drafts';
import { targetReport } from '../../../shared/sheets/readme-target';
import type { SubmissionTarget } from '../../../shared/submission';
import { listDatasetPaths, type ImageEntry } from '../folder';
import { readFolderJournal } from '../journal';
import { profilesUnder, targetInForce, withHardware, type ProfileFinder } from '../profile';
import { scanRows } from '../rows';
import type { TiffScanner } from '../tiff';
import type { ExportFile } from './table-file';

/** A readme export: the file and how many images it describes. */
export interface ReadmeExport {
  file: ExportFile;
  count: number;
}

/** How a draft is made. */
export interface ReadmeExportOptions {
  /** The draft: `readme` (the default) or `methods`. */
  draft?: DatasetDraft;
  /** The per-user settings folder, where the journals of folders that cannot be written are kept (default: the user's). */
  configDir?: string;
  /** The day the draft is made, `YYYY-MM-DD` (default: today, local time). */
  today?: string;
}

/** Today as `YYYY-MM-DD` in local time. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads every entry (header, sidecar, profile problems) and writes the draft (readme unless
 * `options.draft` says otherwise) of the folder named `folderName`; the profiles described are
 * those in force for these images. The readme's provenance comes from the folder's journal,
 * whose unreadable lines are the file's notes.
 */
export async function exportReadme(
  root: string,
  folderName: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  scanner: TiffScanner,
  finder: ProfileFinder,
  { draft = 'readme', configDir, today = localDay() }: ReadmeExportOptions = {},
): Promise<ReadmeExport> {
  const rows: ImageRow[] = [];
  for await (const row of scanRows(root, entries, scanner, { profiles: finder })) rows.push(row);
  const used = new Set(rows.map((row) => row.profile));
  const profiles = (await profilesUnder(root, finder)).filter((profile) => used.has(profile.source));
  // the Methods draft says nothing of who edited the sidecars
  const journal = draft === 'readme' ? await readFolderJournal(root, configDir) : null;
  // what the images matched in the lab's catalogue: the Methods draft names it, the target's metadata uses it
  const matched = await withHardware(root, rows, finder);
  const inForce = await targetInForce(finder, root);
  const target =
    inForce === null
      ? undefined
      : targetReport(inForce.target, inForce.profile, await layoutPaths(root, inForce.target), folderName, matched);
  const text = datasetDraft(draft, { folderName, rows: matched, profiles, today, journal: journal?.records, target });
  return {
    file: {
      bytes: new TextEncoder().encode(text),
      mimeType: 'text/markdown',
      suffix: DRAFT_SUFFIXES[draft],
      notes: (journal?.problems ?? []).map((problem) => `change journal: ${problem}`),
    },
    count: rows.length,
  };
}

/** The folder listed as the target's directory schema is checked (none without one). */
function layoutPaths(root: string, target: SubmissionTarget): Promise<string[]> {
  return target.directory === null ? Promise.resolve([]) : listDatasetPaths(root);
}
