/**
 * Python's `fnmatch` globs (the ingest tools' ignore rules), translated for RE2.
 *
 * `fnmatch.fnmatch(path, glob)` on POSIX: `*` matches any run of characters including `/`,
 * `?` any one character, `[seq]` and `[!seq]` a set, and an unclosed `[` is a literal. The
 * whole path must match, newlines included.
 */
import { RE2JS } from 're2js';

const SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** The set between `[` and `]` in RE2 syntax, or null when `[` at `start` is not closed. */
function setAt(glob: string, start: number): { source: string; end: number } | null {
  let j = start + 1;
  if (glob[j] === '!') j++;
  if (glob[j] === ']') j++;
  const close = glob.indexOf(']', j);
  if (close === -1) return null;
  let body = glob.slice(start + 1, close).replace(/[\\[&~|]/g, (c) => `\\${c}`);
  if (body.startsWith('!')) body = `^${body.slice(1)}`;
  else if (body.startsWith('^')) body = `\\${body}`;
  return { source: `[${body}]`, end: close + 1 };
}

/** The RE2 source of a glob, to be matched against the whole path. */
export function globToRegex(glob: string): string {
  let out = '(?s)';
  for (let i = 0; i < glob.length;) {
    const c = glob[i] as string;
    const set = c === '[' ? setAt(glob, i) : null;
    if (set !== null) {
      out += set.source;
      i = set.end;
      continue;
    }
    out += c === '*' ? '.*' : c === '?' ? '.' : c.replace(SPECIAL, (s) => `\\${s}`);
    i++;
  }
  return out;
}

/** A compiled glob: `test(path)` is Python's `fnmatch(path, glob)`. Throws on a glob RE2 refuses. */
export function compileGlob(glob: string): { glob: string; test(path: string): boolean } {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(globToRegex(glob));
  } catch (error) {
    throw new Error(`ignore pattern ${JSON.stringify(glob)} cannot be used: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { glob, test: (path) => compiled.matches(path) };
}
