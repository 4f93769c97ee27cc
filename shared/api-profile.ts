/**
 * The lab-profile part of the API contract (see `api.ts`, which re-exports it): what a profile
 * finds wrong with an image, what it asks of each field, and the profiles in force.
 */
import type { FieldValue, FieldValues } from './fields/field-table';

/** One thing a lab profile (or the field table) finds wrong with an image's values. */
export interface ProfileProblem {
  /** The field's sidecar key (`species`); null when the problem is not about one field. */
  field: string | null;
  /**
   * The rule broken: a JSON Schema keyword (`required`, `enum`, `pattern`, `format`,
   * `minimum`, `not`, ...), `x-synonyms` for a variant of an allowed value, or `field-table`
   * for the format checks every sidecar gets.
   */
  rule: string;
  /** One sentence naming the field by display name, the value and the rule. */
  message: string;
  /** A value the profile suggests instead (a synonym's value, a near match), if any. */
  suggestion?: string;
}

/** What a profile asks of one field, for forms: markers, choice lists, hints. */
export interface ProfileFieldRules {
  /** The field's sidecar key. */
  field: string;
  displayName: string;
  /** Must always be filled in. */
  required: boolean;
  /** Must be filled in when these fields (sidecar keys) are (an `if`/`then` rule). */
  requiredWhen: string[];
  /** A closed vocabulary: only these values. */
  enum?: FieldValue[];
  /** An open vocabulary: suggestions only. */
  examples?: FieldValue[];
  /** Values that are refused (`not: {const}` or `not: {enum}`), e.g. `Pixels`. */
  disallowed?: FieldValue[];
  pattern?: string;
  /** `date`, `date-time`, `email`, `uri`, ... */
  format?: string;
  /** What a value in `format` looks like, e.g. `YYYY-MM-DD`. */
  formatExample?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** Help text from the profile. */
  description?: string;
  /** The profile's own message, shown instead of the generic one. */
  errorMessage?: string;
  /** Variants that mean an allowed value: variant → value. */
  synonyms?: Record<string, string>;
}

/** One `x-folder` rule: a regular expression over paths relative to the profile's folder. */
export interface FolderRule {
  pattern: string;
  required: boolean;
  description: string;
}

/** A folder-rule problem: a required file missing, or a file that matches no rule. */
export interface FolderProblem {
  /** Relative to the open folder, `/`-separated (the profile's folder for a missing file). */
  path: string;
  message: string;
  /** The pattern of the required rule no file matches; absent for a file that matches no rule. */
  rule?: string;
}

/** A lab profile in force somewhere in the open folder. */
export interface ProfileInfo {
  /** The profile file: relative to the open folder when inside it, else absolute. */
  source: string;
  /** The folder its folder rules are relative to, like `source`. */
  folder: string;
  title: string | null;
  description: string | null;
  /** False when the file cannot be used (not JSON, not a valid schema, a bad pattern). */
  applied: boolean;
  /** Problems of the file itself, each with line and column; warnings when `applied`. */
  problems: string[];
  /** Rules per field, in field-table order (fields the profile says nothing about are left out). */
  fields: ProfileFieldRules[];
  folderRules: FolderRule[];
  /** Files matching no folder rule are reported (`x-folder-closed`). */
  folderClosed: boolean;
  /** Folder rules broken under the open folder. */
  folderProblems: FolderProblem[];
  /** The submission target the profile names (`x-target`); absent when none. */
  target?: ProfileTarget;
}

/** A submission target named by a profile's `x-target`. */
export interface ProfileTarget {
  /** As the profile names it: `hubmap:confocal`, `hubmap:confocal-v2.0`, `htan:imaging-level-2`. */
  name: string;
  /** The directory schema it checks the layout against (`hubmap:confocal-v2.3`); null: none. */
  layout: string | null;
  /** The metadata file AcqMeta writes for it (`hubmap:confocal`); null: none. */
  format: string | null;
}

/** Values to check for one image: the fields being edited, over what its sidecar stores. */
export interface ValuesToCheck {
  path: string;
  values: FieldValues;
}

/** What `checkValues` finds for one image. */
export interface ValuesChecked {
  path: string;
  /** Every problem (format first, then the profile's, `required` included); rule `sidecar` when the sidecar is invalid. */
  problems: ProfileProblem[];
  /** The profile in force for the image now (`ImageRow.profile`). */
  profile: string | null;
}
