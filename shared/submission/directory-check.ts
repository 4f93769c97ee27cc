/**
 * A dataset folder's layout checked against a HuBMAP directory schema, with the rules of
 * `ingest-validation-tools`' `directory_validator.py`:
 *
 * - the folder is listed as paths relative to it, `/`-separated: every file (hidden ones
 *   too), and `dir/` for each folder below the top that holds no file directly (see
 *   `listDatasetPaths` in `electron/services/folder/`);
 * - a pattern is a regular expression that must match a whole path (`re.fullmatch`);
 * - every pattern is allowed; one whose `required` is not false must match some path, or it is
 *   missing;
 * - a path no pattern matches is not allowed, unless it matches an ignore glob (`fnmatch`);
 *   ignore globs do not count toward required patterns;
 * - both lists are sorted by code point, not-allowed paths first.
 *
 * Patterns and globs run on RE2, in time linear in each path: no pattern can hang the check.
 */
import { RE2JS } from 're2js';
import type { DirectoryPattern, DirectorySchema } from './directory-schemas';
import { compileGlob } from './python-glob';

/** A folder-layout problem, as `--json` prints it. */
export type DirectoryProblem = { kind: 'directory'; missing: string } | { kind: 'directory'; not_allowed: string };

/** One pattern of the schema and whether some path matches it. */
export interface ChecklistItem {
  readonly entry: DirectoryPattern;
  readonly met: boolean;
}

/** The outcome of {@link checkDirectory}. */
export interface DirectoryVerdict {
  /** Every pattern, in the schema's order. */
  readonly checklist: readonly ChecklistItem[];
  /** Paths no pattern allows, by code point. */
  readonly notAllowed: readonly string[];
  /** Required patterns no path matches, by code point. */
  readonly missing: readonly string[];
  /** The not-allowed paths, then the missing patterns. */
  readonly problems: readonly DirectoryProblem[];
}

/** Orders strings by code point, as Python's `sorted` does. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done || cb.done) return ca.done === cb.done ? 0 : ca.done ? -1 : 1;
    const d = (ca.value.codePointAt(0) as number) - (cb.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}

/** A schema's patterns compiled for RE2; throws an error naming a pattern RE2 cannot run. */
function compilePatterns(schema: DirectorySchema): RE2JS[] {
  return schema.files.map((file) => {
    try {
      return RE2JS.compile(file.pattern);
    } catch (error) {
      throw new Error(
        `hubmap:${schema.assay}-v${schema.version}: pattern ${JSON.stringify(file.pattern)} cannot be used: ${(error as Error).message}`,
        { cause: error },
      );
    }
  });
}

/** Checks a folder's listing (see the module comment) against a schema. */
export function checkDirectory(
  paths: readonly string[],
  schema: DirectorySchema,
  ignoreGlobs: readonly string[] = [],
): DirectoryVerdict {
  const patterns = compilePatterns(schema);
  const globs = ignoreGlobs.map(compileGlob);
  const met = patterns.map(() => false);
  const notAllowed: string[] = [];
  for (const path of paths) {
    let allowed = false;
    patterns.forEach((pattern, i) => {
      if (!met[i] || !allowed) {
        const matches = pattern.matches(path);
        if (matches) met[i] = allowed = true;
      }
    });
    if (!allowed && !globs.some((glob) => glob.test(path))) notAllowed.push(path);
  }
  const checklist = schema.files.map((entry, i) => ({ entry, met: met[i] as boolean }));
  const missing = checklist.filter((item) => item.entry.required && !item.met).map((item) => item.entry.pattern);
  notAllowed.sort(compareCodePoints);
  missing.sort(compareCodePoints);
  const problems: DirectoryProblem[] = [
    ...notAllowed.map((path) => ({ kind: 'directory' as const, not_allowed: path })),
    ...missing.map((pattern) => ({ kind: 'directory' as const, missing: pattern })),
  ];
  return { checklist, notAllowed, missing, problems };
}
