/**
 * Derived state of lab profiles, memoized: the rules the editor follows for the selected
 * images and what they find wrong per field, the folder's (or the selection's) completeness as it is now, a field's values in use.
 */
import type { ProfileFieldRules, ProfileInfo, ProfileProblem } from '../../../shared/api';
import { completeness, dateFieldsOf, type Completeness, type ImageStatus } from '../../../shared/profile';
import {
  type AppState,
  effectiveValues,
  isEditable,
  type LiveProblems,
  memo,
  type PathFold,
  problemsNow,
  selectorOf,
  slicedOverPaths,
} from '../store';

/** Rules by field name. */
export type RulesByField = Readonly<Record<string, ProfileFieldRules>>;

const NO_RULES: RulesByField = {};

/** Combines the rules several profiles give one field: required if any requires it, the first's vocabulary and hints. */
function mergeRules(list: readonly ProfileFieldRules[]): ProfileFieldRules {
  const [first, ...rest] = list as [ProfileFieldRules, ...ProfileFieldRules[]];
  if (rest.length === 0) return first;
  return {
    ...first,
    required: list.some((r) => r.required),
    requiredWhen: [...new Set(list.flatMap((r) => r.requiredWhen))],
  };
}

/** The profiles in force for `paths`, by source, in the order of `profiles`. */
function profilesFor(profiles: readonly ProfileInfo[], sources: ReadonlySet<string | null>): ProfileInfo[] {
  return profiles.filter((p) => p.applied && sources.has(p.source));
}

/** A problem of a field as the images being edited have it. */
export interface FieldProblem {
  message: string;
  /** `required` problems are help, not errors: a partial annotation may be saved. */
  required: boolean;
  suggestion: string | null;
  /** How many of the images have this problem. */
  images: number;
}

/** The most frequent problem of each field, by field name. */
export type ProblemsByField = Readonly<Record<string, FieldProblem>>;

const NO_PROBLEMS: ProblemsByField = {};

/** What the profiles in force for `paths` ask of each field, once per change of profiles or rows. */
function rulesSelector(paths: readonly string[]): (s: AppState) => RulesByField {
  return selectorOf(paths, 'profile-rules', () =>
    memo(
      (s: AppState) => [s.profiles, s.rows, s.rowsEpoch] as const,
      (profiles, rows, _epoch) => rulesOver(profiles, rows, paths),
    ),
  );
}

function rulesOver(
  profiles: readonly ProfileInfo[] | null,
  rows: AppState['rows'],
  paths: readonly string[],
): RulesByField {
  if (profiles === null || profiles.length === 0) return NO_RULES;
  const sources = new Set(paths.map((path) => rows[path]?.profile ?? null));
  const byField = new Map<string, ProfileFieldRules[]>();
  for (const profile of profilesFor(profiles, sources)) {
    for (const rules of profile.fields) byField.set(rules.field, [...(byField.get(rules.field) ?? []), rules]);
  }
  return Object.fromEntries([...byField].map(([field, list]) => [field, mergeRules(list)]));
}

/** Per field, the most frequent problem over the images added (a refusal before a `required` one). */
function problemsFold(rows: AppState['rows'], live: LiveProblems): PathFold<ProblemsByField> {
  const counts = new Map<string, Map<string, { problem: ProfileProblem; images: number }>>();
  return {
    add(path) {
      const row = rows[path];
      if (row === undefined) return;
      for (const problem of problemsNow(row, live)) {
        if (problem.field === null) continue;
        let byMessage = counts.get(problem.field);
        if (byMessage === undefined) counts.set(problem.field, (byMessage = new Map()));
        const seen = byMessage.get(problem.message);
        if (seen === undefined) byMessage.set(problem.message, { problem, images: 1 });
        else seen.images++;
      }
    },
    result() {
      if (counts.size === 0) return NO_PROBLEMS;
      const byField: Record<string, FieldProblem> = {};
      for (const [field, byMessage] of counts) {
        const [first] = [...byMessage.values()].sort(
          (a, b) =>
            Number(a.problem.rule === 'required') - Number(b.problem.rule === 'required') || b.images - a.images,
        );
        if (first !== undefined)
          byField[field] = {
            message: first.problem.message,
            required: first.problem.rule === 'required',
            suggestion: first.problem.suggestion ?? null,
            images: first.images,
          };
      }
      return byField;
    },
  };
}

/** What the profiles in force for `paths` ask of each field (for markers, choice lists and hints). */
export function selectFieldRules(paths: readonly string[]): (s: AppState) => RulesByField {
  return rulesSelector(paths);
}

const NO_DATE_FIELDS: ReadonlySet<string> = new Set();

/** For each image, the fields its lab profile writes `YYYY-MM-DD` (their `date` format); none where no profile applies. */
export const selectDateFieldsByPath = memo(
  (s: AppState) => [s.profiles, s.rows, s.rowsEpoch] as const,
  (profiles, rows, _epoch) => {
    const bySource = new Map(profiles?.filter((p) => p.applied).map((p) => [p.source, dateFieldsOf(p.fields)]));
    return (path: string): ReadonlySet<string> => {
      const source = rows[path]?.profile;
      return (source === null || source === undefined ? undefined : bySource.get(source)) ?? NO_DATE_FIELDS;
    };
  },
);

/**
 * What the profiles find wrong with each field over `paths` now: its most frequent problem, with
 * how many images have it; null while a long selection is read for the first time.
 */
export function selectFieldProblems(paths: readonly string[]): (s: AppState) => ProblemsByField | null {
  return slicedOverPaths(
    paths,
    'profile-problems',
    (s: AppState) => [s.rows, s.rowsEpoch, s.liveProblems] as const,
    (rows, _epoch, live) => problemsFold(rows, live),
  );
}

/** Which images the Completeness view counts. */
export type CompletenessScope = 'folder' | 'selection';

/** The completeness of the folder or the selection as it is now (pending edits and their problems included). */
export const selectCompleteness = memo(
  (s: AppState) =>
    [
      s.rows,
      s.rowsEpoch,
      s.rowOrder,
      s.edits,
      s.liveProblems,
      s.profiles,
      s.completenessScope === 'selection' ? s.selected : null,
    ] as const,
  (rows, _epoch, order, edits, live, profiles, selected): Completeness => {
    const images: ImageStatus[] = [];
    for (const path of order) {
      const row = rows[path];
      if (row === undefined || (selected !== null && !selected.has(path))) continue;
      const pathEdits = edits[path];
      const typed = Object.values(pathEdits ?? {}).flatMap((e) => (e.error === null ? [] : [e.error]));
      images.push({
        path,
        hasSidecar: row.sidecar !== 'missing' || Object.keys(pathEdits ?? {}).length > 0,
        values: effectiveValues(row, pathEdits),
        errors: [...row.errors, ...typed],
        profileProblems: problemsNow(row, live),
      });
    }
    return completeness(
      images,
      (profiles ?? []).flatMap((p) => p.fields),
    );
  },
);

const valueCountMemos = new Map<string, (s: AppState) => ReadonlyMap<string, number>>();

/** How many editable images have each value of text field `name` now (pending edits included). */
export function selectValueCounts(s: AppState, name: string): ReadonlyMap<string, number> {
  let select = valueCountMemos.get(name);
  if (select === undefined) {
    select = memo(
      (st: AppState) => [st.rows, st.rowsEpoch, st.rowOrder, st.edits] as const,
      (rows, _epoch, order, edits) => {
        const counts = new Map<string, number>();
        for (const path of order) {
          const row = rows[path];
          if (row === undefined || !isEditable(row)) continue;
          const edit = edits[path]?.[name];
          const value = edit !== undefined && edit.error === null ? edit.value : row.values[name];
          if (typeof value === 'string' && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        return counts;
      },
    );
    valueCountMemos.set(name, select);
  }
  return select(s);
}
