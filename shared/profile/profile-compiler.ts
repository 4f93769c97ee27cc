/**
 * The one ajv set-up that checks and compiles lab profiles: draft 2020-12, `ajv-formats`
 * (date, date-time, email, uri, ...), `ajv-errors` (`errorMessage`), all errors collected,
 * patterns run by the linear-time engine of ./safe-pattern.
 *
 * Profiles are compiled at run time, so this runs in the backend only: the renderer's
 * content security policy forbids the `eval` that ajv's compiled code needs.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addErrors from 'ajv-errors';
import addFormats from 'ajv-formats';
import { validateProfileSchema, type ValidatorError } from './generated/meta-validator';
import { safeRegExp } from './safe-pattern';

/** Annotations of the profile contract (see docs/lab-profiles.md), known to the compiler. */
export const PROFILE_ANNOTATIONS = ['x-synonyms', 'x-folder', 'x-folder-closed'] as const;

/** A profile schema compiled, with what ajv warned about while compiling it. */
export type CompiledSchema =
  { ok: true; validate: ValidateFunction; warnings: string[] } | { ok: false; message: string };

let ajv: Ajv2020 | null = null;
/** Where ajv's warnings go while one compile runs (compiles are synchronous). */
let warnings: string[] = [];

function instance(): Ajv2020 {
  if (ajv !== null) return ajv;
  const sink = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // Unknown keywords (typos such as "requried") are reported, not fatal: JSON Schema ignores them.
    strictSchema: 'log',
    // Profiles are checked against the meta-schema by the validator compiled ahead of time.
    validateSchema: false,
    // Profiles carry `$id`s of their own; two versions of one profile must not collide.
    addUsedSchema: false,
    code: { regExp: safeRegExp },
    logger: { log: () => undefined, warn: sink, error: sink },
  });
  addFormats(ajv);
  addErrors(ajv);
  ajv.addVocabulary([...PROFILE_ANNOTATIONS]);
  return ajv;
}

/** Checks a profile against the draft 2020-12 meta-schema; the errors point into the profile. */
export function metaSchemaErrors(schema: unknown): ValidatorError[] {
  return validateProfileSchema(schema) ? [] : [...(validateProfileSchema.errors ?? [])];
}

/** Compiles a schema that passed {@link metaSchemaErrors}; compile failures come back as data. */
export function compileSchema(schema: Record<string, unknown>): CompiledSchema {
  const compiler = instance();
  warnings = [];
  try {
    const validate = compiler.compile(schema);
    return { ok: true, validate, warnings };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    compiler.removeSchema(schema);
    warnings = [];
  }
}

/** The format names profiles may use. */
export function knownFormats(): string[] {
  return Object.keys(instance().formats).sort();
}
