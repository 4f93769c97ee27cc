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

const isGroup = (error: ErrorObject): boolean => error.keyword === 'anyOf' || error.keyword === 'oneOf';

/** Drops errors inside an `anyOf`/`oneOf` that failed as a whole: the whole says it once. */
function outermost(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  if (!errors.some(isGroup)) return errors;
  const groups = errors.filter(isGroup).map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !groups.some((g) => e.schemaPath.startsWith(g)));
}

/**
 * Problems already worded, per profile: by the error's place in the schema, then where in the
 * data, then which value (text as it is, anything else as JSON): a folder repeats the same few
 * mistakes thousands of times. Nested maps keep each look-up to short keys.
 */
type Worded = Map<string, Map<string, Map<string, ProfileProblem | null>>>;
const worded = new WeakMap<CompiledProfile, Worded>();
/** Entries a map of the memo holds before it starts afresh. */
const WORDED_LIMIT = 4096;

/** The map of `memo` under `key`, made (or started afresh when it has grown too large) as needed. */
function inner<V>(memo: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let map = memo.get(key);
  if (map === undefined || map.size >= WORDED_LIMIT) {
    if (memo.size >= WORDED_LIMIT) memo.clear();
    memo.set(key, (map = new Map()));
  }
  return map;
}

/** Segments of the data pointers errors name: a folder's errors name the same few places. */
const segmentsOf = new Map<string, readonly string[]>();

function pointerPath(pointer: string): readonly string[] {
  let segments = segmentsOf.get(pointer);
  if (segments === undefined) {
    if (segmentsOf.size >= WORDED_LIMIT) segmentsOf.clear();
    segmentsOf.set(pointer, (segments = pointerSegments(pointer)));
  }
  return segments;
}

/** The problem of an error, worded once per profile, schema place, data place and value. */
function wordedProblem(profile: CompiledProfile, error: ErrorObject, data: Plain): ProfileProblem | null {
  let memo = worded.get(profile);
  if (memo === undefined) worded.set(profile, (memo = new Map()));
  const original =
    error.keyword === 'errorMessage' ? ((error.params as { errors?: ErrorObject[] }).errors?.[0] ?? error) : error;
  const missing = (original.params as { missingProperty?: string }).missingProperty;
  const at = missing === undefined ? valueAt(data, pointerPath(original.instancePath)) : missing;
  const schemaPlace = error === original ? error.schemaPath : `${error.schemaPath} ${original.schemaPath}`;
  const byValue = inner(inner(memo, schemaPlace), original.instancePath);
  const key = typeof at === 'string' ? at : `\0${JSON.stringify(at)}`;
  let problem = byValue.get(key);
  if (problem === undefined) {
    problem = problemFor(error, data, profile.schema, profile.fields);
    // A value the field table refuses (a word where a number belongs) is left to its checks.
    const spec = problem?.field == null ? undefined : editableField(problem.field);
    if (spec !== undefined && problem?.rule !== 'required' && !passesFieldTable(spec, valueAt(data, fieldPath(spec))))
      problem = null;
    byValue.set(key, problem);
  }
  return problem;
}

/** The fields that have synonyms, per profile, with where their values are. */
const synonymFields = new WeakMap<
  CompiledProfile,
  { spec: FieldSpec; path: readonly string[]; synonyms: Record<string, string> }[]
>();

/** Adds a problem for each variant named in `x-synonyms` that no other problem already reports. */
function addSynonymProblems(profile: CompiledProfile, data: Plain, problems: ProfileProblem[]): void {
  let fields = synonymFields.get(profile);
  if (fields === undefined) {
    fields = profile.fields.flatMap((r) => {
      const spec = editableField(r.field);
      return spec === undefined || r.synonyms === undefined
        ? []
        : [{ spec, path: fieldPath(spec), synonyms: r.synonyms }];
    });
    synonymFields.set(profile, fields);
  }
  for (const { spec, path, synonyms } of fields) {
    const value = valueAt(data, path);
    if (typeof value !== 'string' || !Object.hasOwn(synonyms, value) || problems.some((p) => p.field === spec.name))
      continue;
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
