/**
 * The lab's people list (`acqmeta.people.tsv`), kept once for a lab at its share's root and
 * found as the microscope catalogue is: in the dataset folder or the nearest folder above it
 * that has one. A person is picked for a dataset by ORCID and the rest taken from the list.
 */
import { readFile } from 'node:fs/promises';
import { parsePeople, PEOPLE_FILE_NAME, type Person } from '../../../shared/dataset';
import { diskErrorReason } from '../disk';
import { nearestFileLookup } from '../profile';

/** The lab's people list in force for a folder: where it is, and its people. */
export interface PeopleList {
  readonly file: string;
  readonly people: readonly Person[];
}

/** A people list larger than this is refused before it is read. */
const MAX_PEOPLE_BYTES = 4 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The people list at `absFile`; throws naming the file when it cannot be read or is not a people table. */
async function loadPeople(absFile: string): Promise<PeopleList> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absFile);
  } catch (error) {
    throw new Error(`${absFile} could not be read: ${diskErrorReason(error)}`, { cause: error });
  }
  if (bytes.length > MAX_PEOPLE_BYTES) throw new Error(`${absFile} is larger than ${MAX_PEOPLE_BYTES} bytes`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new Error(`${absFile} is not UTF-8 text`);
  }
  return { file: absFile, people: parsePeople(text, absFile) };
}

/** The lab's people list in force for the folder `folder`, or null when no folder at or above it has one. */
export function peopleListFor(folder: string): Promise<PeopleList | null> {
  return nearestFileLookup(PEOPLE_FILE_NAME, loadPeople)(folder);
}
