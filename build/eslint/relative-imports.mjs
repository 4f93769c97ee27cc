// What the project's own import rules look at: every relative specifier a file imports from,
// and the file each one names.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The ESLint visitors that call `check(node, specifier)` for every relative specifier
 * (`./x`, `../x`) of a static or dynamic import, a re-export or a type import.
 */
export function relativeImports(check) {
  const visit = (source) => {
    if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
    const specifier = source.value;
    if (specifier.startsWith('./') || specifier.startsWith('../')) check(source, specifier);
  };
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    TSImportType: (node) => visit(node.argument?.literal ?? node.argument),
  };
}

/** The file names that make a folder's door. */
const DOOR_FILES = ['index.ts', 'index.tsx'];

/** What a relative specifier may leave out, tried in this order. */
const SUFFIXES = ['', '.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs'];

/**
 * The file a relative specifier names, or null when there is none: a file as written or with a
 * source suffix, else a folder's door.
 */
export function resolveSpecifier(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const suffix of SUFFIXES) {
    const candidate = base + suffix;
    if (isFile(candidate)) return candidate;
  }
  const door = doorOf(base);
  return door === null ? null : path.join(base, door);
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The door file of a folder, or null when the folder has none. */
export function doorOf(folder) {
  return DOOR_FILES.find((name) => isFile(path.join(folder, name))) ?? null;
}
