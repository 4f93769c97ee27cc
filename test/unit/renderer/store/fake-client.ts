/** A scripted ApiClient and sample rows for store tests. */
import type {
  ApiClient,
  ApiEvent,
  ApiRequest,
  ApiResult,
  ChannelTableSave,
  CollectionExportRequest,
  ConvertRequest,
  ImageReview,
  ImageRow,
  ProfileInfo,
  ProfileProblem,
  SaveOutcome,
  SaveRequest,
  SidecarVersion,
  UploadAsked,
  ValuesToCheck,
} from '../../../../shared/api';
import type { InstrumentDraft, InstrumentFileSave } from '../../../../shared/api-instruments';
import type { ChannelGroup } from '../../../../shared/channels/channel-draft';
import { instrumentSpecs, readInstrumentDescription } from '../../../../shared/instruments';
import { CHANNEL_TABLE_NAME, emptyChannelTable, type ChannelTable } from '../../../../shared/channels/channel-table';
import { EDITABLE_FIELDS, type FieldValues } from '../../../../shared/fields/field-table';
import type { HeaderWriteRecord, JournalRecord } from '../../../../shared/journal';
import { createAppStore, type AppStore } from '../../../../renderer/src/app-store';

/** Default values of all editable fields. */
export const DEFAULTS: FieldValues = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f.name, f.default]));

/** A row with a saved sidecar and these values. */
export function makeRow(path: string, values: FieldValues = {}, extra: Partial<ImageRow> = {}): ImageRow {
  return {
    path,
    format: 'tiff',
    header: {
      shape: '(2, 512, 512)',
      dims: "('C', 'Y', 'X')",
      sizes: "{'C': 2, 'Y': 512, 'X': 512}",
      dtype: 'uint16',
      num_channels: 2,
      num_scenes: 1,
      date: '',
      time: '',
    },
    fileCalibration: null,
    sidecar: 'ok',
    version: { size: 100, mtimeMs: 1, sha256: `v-${path}` },
    values: { ...DEFAULTS, ...values },
    errors: [],
    profile: null,
    profileProblems: [],
    ...extra,
  };
}

/** What a test can script and inspect. */
export interface FakeBackend {
  client: ApiClient;
  /** Every `saveSidecars` request, in order. */
  saves: SaveRequest[][];
  /** The change-journal batch id of every `saveSidecars` request, in order (null: none given). */
  saveBatchIds: (string | null)[];
  /** Decides one file's save outcome; by default it succeeds with the changes applied. */
  saveOutcome: (save: SaveRequest) => SaveOutcome;
  /** What `reloadRow` returns. */
  reloaded: Map<string, ImageRow>;
  /** The scanId of every `cancelScan` request (null: none given), in order. */
  cancels: (string | null)[];
  /** Every `exportResults` request, in order. */
  exports: ApiRequest<'exportResults'>[];
  /** What `getProfiles` answers. */
  profiles: ProfileInfo[];
  /** Every `checkValues` request's items, in order. */
  checks: ValuesToCheck[][];
  /** What `checkValues` finds for one item (none by default); the profile in force is the row's. */
  problemsFor: (item: ValuesToCheck) => ProfileProblem[];
  /** Each folder's own channel table on the fake disk, with its version (change it to play another program). */
  channelFiles: Map<string, { table: ChannelTable; version: SidecarVersion }>;
  /** What `getChannelTable` offers as the draft from the headers. */
  channelDraft: ChannelTable;
  /** The groups of images `getChannelTable` answers (none by default). */
  channelGroups: ChannelGroup[];
  /** Every `saveChannelTable` request, in order (a refused one too). */
  channelSaves: ChannelTableSave[];
  /** The microscope descriptions on the fake disk (all in the open folder's `acqmeta.instruments/`), by file, with their versions. */
  instrumentFiles: Map<string, { text: string; version: SidecarVersion }>;
  /** Every `saveInstrumentFile` request, in order (a refused one too). */
  instrumentSaves: InstrumentFileSave[];
  /** What `draftInstrumentFromImage` answers (its `path` is the image asked about). */
  instrumentDraft: Omit<InstrumentDraft, 'path'>;
  /** The change journal's records, oldest first (what `getJournal` filters). */
  journal: JournalRecord[];
  /** Every `startConvert` request, in order; the nth is answered with job id `job-n` (push its events with `emit`). */
  converts: ConvertRequest[];
  /** The job id of every `cancelConvert` request, in order. */
  convertCancels: string[];
  /** Every `startCollectionExport` request, in order; the nth is answered with job id `export-n`. */
  collectionExports: CollectionExportRequest[];
  /** The job id of every `cancelCollectionExport` request, in order. */
  collectionExportCancels: string[];
  /** What `reviewCalibration` answers for each image (refused, by default), and every request's paths, in order. */
  calibrationReview: (path: string) => ImageReview;
  calibrationReviews: string[][];
  /** What every `reviewCalibration` request asked beside its paths (z step, interval, channel names), in order. */
  calibrationAsked: Record<string, unknown>[];
  /** The review id of every `startCalibration` request, in order; the nth is answered with job id `calibrate-n`. */
  calibrations: string[];
  /** The job id of every `cancelCalibration` request, in order. */
  calibrationCancels: string[];
  /** The header write records on the fake disk, and the id of every `undoHeaderWrite` request, in order. */
  headerWrites: HeaderWriteRecord[];
  headerUndos: string[];
  /** Every `reviewUpload` request, in order (the nth answered with review id `upload-review-n`, one linked file), the review id of every `startUpload` (the nth answered with job id `upload-n`), and the job id of every `cancelUpload`. */
  uploadReviews: UploadAsked[];
  uploads: string[];
  uploadCancels: string[];
  emit(event: ApiEvent): void;
}

let channelWrites = 0;
let instrumentWrites = 0;

/** The channel table file of a folder, as the backend names it. */
export const channelFile = (folder: string): string => (folder === '' ? '' : `${folder}/`) + CHANNEL_TABLE_NAME;

/** The parent folders of `folder`, nearest first, ending with the open folder `''`. */
function foldersUp(folder: string): string[] {
  const parts = folder.split('/').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('/')).concat('');
}

const ok = <T>(payload: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, payload });

/** A backend holding `rows`; `scanFolder` answers with `scanId` and emits nothing by itself. */
export function fakeBackend(rows: ImageRow[], scanId = 'scan-1'): FakeBackend {
  const listeners = new Set<(event: ApiEvent) => void>();
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const backend: FakeBackend = {
    saves: [],
    saveBatchIds: [],
    reloaded: new Map(),
    cancels: [],
    exports: [],
    profiles: [],
    checks: [],
    problemsFor: () => [],
    channelFiles: new Map(),
    channelDraft: emptyChannelTable(),
    channelGroups: [],
    channelSaves: [],
    instrumentFiles: new Map(),
    instrumentSaves: [],
    instrumentDraft: { text: null, components: [], notes: [] },
    journal: [],
    converts: [],
    convertCancels: [],
    collectionExports: [],
    collectionExportCancels: [],
    calibrationReview: (path) => ({ path, kind: null, changes: [], refusal: 'refused' }),
    calibrationReviews: [],
    calibrationAsked: [],
    calibrations: [],
    calibrationCancels: [],
    headerWrites: [],
    headerUndos: [],
    uploadReviews: [],
    uploads: [],
    uploadCancels: [],
    saveOutcome: (save) => {
      const row = byPath.get(save.path)!;
      return {
        path: save.path,
        ok: true,
        row: {
          ...row,
          sidecar: 'ok',
          version: { size: 1, mtimeMs: 2, sha256: 'saved' },
          values: { ...row.values, ...save.changes },
        },
      };
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
    client: {
      getSession: ({ scan }) =>
        ok({
          door: 'browser' as const,
          folder: { root: '/lab', name: 'lab' },
          recent: [],
          sampleFolder: null,
          watching: null,
          scanId: scan === true ? scanId : null,
        }),
      openFolder: ({ path }) => ok(path ? { root: path, name: path } : null),
      listFolders: ({ path }) =>
        path === undefined || path.startsWith('/lab')
          ? ok({
              path: path ?? '/lab',
              parent: path === undefined || path === '/lab' ? null : '/lab',
              folders: [],
              truncated: false,
            })
          : Promise.resolve({
              ok: false,
              error: { code: 'OUTSIDE_FOLDER', message: `${path} is outside the folders this server may open.` },
            }),
      chooseFolderPath: () => ok({ path: null }),
      scanFolder: () => ok({ scanId }),
      cancelScan: ({ scanId: id }) => {
        backend.cancels.push(id ?? null);
        return ok({ cancelled: true });
      },
      getImageDetail: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      getPreview: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      exportTable: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      previewImport: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      listPresets: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      savePreset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      renamePreset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      deletePreset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      reloadRow: ({ path }) => ok(backend.reloaded.get(path) ?? byPath.get(path)!),
      saveSidecars: ({ saves, journal }) => {
        backend.saves.push(saves);
        backend.saveBatchIds.push(journal?.batch ?? null);
        return ok(saves.map((save) => backend.saveOutcome(save)));
      },
      getProfiles: () => ok(backend.profiles),
      checkValues: ({ items }) => {
        backend.checks.push(items);
        return ok(
          items.map((item) => ({
            path: item.path,
            problems: backend.problemsFor(item),
            profile: byPath.get(item.path)?.profile ?? null,
          })),
        );
      },
      getChannelTable: ({ folder }) => {
        const own = backend.channelFiles.get(folder);
        const inForce = foldersUp(folder).find((f) => backend.channelFiles.has(f));
        return ok({
          folder,
          file: channelFile(folder),
          inForce: inForce === undefined ? null : channelFile(inForce),
          table: own?.table ?? null,
          version: own?.version ?? null,
          problem: null,
          draft: backend.channelDraft,
          groups: backend.channelGroups,
          images: rows.filter((r) => folder === '' || r.path.startsWith(`${folder}/`)).length,
        });
      },
      saveChannelTable: (save) => {
        backend.channelSaves.push(save);
        const found = backend.channelFiles.get(save.folder)?.version.sha256 ?? null;
        if (found !== (save.expected?.sha256 ?? null))
          return Promise.resolve({
            ok: false,
            error: { code: 'CONFLICT', message: `${channelFile(save.folder)} was changed by another program.` },
          });
        const version = { size: 1, mtimeMs: 1, sha256: `channels-${++channelWrites}` };
        if (save.table === null) backend.channelFiles.delete(save.folder);
        else backend.channelFiles.set(save.folder, { table: save.table, version });
        return ok({ file: channelFile(save.folder), version: save.table === null ? null : version });
      },
      getInstrumentCatalogue: ({ folder }) => {
        const files = [...backend.instrumentFiles]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([file, { text, version }]) => ({ file, text, version, ...readInstrumentDescription(text, file) }));
        return ok({
          folder,
          inForce: files.length > 0 ? 'acqmeta.instruments' : null,
          above: false,
          own: `${folder === '' ? '' : `${folder}/`}acqmeta.instruments`,
          files,
          problems: [],
          specs: instrumentSpecs(),
        });
      },
      saveInstrumentFile: (save) => {
        backend.instrumentSaves.push(save);
        const found = backend.instrumentFiles.get(save.file)?.version.sha256 ?? null;
        if (found !== (save.expected?.sha256 ?? null))
          return Promise.resolve({
            ok: false,
            error: { code: 'CONFLICT', message: `${save.file} was changed by another program.` },
          });
        const version = { size: 1, mtimeMs: 1, sha256: `instrument-${++instrumentWrites}` };
        if (save.text === null) backend.instrumentFiles.delete(save.file);
        else backend.instrumentFiles.set(save.file, { text: save.text, version });
        return ok({ file: save.file, version: save.text === null ? null : version });
      },
      draftInstrumentFromImage: ({ path }) => ok({ path, ...backend.instrumentDraft }),
      getJournal: ({ paths, batch }) =>
        ok({
          records: backend.journal.filter(
            (r) => (paths === undefined || paths.includes(r.path)) && (batch === undefined || r.batch === batch),
          ),
          problems: [],
          ...(backend.headerWrites.length === 0
            ? {}
            : { headers: backend.headerWrites.filter((r) => paths === undefined || paths.includes(r.path)) }),
        }),
      exportReadme: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      planChannelTableRestore: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      restoreChannelTable: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      getDataset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      saveDataset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      restoreDataset: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      checkFolderLayout: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      exportSubmission: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      checkSubmissionMetadata: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
      startConvert: (request) => {
        backend.converts.push(request);
        return ok({ jobId: `job-${backend.converts.length}` });
      },
      cancelConvert: ({ jobId }) => {
        backend.convertCancels.push(jobId);
        return ok({ cancelled: true });
      },
      startCollectionExport: (request) => {
        backend.collectionExports.push(request);
        return ok({ jobId: `export-${backend.collectionExports.length}` });
      },
      cancelCollectionExport: ({ jobId }) => {
        backend.collectionExportCancels.push(jobId);
        return ok({ cancelled: true });
      },
      reviewCalibration: ({ paths, ...asked }) => {
        backend.calibrationReviews.push(paths);
        backend.calibrationAsked.push(asked);
        return ok({
          reviewId: `review-${backend.calibrationReviews.length}`,
          images: paths.map(backend.calibrationReview),
        });
      },
      startCalibration: ({ reviewId }) => {
        backend.calibrations.push(reviewId);
        return ok({ jobId: `calibrate-${backend.calibrations.length}` });
      },
      cancelCalibration: ({ jobId }) => {
        backend.calibrationCancels.push(jobId);
        return ok({ cancelled: true });
      },
      undoHeaderWrite: ({ id }) => {
        backend.headerUndos.push(id);
        const record = backend.headerWrites.find((r) => r.id === id);
        return record === undefined
          ? Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `No header write ${id}.` } })
          : ok({ path: record.path });
      },
      reviewUpload: (asked) => {
        backend.uploadReviews.push(asked);
        return ok({
          reviewId: `upload-review-${backend.uploadReviews.length}`,
          format: asked.format,
          upload: asked.upload,
          replaces: false,
          steps: [{ action: 'link', path: 'lab/raw/images/a.czi', source: 'a.czi', bytes: 2048 }],
          todo: [],
          notes: [],
          bytes: 2048,
          needed: 0,
          free: null,
        });
      },
      startUpload: ({ reviewId }) => {
        backend.uploads.push(reviewId);
        return ok({ jobId: `upload-${backend.uploads.length}` });
      },
      cancelUpload: ({ jobId }) => {
        backend.uploadCancels.push(jobId);
        return ok({ cancelled: true });
      },
      showUpload: () => ok({ shown: true }),
      // the facility index: none yet, as on a new machine
      getIndexStatus: () => ok({ where: '/config/index.sqlite', ready: false, refused: null, folder: null }),
      searchIndex: () =>
        Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no index yet.' } }),
      getSearchPage: () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Search again.' } }),
      startIndexRefresh: () => ok({ jobId: 'index-1' }),
      cancelIndexRefresh: () => ok({ cancelled: true }),
      exportResults: (request) => {
        backend.exports.push(request);
        return ok({
          fileName: `lab-results.${request.format}`,
          mimeType: 'text/csv',
          base64: btoa('path\r\n'),
          skipped: [],
          notes: [],
        });
      },
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  return backend;
}

/** A lab profile as `getProfiles` describes it: in `folder` ('' the folder opened), with no rules but `extra`. */
export function makeProfile(source: string, folder: string, extra: Partial<ProfileInfo> = {}): ProfileInfo {
  return {
    source,
    folder,
    title: null,
    description: null,
    applied: true,
    problems: [],
    fields: [],
    folderRules: [],
    folderClosed: false,
    folderProblems: [],
    ...extra,
  };
}

/** A store whose rows are already loaded. */
export function storeWithRows(rows: ImageRow[]): { store: AppStore; backend: FakeBackend } {
  const backend = fakeBackend(rows);
  const store = createAppStore(backend.client);
  store.getState().addRows(rows);
  return { store, backend };
}
