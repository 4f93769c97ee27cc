/**
 * The instrument catalogue editor's files, as pure state: each description file as read and as
 * the edits leave it (checked by the shared reader), and what holds a save back.
 */
import type { SidecarVersion } from '../../../shared/api';
import type { InstrumentCatalogueInfo, InstrumentDraft, InstrumentEdit } from '../../../shared/api-instruments';
import type { InstrumentProblem } from '../../../shared/instruments';
import {
  descriptionName,
  problemPlace,
  shownComponents,
  shownDescription,
  type EditTarget,
  type ShownDescription,
} from './instrument-grid';

/** One description file in the editor: as read, and as the edits leave it. */
export interface InstrumentFileEditor {
  /** Relative to the open folder. */
  file: string;
  /** The text on disk as read; null for a file the editor creates. */
  read: string | null;
  /** The version read (null: no file yet), the save's conflict check. */
  version: SidecarVersion | null;
  /** What the edits apply to: the text read, or a new file's starting text. */
  base: string | null;
  /** The problems of the file as read (a save is not held back by these). */
  readProblems: InstrumentProblem[];
  edits: InstrumentEdit[];
  /** `base` with `edits` applied, read and checked. */
  shown: ShownDescription;
}

/** The dialog's state. */
export interface InstrumentCatalogueEditor {
  /** The folder whose catalogue in force is shown, relative to the open folder. */
  folder: string;
  /** The image whose header "Add from this image's header" drafts from; null when none is chosen. */
  image: string | null;
  /** What was read; null while it is being read. */
  info: InstrumentCatalogueInfo | null;
  files: InstrumentFileEditor[];
  /** The index in `files` of the file shown. */
  active: number;
  /** Cells whose text is not a value of their field (a number field holding `abc`), by {@link cellKey}: the text and why. */
  typed: Readonly<Record<string, { text: string; error: string }>>;
  /** The image's header drafted as a description, until it is placed; `loading` while it is read. */
  draft: InstrumentDraft | 'loading' | null;
  saving: boolean;
  /** Why the last save failed (`file`: the file it failed on); `conflict`: the file changed on disk since it was read. */
  failure: { file: string; conflict: boolean; message: string } | null;
}

/** A file's editor, as read. */
export function fromRead(info: InstrumentCatalogueInfo['files'][number]): InstrumentFileEditor {
  const { file, text, version, problems } = info;
  return {
    file,
    read: text,
    version,
    base: text,
    readProblems: problems,
    edits: [],
    shown: shownDescription(file, text, [], problems),
  };
}

/** A file's editor with `edits`, checked. */
export function withEdits(file: InstrumentFileEditor, edits: InstrumentEdit[]): InstrumentFileEditor {
  return { ...file, edits, shown: shownDescription(file.file, file.base, edits, file.readProblems) };
}

/** A new file's editor, starting from `text`. */
export function created(file: string, text: string): InstrumentFileEditor {
  return withEdits({ file, read: null, version: null, base: text, readProblems: [], edits: [], shown: EMPTY }, []);
}

const EMPTY: ShownDescription = { text: null, root: null, problems: [] };

/** Whether saving would write `file`. */
export function isChanged(file: InstrumentFileEditor): boolean {
  return file.edits.length > 0 || file.read === null;
}

const problemKey = (p: InstrumentProblem) => `${p.at}\u0000${p.message}`;

/** The problems the edits brought into `file` (those it had as read do not hold a save back). */
export function newProblems(file: InstrumentFileEditor): InstrumentProblem[] {
  const had = new Set(file.readProblems.map(problemKey));
  return file.shown.problems.filter((p) => !had.has(problemKey(p)));
}

/** Why Save cannot run now, in words; null when it can. */
export function instrumentSaveBlocker(editor: InstrumentCatalogueEditor): string | null {
  const changed = editor.files.filter(isChanged);
  if (changed.length === 0) return 'Nothing changed.';
  // a new file in the folder's own catalogue would hide the lab's whole catalogue above it
  if (editor.info?.above)
    return `The catalogue in force is above the open folder: open ${aboveFolder(editor.info)} to edit it.`;
  const typed = Object.keys(editor.typed).length;
  if (typed > 0) return `Fix the ${typed === 1 ? 'value that is' : `${typed} values that are`} not a number to save.`;
  const broken = changed.find((f) => f.shown.text === null);
  if (broken) return `${broken.file}: the changes cannot be applied.`;
  // a warning never holds a save back; an error names where it is
  const errors = changed.flatMap((file) =>
    newProblems(file)
      .filter((problem) => problem.severity === 'error')
      .map((problem) => ({ file, problem })),
  );
  const first = errors[0];
  if (first === undefined) return null;
  const place = problemPlace(first.file.shown.root, first.problem.at, editor.info?.specs.components ?? []);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `To save, fix ${place}: ${first.problem.message}${more}.`;
}

/** The `Schema_ID` and `ID` a component needs, with a name for its row. */
export function newComponent(schemaId: string, label: string, count: number): Record<string, unknown> {
  return { Schema_ID: schemaId, ID: crypto.randomUUID(), Name: `${label} ${count + 1}` };
}

/** The value `target`'s `key` holds in the file before any edit (undefined: the key is absent). */
export function readValue(file: InstrumentFileEditor, target: EditTarget, key: string): unknown {
  const root = shownDescription(file.file, file.base, []).root;
  if (target === 'instrument') return root?.[key];
  if (target === 'stand') {
    const stand = root?.MicroscopeStand;
    return typeof stand === 'object' && stand !== null ? (stand as Record<string, unknown>)[key] : undefined;
  }
  return shownComponents(root).find(({ component }) => component.ID === target.id)?.component[key];
}

/** The file shown in the editor, with its name for headings. */
export function shownFile(editor: InstrumentCatalogueEditor): { file: InstrumentFileEditor; name: string } | null {
  const file = editor.files[editor.active];
  return file ? { file, name: descriptionName(file, file.shown.root) } : null;
}

/** The folder to open to edit a catalogue above the open folder: the one holding its `acqmeta.instruments/`. */
export function aboveFolder(info: Pick<InstrumentCatalogueInfo, 'inForce'>): string {
  return (info.inForce ?? '').replace(/[\\/][^\\/]+$/, '');
}
