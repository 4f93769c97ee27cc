/**
 * Derived state of lab profiles, memoized: the rules the editor follows for the selected
 * images, the folder's (or the selection's) completeness as it is now, a field's values in use.
 */
import type { ProfileFieldRules, ProfileInfo } from '../../../shared/api';
import { completeness, type Completeness, type ImageStatus } from '../../../shared/profile/completeness';
import type { AppState } from './app-store';
import { isEditable } from './edit-logic';
import { effectiveValues } from './field-state';
import { problemsNow } from './problem-logic';
import { memo } from './grow-memo';

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

/** What the profiles in force for `paths` ask of each field (for markers, choice lists and hints). */
export const selectFieldRules = (paths: readonly string[]) =>
  memo(
    (s: AppState) => [s.profiles, s.rows, s.rowsEpoch, paths] as const,
    (profiles, rows, _epoch, list): RulesByField => {
      if (profiles === null || profiles.length === 0) return NO_RULES;
      const sources = new Set(list.map((path) => rows[path]?.profile ?? null));
      const byField = new Map<string, ProfileFieldRules[]>();
      for (const profile of profilesFor(profiles, sources)) {
        for (const rules of profile.fields) byField.set(rules.field, [...(byField.get(rules.field) ?? []), rules]);
      }
      return Object.fromEntries([...byField].map(([field, list]) => [field, mergeRules(list)]));
    },
  );

/** Which images the Completeness view counts. */
export type CompletenessScope = 'folder' | 'selection';

/** The completeness of the folder or the selection as it is now (pending edits and their problems included). */
export const selectCompleteness = memo(
  (s: AppState) => [s.rows, s.rowsEpoch, s.rowOrder, s.edits, s.liveProblems, s.profiles, s.completenessScope === 'selection' ? s.selected : null] as const,
  (rows, _epoch, order, edits, live, profiles, selected): Completeness => {
    const images: ImageStatus[] = [];
    for (const path of order) {
      const row = rows[path];
      if (row === undefined || (selected !== null && !selected.has(path))) continue;
      const pathEdits = edits[path];
      const typed = Object.values(pathEdits ?? {}).flatMap((e) => (e.error === null ? [] : [e.error]));
      images.push({ path, values: effectiveValues(row, pathEdits), errors: [...row.errors, ...typed], profileProblems: problemsNow(row, live) });
    }
    return completeness(images, (profiles ?? []).flatMap((p) => p.fields));
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
