// The project's own ESLint rule: a folder with an index.ts is entered through that door.
import fs from 'node:fs';
import path from 'node:path';
import { relativeImports } from './relative-imports.mjs';

/** The file names that make a folder's door. */
const DOOR_FILES = ['index.ts', 'index.tsx'];

/** What a relative specifier may leave out, tried in this order. */
const SUFFIXES = ['', '.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs'];

/**
 * The file a relative specifier names, or null when there is none: a file as written or with a
 * source suffix, else a folder's door.
 */
function resolveSpecifier(fromFile, specifier) {
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
function doorOf(folder) {
  return DOOR_FILES.find((name) => isFile(path.join(folder, name))) ?? null;
}

/** Whether `file` lies inside `folder` (at any depth). */
function isWithin(folder, file) {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The outermost folder that has a door, holds `target` past that door, and does not hold
 * `importer`; null when every folder with a door on the way is entered through it (or holds
 * the importer, whose own room is open to it).
 */
function bypassedDoor(importer, target) {
  let bypassed = null;
  for (let folder = path.dirname(target); !isWithin(folder, importer); folder = path.dirname(folder)) {
    const door = doorOf(folder);
    if (door !== null && target !== path.join(folder, door)) bypassed = folder;
    if (path.dirname(folder) === folder) break;
  }
  return bypassed;
}

/** The specifier of `folder` as written from `importer`'s folder. */
function specifierOf(importer, folder) {
  const relative = path.relative(path.dirname(importer), folder).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noDeepImport = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'A folder with an index.ts is entered through it: no import of its other files from outside the folder.',
    },
    schema: [],
    messages: {
      deep: "'{{specifier}}' reaches past the door of {{folder}}/: import from '{{door}}' (its index.ts), exporting there what is needed.",
    },
  },
  create(context) {
    const importer = context.filename;
    return relativeImports((source, specifier) => {
      const target = resolveSpecifier(importer, specifier);
      if (target === null) return;
      const folder = bypassedDoor(importer, target);
      if (folder === null) return;
      context.report({
        node: source,
        messageId: 'deep',
        data: {
          specifier,
          folder: path.relative(context.cwd, folder).split(path.sep).join('/') || '.',
          door: specifierOf(importer, folder),
        },
      });
    });
  },
};

/** The plugin that carries the rule: `doors/no-deep-import`. */
export default { rules: { 'no-deep-import': noDeepImport } };
