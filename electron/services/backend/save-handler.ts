/**
 * saveSidecars: each file goes through the one save path (`saveImageChanges`) on its own,
 * many files in flight; the folders written are synced once per request. Each write is
 * journaled with its save's action, all of one save under the batch id the renderer gives.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers, SaveOutcome, SaveRequest } from '../../../shared/api';
import { readsFileHeader } from '../../../shared/image-format';
import { instrumentMatchOf, type ProfileFinder } from '../profile';
import { composeRow, mapInOrder, summarizeSidecar, type ImageScan } from '../rows';
import { saveImageChanges } from '../save';
import { journalPlaces, journalWrites, type JournalPlaces } from '../journal';
import { inWriteBatch, noteValueProblems, valueProblemsAfterEdit, type JournalHook, type WriteBatch } from '../sidecar';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { checkSidecarInside, resolveImage, type OpenFolder, type RealFolders } from '../folder';
import { toBackendError } from '../disk';

/** Files saved at once: enough to keep the disk busy while each file's fsync is under way. */
const IN_FLIGHT = 64;

/** What every save of one request shares. */
interface SaveRun {
  context: BackendContext;
  folder: OpenFolder;
  profiles: ProfileFinder;
  batch: WriteBatch;
  realFolders: RealFolders;
  journal: (action: string | undefined) => JournalHook;
}

/** The journals of each open folder, kept while it is open (what is known of its folders, the fallback told once). */
const folderJournals = new WeakMap<OpenFolder, JournalPlaces>();

/** The journals of the open `folder`, made on first use (the sidecar saves' and the channel tables'). */
export function journalsOf(context: BackendContext, folder: OpenFolder): JournalPlaces {
  let places = folderJournals.get(folder);
  if (places === undefined) {
    places = journalPlaces({
      roots: [folder.root],
      ...(context.options.configDir == null ? {} : { configDir: context.options.configDir }),
      onFallback: (root, dir) => context.emit({ type: 'journal-elsewhere', root, dir }),
    });
    folderJournals.set(folder, places);
  }
  return places;
}

/** Handler of `saveSidecars`; saves of the same path run in request order. */
export function saveHandler(context: BackendContext): Pick<ApiHandlers, 'saveSidecars'> {
  return {
    async saveSidecars(request) {
      const folder = requireFolder(context);
      const profiles = profileFinder(context, folder);
      return context.live.whileSaving(() =>
        inWriteBatch(async (batch) => {
          const places = journalsOf(context, folder);
          const batchId = request.journal?.batch ?? randomUUID();
          const journal = (action: string | undefined) =>
            journalWrites(places, { tool: 'AcqMeta', action: action ?? 'Save', batch: batchId });
          const shared: SaveRun = { context, folder, profiles, batch, realFolders: new Map(), journal };
          const chains = new Map<string, Promise<unknown>>();
          const run = (save: SaveRequest): Promise<SaveOutcome> => {
            const previous = chains.get(save.path) ?? Promise.resolve();
            const outcome = previous.then(() => saveOne(shared, save)).catch((error: unknown) => failed(save, error));
            chains.set(save.path, outcome);
            return outcome;
          };
          const outcomes: SaveOutcome[] = [];
          for await (const outcome of mapInOrder(request.saves, IN_FLIGHT, run)) outcomes.push(outcome);
          return outcomes;
        }),
      );
    },
  };
}

function failed(save: SaveRequest, error: unknown): SaveOutcome {
  return { path: save.path, ok: false, error: { ...toBackendError(error), path: save.path } };
}

async function saveOne(
  { context, folder, profiles, batch, realFolders, journal }: SaveRun,
  save: SaveRequest,
): Promise<SaveOutcome> {
  const entry = await resolveImage(folder, save.path, realFolders);
  await checkSidecarInside(folder, entry);
  // The header is read while the lab profile in force is looked up: the saved row shows both.
  const scanning: Promise<ImageScan | null> = readsFileHeader(entry.format)
    ? context.headers.scan(context.scanner, entry.relPath, entry.absPath, entry.stamp)
    : Promise.resolve(null);
  const [scan, profile, channels, instruments] = await Promise.all([
    scanning,
    profiles.forImage(entry.absPath),
    profiles.channelTableFor(entry.absPath),
    profiles.instrumentsFor(entry.absPath),
  ]);
  const match = instrumentMatchOf(instruments, scan?.ok === true ? scan.info.acquisition : null);
  // The row is made from the sidecar as saved before it is written; its version is known after.
  const saved = await saveImageChanges(
    entry,
    {
      changes: save.changes,
      expected: save.expected,
      overwrite: save.overwrite === true,
      ...(save.remove === undefined ? {} : { remove: save.remove }),
      ...(save.replaceDamaged === undefined ? {} : { replaceDamaged: save.replaceDamaged }),
      ...(save.create === true ? { create: true } : {}),
      ...(save.removeSidecar === true ? { removeSidecar: true } : {}),
    },
    { header: () => scanning, profiles, batch, journal: journal(save.action) },
    (sidecar, previous) => {
      const problems = valueProblemsAfterEdit(previous?.sha256 ?? null, sidecar);
      return {
        problems,
        row: composeRow(
          entry,
          scan,
          summarizeSidecar({ state: 'ok', sidecar, version: null, problems }),
          profile,
          channels,
          match,
        ),
      };
    },
  );
  const version = saved.version;
  if (version === null && save.removeSidecar === true) {
    const row = composeRow(entry, scan, summarizeSidecar({ state: 'missing' }), profile, channels, match);
    return { path: save.path, ok: true, row };
  }
  if (version === null) throw new Error(`internal: ${save.path} has no sidecar after its save`);
  noteValueProblems(version.sha256, saved.taken.problems);
  const row = { ...saved.taken.row, version };
  return saved.damagedKeptAs === null
    ? { path: save.path, ok: true, row }
    : { path: save.path, ok: true, row, damagedKeptAs: saved.damagedKeptAs };
}
