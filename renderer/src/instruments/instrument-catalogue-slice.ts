/**
 * The instrument catalogue editor: the lab's microscope descriptions (`acqmeta.instruments/`) in
 * force for a folder, each file's stand and components edited as tables. Every change is an
 * `InstrumentEdit`; the file is shown, and checked by the shared checks, as the edits leave its
 * text. Save writes each changed file with the version read, each as one step of the one undo
 * history: undo writes the text it replaced back (or removes a file it created), redo the new.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SidecarVersion } from '../../../shared/api';
import type { InstrumentCatalogueInfo, InstrumentEdit, InstrumentFieldSpec } from '../../../shared/api-instruments';
import { newInstrumentText } from '../../../shared/instruments';
import { type AppState, describeFileStep, type InstrumentFileStep, recordStep, selectWatchMode } from '../store';
import { channelTableFolder } from '../channels';
import {
  cellKey,
  newDescriptionFile,
  shownComponents,
  shownDescription,
  typedValue,
  withCellEdit,
  type EditTarget,
} from './instrument-grid';
import {
  created,
  fromRead,
  instrumentSaveBlocker,
  isChanged,
  readValue,
  newComponent,
  withEdits,
  type InstrumentCatalogueEditor,
  type InstrumentFileEditor,
} from './instrument-editor';

/** Instrument catalogue state and actions. */
export interface InstrumentCatalogueSlice {
  instrumentCatalogue: InstrumentCatalogueEditor | null;
  /**
   * Opens the editor for `folder` (by default the folder of the selected images, else the open
   * folder) and reads its catalogue; `image` (by default the one selected image) is the header
   * "Add from this image's header" drafts from, and `propose` reads that draft at once.
   */
  openInstrumentCatalogue(options?: { folder?: string; image?: string | null; propose?: boolean }): Promise<void>;
  /** Shows another file (an index in `files`). */
  showInstrumentFile(index: number): void;
  /** Sets one cell of the file shown: the description's or stand's `key`, or a component's (by `ID`). */
  editInstrumentCell(target: EditTarget, field: InstrumentFieldSpec, text: string): void;
  /** Appends a new component of type `schemaId` to the file shown. */
  addInstrumentComponent(schemaId: string): void;
  /** Removes the component with `id` from the file shown. */
  removeInstrumentComponent(id: string): void;
  /** Starts a new description file named `name` in the catalogue folder, and shows it. */
  newInstrumentFile(name: string): void;
  /** Chooses the image whose header "Add from this image's header" drafts from (when none was selected). */
  chooseDraftImage(path: string): void;
  /** Reads the draft of the image's header. */
  draftFromImage(): Promise<void>;
  /** Places the draft: its components added to the file shown (`into: 'shown'`), or as a new file. */
  placeDraft(into: 'shown' | 'new'): void;
  /** Reads the catalogue again (after a conflict); the edits are applied again to the files as now on disk. */
  reloadInstrumentCatalogue(): Promise<void>;
  /** Saves every changed file (when nothing blocks it), each one step of the history; false when not all were saved. */
  submitInstrumentCatalogue(): Promise<boolean>;
  closeInstrumentCatalogue(): void;
  /**
   * Writes one side of an instrument file's step back over `expected`: the step as written now,
   * or null (with a notice) when the write failed or the file is another program's version now
   * (the step then stays where it is).
   */
  writeInstrumentStep(
    file: InstrumentFileStep,
    side: 'before' | 'after',
    expected: SidecarVersion | null,
  ): Promise<InstrumentFileStep | null>;
  /**
   * The microscope descriptions of `folders` (relative) changed: the image details are read
   * again, and so are the rows below them, at most {@link ROW_REFRESH_LIMIT}, which take their
   * new catalogue names (the table's columns).
   */
  refreshCatalogueMatches(folders: readonly string[]): void;
}

/** Rows read again after a catalogue changed, at most: a larger folder's columns follow its next scan. */
const ROW_REFRESH_LIMIT = 5_000;
/** Rows asked for at once. */
const ROWS_IN_FLIGHT = 16;

/** The folder a description file's catalogue applies to: the one holding its `acqmeta.instruments/`. */
function catalogueScope(file: string): string {
  return file.split('/').slice(0, -2).join('/');
}

/** Whether `path` (relative) lies under `folder` (`''`: the open folder). */
const isUnder = (path: string, folder: string): boolean => folder === '' || path.startsWith(`${folder}/`);

/** Creates the instrument catalogue slice. */
export const createInstrumentCatalogueSlice: StateCreator<AppState, [], [], InstrumentCatalogueSlice> = (set, get) => {
  /** Changes the open editor (not while it is saving). */
  function update(change: (editor: InstrumentCatalogueEditor) => Partial<InstrumentCatalogueEditor>): void {
    const editor = get().instrumentCatalogue;
    if (!editor?.info || editor.saving) return;
    set({ instrumentCatalogue: { ...editor, ...change(editor), failure: null } });
  }

  /** Changes the edits of the file shown. */
  function editShown(change: (edits: InstrumentEdit[], file: InstrumentFileEditor) => InstrumentEdit[]): void {
    update(({ files, active }) => ({
      files: files.map((f, i) => (i === active ? withEdits(f, change(f.edits, f)) : f)),
    }));
  }

  /** Reads the catalogue; null (with a notice or a failure shown) when it could not be read. */
  async function read(folder: string): Promise<InstrumentCatalogueInfo | null> {
    const result = await get().client.getInstrumentCatalogue({ folder });
    const editor = get().instrumentCatalogue;
    if (editor?.folder !== folder) return null;
    if (result.ok) return result.payload;
    if (editor.info === null) {
      set({ instrumentCatalogue: null });
      get().notify('error', `The instrument catalogue could not be read: ${result.error.message}`);
    } else {
      set({
        instrumentCatalogue: { ...editor, failure: { file: '', conflict: false, message: result.error.message } },
      });
    }
    return null;
  }

  /**
   * After AcqMeta wrote `file`: the image details are read again (the panel's match follows the
   * catalogue); the rows follow the write's `folder-changed` event, or, when the folder is not
   * watched, are read again here.
   */
  function refreshMatches(file: string): void {
    set({ details: {} });
    if (selectWatchMode(get()) === null) get().refreshCatalogueMatches([catalogueScope(file)]);
  }

  return {
    instrumentCatalogue: null,

    refreshCatalogueMatches: (folders) => {
      set({ details: {} });
      const paths = Object.keys(get().rows)
        .filter((path) => folders.some((folder) => isUnder(path, folder)))
        .slice(0, ROW_REFRESH_LIMIT);
      void (async () => {
        for (let i = 0; i < paths.length; i += ROWS_IN_FLIGHT) {
          const answers = await Promise.all(
            paths.slice(i, i + ROWS_IN_FLIGHT).map((path) => get().client.reloadRow({ path })),
          );
          const rows = answers.flatMap((answer) => {
            const row = answer.ok ? get().rows[answer.payload.path] : undefined;
            if (!answer.ok || !row) return [];
            const { catalogue: _old, ...rest } = row;
            return [answer.payload.catalogue ? { ...rest, catalogue: answer.payload.catalogue } : rest];
          });
          get().addRows(rows);
        }
      })();
    },

    openInstrumentCatalogue: async ({ folder, image, propose = false } = {}) => {
      const { selected } = get();
      const only = selected.size === 1 ? [...selected][0]! : null;
      const shown: InstrumentCatalogueEditor = {
        folder: folder ?? channelTableFolder(image ? [image] : selected),
        image: image === undefined ? only : image,
        info: null,
        files: [],
        active: 0,
        typed: {},
        draft: null,
        saving: false,
        failure: null,
      };
      set({ instrumentCatalogue: shown });
      const info = await read(shown.folder);
      if (info === null) return;
      set({ instrumentCatalogue: { ...shown, info, files: info.files.map(fromRead) } });
      if (propose) await get().draftFromImage();
    },

    showInstrumentFile: (index) => update(({ files }) => ({ active: Math.max(0, Math.min(index, files.length - 1)) })),

    editInstrumentCell: (target, field, text) => {
      const editor = get().instrumentCatalogue;
      const file = editor?.files[editor.active];
      if (!editor || !file) return;
      const key = cellKey(file.file, target, field.key);
      const typed = typedValue(field, text);
      if (typed.error !== null)
        return update(() => ({ typed: { ...editor.typed, [key]: { text, error: typed.error } } }));
      const { [key]: _dropped, ...others } = editor.typed;
      update(() => ({ typed: others }));
      editShown((edits) => withCellEdit(edits, target, field.key, typed.value, readValue(file, target, field.key)));
    },

    addInstrumentComponent: (schemaId) => {
      const spec = get().instrumentCatalogue?.info?.specs.components.find((s) => s.schemaId === schemaId);
      if (!spec) return;
      editShown((edits, file) => {
        const count = shownComponents(file.shown.root).filter((c) => c.component.Schema_ID === schemaId).length;
        return [...edits, { op: 'add', component: newComponent(schemaId, spec.label, count) }];
      });
    },

    removeInstrumentComponent: (id) => editShown((edits) => [...edits, { op: 'remove', id }]),

    newInstrumentFile: (name) =>
      update(({ info, files }) => {
        const folder = info!.inForce ?? info!.own;
        const file = newDescriptionFile(
          folder,
          name,
          files.map((f) => f.file),
        );
        return { files: [...files, created(file, newInstrumentText(name.trim(), {}))], active: files.length };
      }),

    chooseDraftImage: (path) => update(() => ({ image: path, draft: null })),

    draftFromImage: async () => {
      const editor = get().instrumentCatalogue;
      if (!editor?.info || editor.image === null || editor.draft === 'loading') return;
      update(() => ({ draft: 'loading' }));
      const result = await get().client.draftInstrumentFromImage({ path: editor.image });
      const current = get().instrumentCatalogue;
      if (current?.draft !== 'loading') return;
      if (result.ok) return set({ instrumentCatalogue: { ...current, draft: result.payload } });
      set({ instrumentCatalogue: { ...current, draft: null } });
      get().notify('error', `The header of ${editor.image} could not be drafted: ${result.error.message}`);
    },

    placeDraft: (into) => {
      const draft = get().instrumentCatalogue?.draft;
      if (!draft || draft === 'loading') return;
      if (into === 'shown') {
        editShown((edits) => [...edits, ...draft.components.map((component) => ({ op: 'add' as const, component }))]);
      } else if (draft.text !== null) {
        const text = draft.text;
        update(({ info, files }) => {
          const named = shownDescription('draft', text, []).root?.Name;
          const file = newDescriptionFile(
            info!.inForce ?? info!.own,
            typeof named === 'string' ? named : draft.path.split('/').pop()!,
            files.map((f) => f.file),
          );
          return { files: [...files, created(file, text)], active: files.length };
        });
      }
      update(() => ({ draft: null }));
    },

    reloadInstrumentCatalogue: async () => {
      const editor = get().instrumentCatalogue;
      if (!editor?.info || editor.saving) return;
      const info = await read(editor.folder);
      const current = get().instrumentCatalogue;
      if (info === null || !current) return;
      const onDisk = info.files.map((f) => {
        const mine = current.files.find((m) => m.file === f.file);
        return mine ? withEdits(fromRead(f), mine.edits) : fromRead(f);
      });
      const creating = current.files.filter((m) => m.read === null && !info.files.some((f) => f.file === m.file));
      const files = [...onDisk, ...creating];
      const shownFile = current.files[current.active]?.file;
      const active = Math.max(
        0,
        files.findIndex((f) => f.file === shownFile),
      );
      set({ instrumentCatalogue: { ...current, info, files, active, failure: null } });
    },

    submitInstrumentCatalogue: async () => {
      const editor = get().instrumentCatalogue;
      if (!editor?.info || editor.saving || instrumentSaveBlocker(editor) !== null) return false;
      set({ instrumentCatalogue: { ...editor, saving: true, failure: null } });
      const saved: string[] = [];
      for (const file of editor.files.filter(isChanged)) {
        const text = file.shown.text!;
        const action = describeFileStep({ file: file.file });
        const result = await get().client.saveInstrumentFile({ file: file.file, text, expected: file.version, action });
        if (!result.ok) {
          const current = get().instrumentCatalogue;
          const failure = {
            file: file.file,
            conflict: result.error.code === 'CONFLICT',
            message: result.error.message,
          };
          if (current) set({ instrumentCatalogue: { ...current, saving: false, failure } });
          if (saved.length > 0) refreshMatches(saved[0]!);
          return false;
        }
        const step: InstrumentFileStep = {
          kind: 'instrument-file',
          file: file.file,
          before: file.read,
          after: text,
          written: result.payload.version,
        };
        saved.push(file.file);
        set((s) => ({
          history: recordStep(s.history, { action, changes: [], coalesceKey: null, file: step }),
          instrumentCatalogue: s.instrumentCatalogue && {
            ...s.instrumentCatalogue,
            files: s.instrumentCatalogue.files.map((f) =>
              f.file === file.file
                ? withEdits(
                    { ...f, read: text, base: text, version: result.payload.version, readProblems: f.shown.problems },
                    [],
                  )
                : f,
            ),
          },
        }));
      }
      set({ instrumentCatalogue: null });
      refreshMatches(saved[0]!);
      get().notify('success', `Saved ${saved.join(', ')}.`);
      return true;
    },

    closeInstrumentCatalogue: () => {
      if (!get().instrumentCatalogue?.saving) set({ instrumentCatalogue: null });
    },

    writeInstrumentStep: async (file, side, expected) => {
      const undone = `${side === 'before' ? 'Undo' : 'Redo'} ${describeFileStep(file)}`;
      const result = await get().client.saveInstrumentFile({
        file: file.file,
        text: file[side],
        expected,
        action: undone,
      });
      if (result.ok) {
        refreshMatches(file.file);
        return { ...file, written: result.payload.version };
      }
      const verb = side === 'before' ? 'undo' : 'redo';
      const why =
        result.error.code === 'CONFLICT'
          ? 'another program changed it since AcqMeta wrote it; open the instrument catalogue to see their version'
          : result.error.message;
      get().notify('error', `Could not ${verb} ${file.file}: ${why}.`);
      return null;
    },
  };
};
