/**
 * Applies a compiled profile to one sidecar: the absent rule, the schema, the synonyms.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { ProfileProblem } from '../api';
import { validateFieldValue } from '../validation';
import { pointerSegments, valueAt } from '../validation/json-path';
import { withoutAbsent } from './absent';
import { fieldPath } from './field-paths';
import { editableField, type FieldSpec } from '../fields/field-table';
import type { CompiledProfile } from './load-profile';
import { problemFor } from './problem-messages';

type Plain = Record<string, unknown>;

/** Drops errors inside an `anyOf`/`oneOf` that failed as a whole: the whole says it once. */
function outermost(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  return groups.length === 0 ? errors : errors.filter((e) => !groups.some((g) => e.schemaPath.startsWith(g)));
}

/** Problems already worded, per profile: a folder repeats the same few mistakes thousands of times. */
const worded = new WeakMap<CompiledProfile, Map<string, ProfileProblem | null>>();
const WORDED_LIMIT = 4096;

/** What an error's problem depends on: the rule, where it is, and the value there. */
function errorKey(error: ErrorObject, data: Plain): string {
  const original = error.keyword === 'errorMessage' ? ((error.params as { errors?: ErrorObject[] }).errors?.[0] ?? error) : error;
  const missing = String((original.params as { missingProperty?: string }).missingProperty ?? '');
  const at = original.keyword === 'required' ? '' : valueAt(data, pointerSegments(original.instancePath));
  const value = typeof at === 'string' ? `s${at}` : JSON.stringify(at);
  return `${error.schemaPath}\0${error.message ?? ''}\0${original.schemaPath}\0${original.instancePath}\0${missing}\0${value}`;
}

/** The problem of an error, worded once per profile and error key. */
function wordedProblem(profile: CompiledProfile, error: ErrorObject, data: Plain): ProfileProblem | null {
  let memo = worded.get(profile);
  if (memo === undefined || memo.size >= WORDED_LIMIT) worded.set(profile, (memo = new Map()));
  const key = errorKey(error, data);
  let problem = memo.get(key);
  if (problem === undefined) {
    problem = problemFor(error, data, profile.schema, profile.fields);
    memo.set(key, problem);
  }
  return problem;
}

/** The fields that have synonyms, per profile. */
const synonymFields = new WeakMap<CompiledProfile, { spec: FieldSpec; synonyms: Record<string, string> }[]>();

/** A variant named in `x-synonyms` that no other problem already reports. */
function synonymProblems(profile: CompiledProfile, data: Plain, reported: ReadonlySet<string | null>): ProfileProblem[] {
  let fields = synonymFields.get(profile);
  if (fields === undefined) {
    fields = profile.fields.flatMap((r) => {
      const spec = editableField(r.field);
      return spec === undefined || r.synonyms === undefined ? [] : [{ spec, synonyms: r.synonyms }];
    });
    synonymFields.set(profile, fields);
  }
  return fields.flatMap(({ spec, synonyms }) => {
    if (reported.has(spec.name)) return [];
    const value = valueAt(data, fieldPath(spec));
    if (typeof value !== 'string' || !Object.hasOwn(synonyms, value)) return [];
    const meant = synonyms[value] as string;
    if (meant === value) return [];
    const message = `${spec.displayName} ${JSON.stringify(value)} is a variant of ${JSON.stringify(meant)} (did you mean ${JSON.stringify(meant)}?)`;
    return [{ field: spec.name, rule: 'x-synonyms', message, suggestion: meant }];
  });
}

/**
 * Every problem the profile finds in a sidecar (plain values), each once. A field whose
 * value already fails the field table's own checks (a word where a number belongs) is left
 * to those checks, so one mistake is reported once.
 */
export function applyProfile(profile: CompiledProfile, sidecar: Plain): ProfileProblem[] {
  const data = withoutAbsent(sidecar);
  const valid = profile.validate(data) as boolean;
  const errors = valid ? [] : outermost(profile.validate.errors ?? []);
  const problems = errors.flatMap((e) => wordedProblem(profile, e, data) ?? []);
  problems.push(...synonymProblems(profile, data, new Set(problems.map((p) => p.field))));
  if (problems.length === 0) return problems;
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.message)) return false;
    seen.add(problem.message);
    const spec = problem.field === null ? undefined : editableField(problem.field);
    return spec === undefined || problem.rule === 'required' || validateFieldValue(spec.name, valueAt(sidecar, fieldPath(spec))) === null;
  });
}
