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

/**
 * Problems already worded, per profile, by the error's place in the schema and then by where
 * and which value: a folder repeats the same few mistakes thousands of times.
 */
const worded = new WeakMap<CompiledProfile, Map<string, Map<string, ProfileProblem | null>>>();
const WORDED_LIMIT = 4096;

/** The problem of an error, worded once per profile, schema place, data place and value. */
function wordedProblem(profile: CompiledProfile, error: ErrorObject, data: Plain): ProfileProblem | null {
  let memo = worded.get(profile);
  if (memo === undefined || memo.size >= WORDED_LIMIT) worded.set(profile, (memo = new Map()));
  let byValue = memo.get(error.schemaPath);
  if (byValue === undefined || byValue.size >= WORDED_LIMIT) memo.set(error.schemaPath, (byValue = new Map()));
  const original = error.keyword === 'errorMessage' ? ((error.params as { errors?: ErrorObject[] }).errors?.[0] ?? error) : error;
  const missing = (original.params as { missingProperty?: string }).missingProperty;
  const at = missing === undefined ? valueAt(data, pointerSegments(original.instancePath)) : missing;
  const key = `${original.schemaPath}\0${original.instancePath}\0${typeof at === 'string' ? `s${at}` : JSON.stringify(at)}`;
  let problem = byValue.get(key);
  if (problem === undefined) {
    problem = problemFor(error, data, profile.schema, profile.fields);
    // A value the field table refuses (a word where a number belongs) is left to its checks.
    const spec = problem?.field == null ? undefined : editableField(problem.field);
    if (spec !== undefined && problem?.rule !== 'required' && !passesFieldTable(spec, valueAt(data, fieldPath(spec)))) problem = null;
    byValue.set(key, problem);
  }
  return problem;
}

/** The fields that have synonyms, per profile, with where their values are. */
const synonymFields = new WeakMap<CompiledProfile, { spec: FieldSpec; path: readonly string[]; synonyms: Record<string, string> }[]>();

/** Adds a problem for each variant named in `x-synonyms` that no other problem already reports. */
function addSynonymProblems(profile: CompiledProfile, data: Plain, problems: ProfileProblem[]): void {
  let fields = synonymFields.get(profile);
  if (fields === undefined) {
    fields = profile.fields.flatMap((r) => {
      const spec = editableField(r.field);
      return spec === undefined || r.synonyms === undefined ? [] : [{ spec, path: fieldPath(spec), synonyms: r.synonyms }];
    });
    synonymFields.set(profile, fields);
  }
  for (const { spec, path, synonyms } of fields) {
    const value = valueAt(data, path);
    if (typeof value !== 'string' || !Object.hasOwn(synonyms, value) || problems.some((p) => p.field === spec.name)) continue;
    const meant = synonyms[value] as string;
    if (meant === value) continue;
    const message = `${spec.displayName} ${JSON.stringify(value)} is a variant of ${JSON.stringify(meant)} (did you mean ${JSON.stringify(meant)}?)`;
    problems.push({ field: spec.name, rule: 'x-synonyms', message, suggestion: meant });
  }
}

/** Whether a stored value passes the field table's own checks (any text passes a text field). */
function passesFieldTable(spec: FieldSpec, value: unknown): boolean {
  return (spec.type === 'str' && typeof value === 'string') || validateFieldValue(spec.name, value) === null;
}

/**
 * Every problem the profile finds in a sidecar (plain values), each once. A field whose
 * value already fails the field table's own checks (a word where a number belongs) is left
 * to those checks, so one mistake is reported once.
 */
export function applyProfile(profile: CompiledProfile, sidecar: Plain): ProfileProblem[] {
  const data = withoutAbsent(sidecar);
  const problems: ProfileProblem[] = [];
  if (!(profile.validate(data) as boolean)) {
    for (const error of outermost(profile.validate.errors ?? [])) {
      const problem = wordedProblem(profile, error, data);
      if (problem !== null && !problems.some((p) => p.message === problem.message)) problems.push(problem);
    }
  }
  addSynonymProblems(profile, data, problems);
  return problems;
}
