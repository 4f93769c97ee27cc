/**
 * What the lab profile in force asks of one field over the images being edited, and what it
 * finds wrong now: for the field's marker, choice list, placeholder, help and message.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProfileFieldRules, ProfileProblem } from '../../../../shared/api';
import { editableField, type FieldSpec } from '../../../../shared/fields/field-table';
import { problemsNow } from '../../store/problem-logic';
import { selectFieldRules } from '../../store/profile-selectors';
import { useApp } from '../../store/store-context';
import type { AppState } from '../../store/app-store';
import { formatFieldValue } from '../../lib/format';

/** A problem of the field as the images being edited have it. */
export interface FieldProblem {
  message: string;
  /** `required` problems are help, not errors: a partial annotation may be saved. */
  required: boolean;
  suggestion: string | null;
  /** How many of the images have this problem. */
  images: number;
}

/** The profile's view of one field. */
export interface FieldProfile {
  rules: ProfileFieldRules | undefined;
  /** Marked required: always, or now that the fields it depends on are filled in. */
  required: boolean;
  /** The closed vocabulary, as text; null when the field has none. */
  choices: string[] | null;
  /** Suggestions of an open vocabulary (`examples`), as text. */
  examples: string[];
  /** What a value looks like (`YYYY-MM-DD`). */
  placeholder: string | undefined;
  /** One line of help: the profile's description or message, and the allowed range. */
  hint: string | null;
  problem: FieldProblem | null;
}

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The allowed range in words, e.g. `At least 0 and at most 1500.` */
function rangeText(rules: ProfileFieldRules): string | null {
  const low = rules.exclusiveMinimum !== undefined ? `more than ${rules.exclusiveMinimum}` : rules.minimum !== undefined ? `at least ${rules.minimum}` : null;
  const high = rules.exclusiveMaximum !== undefined ? `less than ${rules.exclusiveMaximum}` : rules.maximum !== undefined ? `at most ${rules.maximum}` : null;
  const text = [low, high].filter((part) => part !== null).join(' and ');
  return text === '' ? null : `${capitalized(text)}.`;
}

function hintOf(rules: ProfileFieldRules | undefined): string | null {
  if (rules === undefined) return null;
  const when = rules.requiredWhen.map((name) => editableField(name)?.displayName ?? name);
  const parts = [
    // A message that explains a pattern is help before typing; others only say what is wrong.
    rules.description ?? (rules.errorMessage === undefined || rules.pattern === undefined ? null : `${capitalized(rules.errorMessage)}.`),
    rangeText(rules),
    when.length > 0 && !rules.required ? `Required when ${when.join(' or ')} ${when.length === 1 ? 'is' : 'are'} filled in.` : null,
  ];
  const text = parts.filter((p) => p !== null).join(' ');
  return text === '' ? null : text;
}

/** The most frequent problem of field `name` over `paths` (a refusal before a `required` one). */
function fieldProblem(s: AppState, paths: readonly string[], name: string): FieldProblem | null {
  const counts = new Map<string, { problem: ProfileProblem; images: number }>();
  for (const path of paths) {
    const row = s.rows[path];
    if (row === undefined) continue;
    for (const problem of problemsNow(row, s.liveProblems)) {
      if (problem.field !== name) continue;
      const seen = counts.get(problem.message);
      if (seen === undefined) counts.set(problem.message, { problem, images: 1 });
      else seen.images++;
    }
  }
  const ranked = [...counts.values()].sort((a, b) => Number(a.problem.rule === 'required') - Number(b.problem.rule === 'required') || b.images - a.images);
  const first = ranked[0];
  if (first === undefined) return null;
  return { message: first.problem.message, required: first.problem.rule === 'required', suggestion: first.problem.suggestion ?? null, images: first.images };
}

/** The profile's rules and problems for `field` over `paths` (none where no profile applies). */
export function useFieldProfile(field: FieldSpec, paths: readonly string[]): FieldProfile {
  const select = useMemo(() => selectFieldRules(paths), [paths]);
  const rules = useApp((s) => select(s)[field.name]);
  const problem = useApp(useShallow((s) => fieldProblem(s, paths, field.name) ?? { message: '', required: false, suggestion: null, images: 0 }));
  return useMemo(() => {
    const choices = rules?.enum?.map(formatFieldValue) ?? null;
    const conditional = problem.required && (rules?.requiredWhen.length ?? 0) > 0;
    return {
      rules,
      required: rules?.required === true || conditional,
      choices: field.type === 'bool' ? null : choices,
      examples: rules?.examples?.map(formatFieldValue) ?? [],
      placeholder: rules?.formatExample,
      hint: hintOf(rules),
      problem: problem.images === 0 ? null : problem,
    };
  }, [rules, problem, field.type]);
}
