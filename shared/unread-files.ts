/**
 * Acquisition files AcqMeta does not read (yet): microscope formats by their file-name ending
 * that get no row (an OIR without a sidecar, a Leica LOF, an Imaris file, CloudScope's
 * zipped store ...; CZI, ND2, LIF and OIB files and OME-Zarr folders are read, and always listed). A folder's walk counts them so the app and `acqmeta scan` can say what was
 * left out, instead of leaving it out in silence.
 */

/** One format AcqMeta recognises but does not read: its short name and its file-name ending. */
interface UnreadFormat {
  name: string;
  ending: RegExp;
}

/** Known microscopy formats, in the order their counts are listed. */
const UNREAD_FORMATS: readonly UnreadFormat[] = [
  { name: 'LOF', ending: /\.lof$/i },
  { name: 'XLIF', ending: /\.xlif$/i },
  { name: 'OIF', ending: /\.oif$/i },
  { name: 'OIR', ending: /\.oir$/i },
  { name: 'Imaris', ending: /\.ims$/i },
  { name: 'VSI', ending: /\.vsi$/i },
  { name: 'SlideBook', ending: /\.sldy?$/i },
  { name: 'DeltaVision', ending: /\.(dv|r3d)$/i },
  { name: 'ZVI', ending: /\.zvi$/i },
  { name: 'MetaMorph', ending: /\.(stk|nd)$/i },
  { name: 'zipped CloudScope store', ending: /\.cs\.ome\.zarr\.zip$/i },
];

/** The format a walk gives a folder too deep to walk into: counted and named like an unread file. */
export const FOLDER_TOO_DEEP = 'folder too deep to list';

/** The deepest folder a walk lists, in levels below the opened folder: no acquisition layout comes near it. */
export const MAX_LISTED_DEPTH = 256;

/** Paths named per scan; past this many, only counted. */
export const UNREAD_PATHS_KEPT = 200;

/** The format of a file AcqMeta does not read; null when its name is no known acquisition format. */
export function unreadFormatOf(name: string): string | null {
  return UNREAD_FORMATS.find((format) => format.ending.test(name))?.name ?? null;
}

/** The files of a folder that AcqMeta did not read, counted by format, the first ones named. */
export interface UnreadFiles {
  count: number;
  /** Per format, in the order of the format list; formats with none left out. */
  byFormat: { format: string; count: number }[];
  /** Paths relative to the folder, in walk order: the first {@link UNREAD_PATHS_KEPT}. */
  paths: string[];
}

/** Counts unread files as a walk finds them. */
export class UnreadTally {
  private count = 0;
  private readonly counts = new Map<string, number>();
  private readonly paths: string[] = [];

  /** Notes one file of `format` (a name {@link unreadFormatOf} gave). */
  add(relPath: string, format: string): void {
    this.count++;
    this.counts.set(format, (this.counts.get(format) ?? 0) + 1);
    if (this.paths.length < UNREAD_PATHS_KEPT) this.paths.push(relPath);
  }

  /** What was counted so far. */
  result(): UnreadFiles {
    const byFormat = [...UNREAD_FORMATS.map((format) => format.name), FOLDER_TOO_DEEP].flatMap((name) => {
      const count = this.counts.get(name);
      return count === undefined ? [] : [{ format: name, count }];
    });
    return { count: this.count, byFormat, paths: [...this.paths] };
  }
}

/** `5 files`, `1 folder`. */
function counted(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** How many of `unread` are folders too deep to list, and how many are files. */
function partsOf(unread: UnreadFiles): { files: { format: string; count: number }[]; folders: number } {
  const files = unread.byFormat.filter((f) => f.format !== FOLDER_TOO_DEEP);
  return { files, folders: unread.count - files.reduce((sum, f) => sum + f.count, 0) };
}

/** `5 files not read`, `1 folder not listed`, or both: the status bar's words for `unread`. */
export function unreadLabel(unread: UnreadFiles): string {
  const { folders } = partsOf(unread);
  const fileCount = unread.count - folders;
  return [
    fileCount > 0 ? `${counted(fileCount, 'file')} not read` : '',
    folders > 0 ? `${counted(folders, 'folder')} not listed` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * `5 files not read: 2 OIR, 1 Imaris, 2 VSI`, then `1 folder too deep to list (over 256
 * levels)` where the walk met one; empty text when there are none.
 */
export function unreadSummary(unread: UnreadFiles): string {
  if (unread.count === 0) return '';
  const { files, folders } = partsOf(unread);
  const fileCount = unread.count - folders;
  const parts = [
    fileCount > 0
      ? `${counted(fileCount, 'file')} not read: ${files.map((f) => `${f.count.toLocaleString('en-US')} ${f.format}`).join(', ')}`
      : '',
    folders > 0 ? `${counted(folders, 'folder')} too deep to list (over ${MAX_LISTED_DEPTH} levels)` : '',
  ];
  return parts.filter((part) => part !== '').join('; ');
}
