/**
 * Microscope catalogue methods: getInstrumentCatalogue (the descriptions in force for a folder,
 * each with its text and version, and the editor's field specs), saveInstrumentFile (an atomic,
 * journaled write or removal of one description, checked against the version the edit was made
 * from) and draftInstrumentFromImage (a description drafted from what an image records).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { draftInstrument, INSTRUMENTS_FOLDER, instrumentSpecs } from '../../../shared/instruments';
import { deviceNameProblem } from '../../../shared/windows-names';
import { leavesFolder, resolveFolder, resolveImage, type OpenFolder } from '../folder';
import { writeInstrumentFile } from '../profile';
import { readImage } from '../rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { journalsOf } from './save-handler';

type InstrumentHandlers = Pick<
  ApiHandlers,
  'getInstrumentCatalogue' | 'saveInstrumentFile' | 'draftInstrumentFromImage'
>;

/**
 * The description file a save names, on disk; BAD_REQUEST unless it is a `.json` file directly
 * in an `acqmeta.instruments` folder, OUTSIDE_FOLDER when it or its folder leads outside the open
 * folder. With `create` (a write), a name Windows keeps for a device (`con.json`) is refused too,
 * and a missing `acqmeta.instruments` folder is made.
 */
async function descriptionPath(folder: OpenFolder, file: string, create: boolean): Promise<string> {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  if (parts.pop() !== INSTRUMENTS_FOLDER || !name.toLowerCase().endsWith('.json') || name.startsWith('.'))
    throw new ApiFailure(
      'BAD_REQUEST',
      `${file} is not a .json file directly in an ${INSTRUMENTS_FOLDER} folder.`,
      file,
    );
  const refused = create ? deviceNameProblem(name) : null;
  if (refused !== null) throw new ApiFailure('BAD_REQUEST', `${file}: ${refused}.`, file);
  const absParent = await resolveFolder(folder, parts.join('/'));
  const absDir = path.join(absParent, INSTRUMENTS_FOLDER);
  const absFile = path.join(absDir, name);
  if (create)
    await mkdir(absDir).catch((error: NodeJS.ErrnoException) =>
      error.code === 'EEXIST' ? undefined : Promise.reject(error),
    );
  if ((await leavesFolder(folder.realRoot, absDir)) || (await leavesFolder(folder.realRoot, absFile)))
    throw new ApiFailure('OUTSIDE_FOLDER', `${file} links outside the open folder; it is not read or written.`, file);
  return absFile;
}

/** Handlers of the microscope catalogue methods. */
export function instrumentHandlers(context: BackendContext): InstrumentHandlers {
  return {
    async getInstrumentCatalogue({ folder: relFolder }) {
      const folder = requireFolder(context);
      const finder = profileFinder(context, folder);
      const absDir = await resolveFolder(folder, relFolder);
      // the catalogue in force for the folder's own images: the nearest one at or above it
      const catalogue = await finder.instrumentsFor(path.join(absDir, INSTRUMENTS_FOLDER));
      const files = (catalogue?.files ?? []).map(({ absPath: _absPath, ...info }) => info);
      const named = new Set(files.map((f) => f.file));
      return {
        folder: relFolder,
        inForce: catalogue?.folder ?? null,
        above: catalogue !== null && path.isAbsolute(catalogue.folder),
        own: finder.label(path.join(absDir, INSTRUMENTS_FOLDER)),
        files,
        problems: (catalogue?.problems ?? []).filter((problem) => !named.has(problem.file)),
        specs: instrumentSpecs(),
      };
    },
    async saveInstrumentFile({ file, text, expected, action }) {
      const folder = requireFolder(context);
      const absFile = await descriptionPath(folder, file, text !== null);
      const journal = {
        places: journalsOf(context, folder),
        tool: 'AcqMeta',
        action: action ?? 'Instrument description',
      };
      return { file, version: await writeInstrumentFile(absFile, file, text, expected, journal) };
    },
    async draftInstrumentFromImage({ path: relPath }) {
      const folder = requireFolder(context);
      const entry = await resolveImage(folder, relPath);
      const { scan } = await readImage(folder.root, entry, context.scanner, profileFinder(context, folder));
      return { path: relPath, ...draftInstrument(scan?.ok === true ? scan.info.acquisition : null) };
    },
  };
}
