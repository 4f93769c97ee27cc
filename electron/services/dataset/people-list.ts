/**
 * The lab's people list (`acqmeta.people.tsv`), kept once for a lab at its share's root and
 * found as the microscope catalogue is: in the dataset folder or the nearest folder above it
 * that has one. A person is picked for a dataset by ORCID and the rest taken from the list.
 */
import { parsePeople, PEOPLE_FILE_NAME, type Person } from '../../../shared/dataset';
import { diskErrorReason } from '../disk';
import { linkEscapeCheck, nearestFileLookup } from '../profile';
import { readSnapshotSync, type SizeLimit } from '../sidecar';

/** The lab's people list in force for a folder: where it is, and its people. */
export interface PeopleList {
  readonly file: string;
  readonly people: readonly Person[];
}

/** A people list larger than this is refused when opened, before any of it is read. */
const PEOPLE_LIMIT: SizeLimit = { bytes: 4 * 1024 * 1024, of: 'a people list' };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The people list at `absFile`; throws naming the file when it cannot be read or is not a people table. */
function loadPeople(absFile: string): PeopleList {
  let snapshot;
  try {
    snapshot = readSnapshotSync(absFile, absFile, absFile, false, PEOPLE_LIMIT);
  } catch (error) {
    throw new Error(`${absFile} could not be read: ${diskErrorReason(error)}`, { cause: error });
  }
  if (snapshot === null || snapshot === 'link') throw new Error(`${absFile} was removed while it was read`);
  let text: string;
  try {
    text = UTF8.decode(snapshot.bytes);
  } catch {
    throw new Error(`${absFile} is not UTF-8 text`);
  }
  return { file: absFile, people: parsePeople(text, absFile) };
}

/**
 * The lab's people list in force for the folder `folder`, or null when no folder at or above it
 * has one. A list that links outside `folder` (found in it) or outside its own folder (found
 * above) is refused, as profiles and channel tables are.
 */
export function peopleListFor(folder: string): Promise<PeopleList | null> {
  const escapes = linkEscapeCheck(folder);
  return nearestFileLookup(PEOPLE_FILE_NAME, async (absFile) => {
    const refused = await escapes(absFile);
    if (refused !== null) throw new Error(`${absFile} ${refused}`);
    return loadPeople(absFile);
  })(folder);
}
