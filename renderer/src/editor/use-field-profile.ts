/**
 * What the lab profile in force asks of one field over the images being edited, and what it
 * finds wrong now: for the field's marker, choice list, placeholder, help and message.
 */
import { useMemo } from 'react';
import type { ProfileFieldRules } from '../../../shared/api';
import { editableField, type FieldSpec } from '../../../shared/fields/field-table';
import { formatFieldValue } from '../../../shared/columns';
import { selectFieldProblems, selectFieldRules, type FieldProblem } from '../profile';
import { useApp } from '../store';

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

const NO_PROBLEM: FieldProblem = { message: '', required: false, suggestion: null, images: 0 };

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The allowed range in words, e.g. `At least 0 and at most 1500.` */
function rangeText(rules: ProfileFieldRules): string | null {
  const low =
    rules.exclusiveMinimum !== undefined
      ? `more than ${rules.exclusiveMinimum}`
      : rules.minimum !== undefined
        ? `at least ${rules.minimum}`
        : null;
  const high =
    rules.exclusiveMaximum !== undefined
      ? `less than ${rules.exclusiveMaximum}`
      : rules.maximum !== undefined
        ? `at most ${rules.maximum}`
        : null;
  const text = [low, high].filter((part) => part !== null).join(' and ');
  return text === '' ? null : `${capitalized(text)}.`;
}

function hintOf(rules: ProfileFieldRules | undefined): string | null {
  if (rules === undefined) return null;
  const when = rules.requiredWhen.map((name) => editableField(name)?.displayName ?? name);
  const parts = [
    // A message that explains a pattern is help before typing; others only say what is wrong.
    rules.description ??
      (rules.errorMessage === undefined || rules.pattern === undefined ? null : `${capitalized(rules.errorMessage)}.`),
    rangeText(rules),
    when.length > 0 && !rules.required
      ? `Required when ${when.join(' or ')} ${when.length === 1 ? 'is' : 'are'} filled in.`
      : null,
  ];
  const text = parts.filter((p) => p !== null).join(' ');
  return text === '' ? null : text;
}

/** The profile's rules and problems for `field` over `paths` (none where no profile applies). */
export function useFieldProfile(field: FieldSpec, paths: readonly string[]): FieldProfile {
  const rules = useApp((s) => selectFieldRules(paths)(s)[field.name]);
  const problem = useApp((s) => selectFieldProblems(paths)(s)?.[field.name] ?? NO_PROBLEM);
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
