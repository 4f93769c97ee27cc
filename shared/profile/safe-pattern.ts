/**
 * The regular expressions of lab profiles, run in linear time.
 *
 * A profile is often written by someone else (a core facility, a repository), and one
 * pattern such as `(a+)+$` makes JavaScript's backtracking `RegExp` take 2^n steps on
 * `"aaa…a!"`: a single sidecar value could freeze a scan for hours. A static "safe regex"
 * check only recognises some of the shapes that backtrack badly, and a per-value time bound
 * cannot be had for `RegExp`, whose match cannot be interrupted within its thread. So
 * patterns are run by RE2JS, a port of RE2, whose automaton matches in time linear in the
 * value's length for every pattern: the guarantee holds by construction, for any profile.
 *
 * The price is that RE2 has no lookaround and no backreferences; a pattern that uses them
 * (or is not a valid JavaScript pattern, as JSON Schema requires) is reported when the
 * profile is loaded, with its line and column, and the profile is not applied. JavaScript's
 * `\uXXXX` and `\u{…}` escapes are translated to RE2's `\x{…}`. Results are remembered per
 * value, since a folder repeats the same few values thousands of times.
 */
import { RE2JS } from 're2js';

/** A compiled pattern with `RegExp.test` semantics (a match anywhere in the value). */
export interface SafePattern {
  readonly source: string;
  test(value: string): boolean;
  toString(): string;
}

/** The outcome of {@link compileSafePattern}. */
export type SafePatternResult = { ok: true; pattern: SafePattern } | { ok: false; message: string };

/** Distinct values remembered per pattern before the memory is cleared. */
const MEMO_LIMIT = 4096;

const UNICODE_ESCAPE = /(\\+)u(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{4}))/g;

/** `\u00b5` → `\x{00b5}` where the backslash is not itself escaped. */
function toRe2Syntax(source: string): string {
  return source.replace(UNICODE_ESCAPE, (match, slashes: string, braced?: string, four?: string) =>
    slashes.length % 2 === 0 ? match : `${slashes}x{${braced ?? four}}`,
  );
}

/** Compiles a profile's pattern; says why when it cannot be used. */
export function compileSafePattern(source: string): SafePatternResult {
  try {
    new RegExp(source, 'u'); // checks the syntax only: nothing is matched
  } catch (error) {
    return { ok: false, message: `not a valid regular expression: ${(error as Error).message}` };
  }
  let compiled: ReturnType<typeof RE2JS.compile>;
  try {
    compiled = RE2JS.compile(toRe2Syntax(source));
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return {
      ok: false,
      message: `this regular expression cannot be run in linear time (lookaround and backreferences are not supported): ${detail}`,
    };
  }
  let memo = new Map<string, boolean>();
  const pattern: SafePattern = {
    source,
    test(value) {
      let result = memo.get(value);
      if (result === undefined) {
        result = compiled.test(value);
        if (memo.size >= MEMO_LIMIT) memo = new Map();
        memo.set(value, result);
      }
      return result;
    },
    toString: () => `/${source}/`,
  };
  return { ok: true, pattern };
}

/**
 * The `code.regExp` engine ajv runs `pattern` and `patternProperties` with. Patterns are
 * checked by {@link compileSafePattern} before a profile is compiled, so this does not throw.
 */
export const safeRegExp = Object.assign(
  (source: string): SafePattern => {
    const result = compileSafePattern(source);
    if (!result.ok) throw new Error(`pattern ${JSON.stringify(source)}: ${result.message}`);
    return result.pattern;
  },
  // ajv names the engine in standalone code only, which profiles never produce.
  { code: 'safeRegExp' },
);
