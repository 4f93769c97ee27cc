/**
 * Loads a lab profile (a JSON Schema, draft 2020-12, describing a sidecar; see
 * docs/lab-profiles.md) from its text. Nothing here throws on a bad profile: a file that is not JSON,
 * not a valid schema, or has a pattern that cannot run comes back with its problems, each
 * naming the file, the line and column, and what is wrong, and is not applied.
 */
import type { ValidateFunction } from 'ajv/dist/2020';
import type { ValidatorError } from './generated/meta-validator';
import type { ProfileFieldRules } from '../api';
import { duplicateKeys, duplicateKeyText } from '../duplicate-keys';
import { readJson } from '../sidecar/json-reader';
import { toPlain } from '../sidecar/json-tree';
import { pointerSegments } from '../validation/json-path';
import { fieldRules } from './field-rules';
import type { FolderRules } from './folder-rules';
import { compileSchema, knownFormats, metaSchemaErrors } from './profile-compiler';
import { pointerOfKey, problemAt, problemAtOffset, type ProfileText } from './profile-text';
import { compileSafePattern } from './safe-pattern';
import { walkSchema } from './schema-walk';
import { profileTarget, targetProblems } from './target-annotation';

/** The name a profile file must have to be found next to images. */
export const PROFILE_FILE_NAME = 'acqmeta.profile.json';

const DRAFT_2020 = new Set([
  'https://json-schema.org/draft/2020-12/schema',
  'https://json-schema.org/draft/2020-12/schema#',
]);

/** A profile ready to apply. */
export interface CompiledProfile {
  readonly schema: Record<string, unknown>;
  readonly validate: ValidateFunction;
  /** What the profile asks of each editable field (for forms, synonyms and suggestions). */
  readonly fields: readonly ProfileFieldRules[];
  /** `x-folder` rules, or null when the profile has none. */
  readonly folder: FolderRules | null;
  /** The `x-target` named (a target AcqMeta knows), or null. */
  readonly target: string | null;
  /** The `x-microscope` named (the catalogue's microscope the images under the profile were taken on), or null. */
  readonly microscope: string | null;
}

/** A loaded profile file: usable (`compiled`) or not, with its problems either way. */
export interface Profile {
  /** The file as messages name it. */
  readonly source: string;
  readonly title: string | null;
  readonly description: string | null;
  /** Problems of the file itself, each `<source>: line L, column C: <what>`. */
  readonly problems: readonly string[];
  /** Null when the file cannot be used; its problems say why. */
  readonly compiled: CompiledProfile | null;
}

type Schema = Record<string, unknown>;

/** Reads, checks and compiles a profile's text; never throws for a bad profile. */
export function loadProfile(text: string, source: string): Profile {
  const failed = (problems: string[], schema?: Schema): Profile => ({
    source,
    ...titles(schema),
    problems,
    compiled: null,
  });
  const read = readJson(text);
  if (!read.ok) return failed([problemAtOffset({ source, text }, read.offset, `not valid JSON: ${read.message}`)]);
  // the user's edit of the first of a key written twice would be lost: the last is what is read
  const duplicates = duplicateKeys(text);
  if (duplicates.length > 0)
    return failed(
      duplicates.map((d) =>
        problemAtOffset({ source, text }, d.offset, `the key ${JSON.stringify(d.key)} ${duplicateKeyText(d)}`),
      ),
    );
  const file: ProfileText = { source, text, root: read.value };
  const schema = toPlain(read.value);
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return failed([problemAt(file, '', 'a profile must be a JSON object (a JSON Schema describing a sidecar)')]);
  }
  const plain = schema as Schema;
  const version = plain.$schema;
  if (version !== undefined && !(typeof version === 'string' && DRAFT_2020.has(version))) {
    return failed(
      [
        problemAt(
          file,
          '/$schema',
          `"$schema" must be https://json-schema.org/draft/2020-12/schema (JSON Schema 2020-12), not ${JSON.stringify(version)}`,
        ),
      ],
      plain,
    );
  }
  const problems = [...schemaProblems(file, plain), ...annotationProblems(file, plain)];
  const target = targetProblems(file, plain);
  if (problems.length > 0) return failed([...problems, ...target], plain);
  const compiled = compileSchema(plain);
  if (!compiled.ok) return failed([compileProblem(file, compiled.message), ...target], plain);
  return {
    source,
    ...titles(plain),
    problems: [...compiled.warnings.flatMap((w) => warningProblem(file, w)), ...target],
    compiled: {
      schema: plain,
      validate: compiled.validate,
      fields: fieldRules(plain),
      folder: folderRules(plain),
      target: profileTarget(plain),
      microscope: typeof plain['x-microscope'] === 'string' ? plain['x-microscope'].trim() || null : null,
    },
  };
}

function titles(schema: Schema | undefined): { title: string | null; description: string | null } {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { title: text(schema?.title), description: text(schema?.description) };
}

/** Meta-schema errors, one per place (the first that says something), regex formats left to the pattern check. */
function schemaProblems(file: ProfileText, schema: Schema): string[] {
  const byPlace = new Map<string, ValidatorError>();
  for (const error of metaSchemaErrors(schema)) {
    if (error.keyword === 'format' && error.params.format === 'regex') continue;
    const current = byPlace.get(error.instancePath);
    const vague = (e: ValidatorError) => ['anyOf', 'oneOf', '$dynamicRef'].includes(e.keyword);
    if (current === undefined || (vague(current) && !vague(error))) byPlace.set(error.instancePath, error);
  }
  return [...byPlace.values()].map((error) => problemAt(file, error.instancePath, metaMessage(error)));
}

function metaMessage(error: ValidatorError): string {
  const segments = pointerSegments(error.instancePath);
  const key = segments.at(-1);
  const where =
    key === undefined ? 'the profile' : /^\d+$/.test(key) ? `item ${key} of "${segments.at(-2) ?? ''}"` : `"${key}"`;
  if (error.keyword === 'enum')
    return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}

/** Patterns that cannot run, and `x-` annotations of the wrong shape. */
function annotationProblems(file: ProfileText, schema: Schema): string[] {
  const problems: string[] = [];
  const checkPattern = (pattern: unknown, pointer: string) => {
    if (typeof pattern !== 'string') return;
    const result = compileSafePattern(pattern);
    if (!result.ok) problems.push(problemAt(file, pointer, `pattern ${JSON.stringify(pattern)}: ${result.message}`));
  };
  walkSchema(schema, (node, pointer) => {
    checkPattern(node.pattern, `${pointer}/pattern`);
    const patternProperties = node.patternProperties;
    if (patternProperties !== null && typeof patternProperties === 'object') {
      for (const key of Object.keys(patternProperties)) checkPattern(key, `${pointer}/patternProperties`);
    }
    const synonyms = node['x-synonyms'];
    const isMap = synonyms !== null && typeof synonyms === 'object' && !Array.isArray(synonyms);
    if (synonyms !== undefined && !(isMap && Object.values(synonyms).every((v) => typeof v === 'string'))) {
      problems.push(
        problemAt(
          file,
          `${pointer}/x-synonyms`,
          '"x-synonyms" must map each variant to the allowed value it means, e.g. {"Mouse": "mouse"}',
        ),
      );
    }
  });
  const folder = schema['x-folder'];
  if (folder !== undefined && !Array.isArray(folder))
    problems.push(problemAt(file, '/x-folder', '"x-folder" must be a list of {"pattern", "required", "description"}'));
  if (Array.isArray(folder)) {
    folder.forEach((rule: unknown, i) => {
      const at = `/x-folder/${i}`;
      const r = (rule ?? {}) as Schema;
      if (typeof rule !== 'object' || rule === null || typeof r.pattern !== 'string') {
        problems.push(
          problemAt(file, at, `rule ${i + 1} of "x-folder" needs a "pattern" (a regular expression over paths)`),
        );
        return;
      }
      checkPattern(r.pattern, `${at}/pattern`);
      if (r.required !== undefined && typeof r.required !== 'boolean')
        problems.push(problemAt(file, `${at}/required`, '"required" must be true or false'));
      if (r.description !== undefined && typeof r.description !== 'string')
        problems.push(problemAt(file, `${at}/description`, '"description" must be text'));
    });
  }
  const closed = schema['x-folder-closed'];
  if (closed !== undefined && typeof closed !== 'boolean')
    problems.push(problemAt(file, '/x-folder-closed', '"x-folder-closed" must be true or false'));
  const microscope = schema['x-microscope'];
  if (microscope !== undefined && (typeof microscope !== 'string' || microscope.trim() === ''))
    problems.push(
      problemAt(
        file,
        '/x-microscope',
        '"x-microscope" must name a microscope of the catalogue (its Name or file name)',
      ),
    );
  return problems;
}

function folderRules(schema: Schema): FolderRules | null {
  const list = schema['x-folder'];
  if (!Array.isArray(list)) return null;
  const rules = list.flatMap((rule: Schema) => {
    const compiled = compileSafePattern(rule.pattern as string);
    if (!compiled.ok) return [];
    return [
      {
        pattern: rule.pattern as string,
        required: rule.required === true,
        description: typeof rule.description === 'string' ? rule.description : '',
        compiled: compiled.pattern,
      },
    ];
  });
  return { rules, closed: schema['x-folder-closed'] === true };
}

const UNKNOWN_FORMAT = /^unknown format "(.*)" ignored in schema at path "#(.*)"$/;

function compileProblem(file: ProfileText, message: string): string {
  const unknown = UNKNOWN_FORMAT.exec(message);
  if (unknown !== null) {
    const pointer = decodeURIComponent(unknown[2] ?? '');
    return problemAt(file, pointer, `unknown format "${unknown[1]}" (known: ${knownFormats().join(', ')})`);
  }
  const unresolved = UNRESOLVED_REF.exec(message);
  const pointer =
    unresolved === null
      ? null
      : pointerOfKey(file.root, '$ref', (v) => v.kind === 'string' && v.value === unresolved[1]);
  return pointer === null
    ? `${file.source}: ${message}`
    : problemAt(file, pointer, `"$ref" ${unresolved?.[1] ?? ''} points at nothing in the profile`);
}

const UNRESOLVED_REF = /^can't resolve reference (.*) from id /;

const UNKNOWN_KEYWORD = /^strict mode: unknown keyword: "(.*)"$/;

/** An ajv warning as a located problem; unknown `x-` keywords are other tools' and pass quietly. */
function warningProblem(file: ProfileText, warning: string): string[] {
  const unknown = UNKNOWN_KEYWORD.exec(warning);
  if (unknown === null) return [`${file.source}: ${warning}`];
  const keyword = unknown[1] ?? '';
  if (keyword.startsWith('x-')) return [];
  const pointer = pointerOfKey(file.root, keyword);
  const message = `unknown keyword "${keyword}" is ignored (a typo?)`;
  return [pointer === null ? `${file.source}: ${message}` : problemAt(file, pointer, message)];
}
