/**
 * The dataset methods' types: what the Dataset panel reads of the open folder's dataset values
 * and people (`acqmeta.dataset.json`) and of the lab's people list, and what it writes back.
 */
import type { SidecarVersion } from './api-types';
import type { DatasetValues } from './dataset/dataset-file';
import type { Person } from './dataset/people';

/** The lab's people list in force for the open folder, as read. */
export interface PeopleListInfo {
  /** The list (relative to the open folder; its full path when above it), or null when no folder at or above has one. */
  file: string | null;
  /** Its people, in the list's order (none when it could not be read). */
  people: Person[];
  /** Why the list could not be read, or null. */
  problem: string | null;
}

/** The open folder's dataset file and the lab's people list, as the Dataset panel shows them. */
export interface DatasetInfo {
  /** The dataset file, relative to the open folder. */
  file: string;
  /** Its values and people (none when there is no file); null when it cannot be read (then `problem` says why). */
  dataset: DatasetValues | null;
  /** The version read, for the conflict check of a save; null when there is no file. */
  version: SidecarVersion | null;
  /** Why the file cannot be read, or null. */
  problem: string | null;
  peopleList: PeopleListInfo;
}

/** A write of the dataset file: its values and people (null: the file removed, an undone creation), over the version the edit was made from. */
export interface DatasetSave {
  dataset: DatasetValues | null;
  /** The version the edit was made from (null: there was no file); another one on disk is a CONFLICT. */
  expected: SidecarVersion | null;
  /** What the journal records the write as; `Dataset values and people` when absent. */
  action?: string;
}

/** What a write of the dataset file left on disk: its version, null once it is removed. */
export interface DatasetSaved {
  version: SidecarVersion | null;
}
