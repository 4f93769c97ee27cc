/**
 * The save part of the API contract (see `api.ts`, which re-exports it): what one file's save
 * asks for, and what it answers.
 */
import type { ApiError, ImageRow, SidecarVersion } from './api-types';
import type { FieldValues } from './fields/field-table';

/** One file's save: the changed fields and the version the UI read. */
export interface SaveRequest {
  path: string;
  changes: FieldValues;
  /** The version that was read; null when the sidecar was missing. */
  expected: SidecarVersion | null;
  /** Skip the conflict check ("Overwrite with mine"). */
  overwrite?: boolean;
  /** Fields whose keys are taken out of the file: undo of setting a field the file lacked. */
  remove?: string[];
  /**
   * Write even when `changes` hold nothing new: a missing sidecar is created (“Create sidecar”),
   * one read with a byte order mark is written without it (“Save without the BOM”).
   */
  create?: boolean;
  /**
   * Every field value of the version that was read, when the user chose to replace the sidecar
   * now damaged on disk: a new one is written from the image's header with these values and
   * `changes`, and the damaged file is kept beside it (`damagedKeptAs`).
   */
  replaceDamaged?: FieldValues;
  /**
   * Remove the sidecar (undoing its creation), only while it is still the `expected` version:
   * `changes` are then empty. Another version on disk is a `CONFLICT`, nothing removed.
   */
  removeSidecar?: true;
  /** What the user did that this save writes, for the change journal: `Genotype`, `Preset “Thy1 cohort 3”`. */
  action?: string;
}

/** What a save's change-journal records share: the id of the whole save, over all its requests. */
export interface SaveJournal {
  batch: string;
}

/** The result of one file's save; `damagedKeptAs` names the copy of a damaged sidecar it replaced. */
export type SaveOutcome =
  { path: string; ok: true; row: ImageRow; damagedKeptAs?: string } | { path: string; ok: false; error: ApiError };
