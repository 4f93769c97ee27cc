/**
 * The dataset readme (or Methods draft) of a folder or some of its images as a file: the
 * images' headers read through the scanner, their sidecars and the lab profiles in force —
 * shared by `acqmeta export --format readme|methods` and the `exportReadme` API method.
 */
import type { ImageRow } from '../../../shared/api';
import { datasetDraft, DRAFT_SUFFIXES, type DatasetDraft } from '../../../shared/sheets/dataset-drafts';
import type { ImageEntry } from '../folder';
import { profilesUnder, type ProfileFinder } from '../profile';
import { scanRows } from '../rows';
import type { TiffScanner } from '../tiff';
import type { ExportFile } from './table-file';

/** A readme export: the file and how many images it describes. */
export interface ReadmeExport {
  file: ExportFile;
  count: number;
}

/** Today as `YYYY-MM-DD` in local time. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads every entry (header, sidecar, profile problems) and writes the draft (readme unless
 * `draft` says otherwise) of the folder named `folderName`; the profiles described are those
 * in force for these images.
 */
export async function exportReadme(
  root: string,
  folderName: string,
  entries: AsyncIterable<ImageEntry> | Iterable<ImageEntry>,
  scanner: TiffScanner,
  finder: ProfileFinder,
  draft: DatasetDraft = 'readme',
  today: string = localDay(),
): Promise<ReadmeExport> {
  const rows: ImageRow[] = [];
  for await (const row of scanRows(root, entries, scanner, { profiles: finder })) rows.push(row);
  const used = new Set(rows.map((row) => row.profile));
  const profiles = (await profilesUnder(root, finder)).filter((profile) => used.has(profile.source));
  const text = datasetDraft(draft, { folderName, rows, profiles, today });
  return {
    file: {
      bytes: new TextEncoder().encode(text),
      mimeType: 'text/markdown',
      suffix: DRAFT_SUFFIXES[draft],
      notes: [],
    },
    count: rows.length,
  };
}
