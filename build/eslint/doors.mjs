// The project's own ESLint rule: a folder with an index.ts is entered through that door.
import path from 'node:path';
import { doorOf, relativeImports, resolveSpecifier } from './relative-imports.mjs';

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

/**
 * Where `importer` is judged from: a file under one of `mirrors`' test folders stands at the same
 * place under the source folder it mirrors, so a unit test opens only the room it tests.
 */
function judgedAt(importer, cwd, mirrors) {
  for (const [tests, source] of Object.entries(mirrors)) {
    const root = path.resolve(cwd, tests);
    if (isWithin(root, importer)) return path.join(path.resolve(cwd, source), path.relative(root, importer));
  }
  return importer;
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
    schema: [
      {
        type: 'object',
        properties: { mirrors: { type: 'object', additionalProperties: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      deep: "'{{specifier}}' reaches past the door of {{folder}}/: import from '{{door}}' (its index.ts), exporting there what is needed.",
    },
  },
  create(context) {
    const importer = context.filename;
    const judged = judgedAt(importer, context.cwd, context.options[0]?.mirrors ?? {});
    return relativeImports((source, specifier) => {
      const target = resolveSpecifier(importer, specifier);
      if (target === null) return;
      const folder = bypassedDoor(judged, target);
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
