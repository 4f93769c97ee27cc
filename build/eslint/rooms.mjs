// The project's own ESLint rule: the rooms of electron/services/ and renderer/src/ import each other one way.
import fs from 'node:fs';
import path from 'node:path';
import { relativeImports } from './relative-imports.mjs';

/**
 * The rooms of electron/services/, each importing only rooms listed before it: the one place
 * that says which way each room's door points. A new room gets its line here.
 */
export const ROOM_ORDER = [
  'disk',
  'ngff',
  'sidecar',
  'tiff',
  'folder',
  'journal',
  'channels',
  'profile',
  'scan-cache',
  'rows',
  'save',
  'presets',
  'sheets',
  'dataset',
  'submission',
  'results',
  'convert',
  'collection',
  'upload',
  'calibrate',
  'watch',
  'index',
  'backend',
];

/**
 * The rooms of renderer/src/, each importing only rooms listed before it: shared view logic,
 * the store, the kit, then the capabilities, the table, and the shell last. Files beside the
 * rooms (main.tsx, app-store.ts, backend-events.ts) compose them and may import any.
 */
export const RENDERER_ROOM_ORDER = [
  'lib',
  'client',
  'store',
  'kit',
  'save',
  'profile',
  'channels',
  'dataset',
  'journal',
  'editor',
  'instruments',
  'presets',
  'tables',
  'bulk',
  'results',
  'submission',
  'convert',
  'collection',
  'calibrate',
  'upload',
  'search',
  'table',
  'app',
];

/** The folders whose rooms import one way, each with its order and the name its messages use. */
const HOUSES = [
  { base: ['electron', 'services'], order: ROOM_ORDER, name: 'services' },
  { base: ['renderer', 'src'], order: RENDERER_ROOM_ORDER, name: 'renderer/src' },
];

/** The house (folder of rooms) and the room `file` lies in, or null when it lies in no room of one. */
function roomOf(file) {
  const parts = file.split(path.sep);
  for (let i = parts.length - 3; i > 0; i--) {
    const house = HOUSES.find((h) => parts[i - 1] === h.base[0] && parts[i] === h.base[1]);
    if (house !== undefined) return { house, services: parts.slice(0, i + 1).join(path.sep), room: parts[i + 1] };
  }
  return null;
}

/** The room a relative specifier from a file in `services` names, or null when it names none (a file beside the rooms). */
function importedRoom(services, fromFile, specifier) {
  const relative = path.relative(services, path.resolve(path.dirname(fromFile), specifier));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [room, ...rest] = relative.split(path.sep);
  if (rest.length > 0) return room;
  try {
    return fs.statSync(path.join(services, room)).isDirectory() ? room : null;
  } catch {
    return null;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const oneWay = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'A room of electron/services/ or renderer/src/ imports only the rooms before it in its order, so that no two rooms import each other, even round a circle.',
    },
    schema: [],
    messages: {
      backwards:
        '{{house}}/{{room}} may not import {{house}}/{{other}}: {{other}} comes after {{room}} in the room order (build/eslint/rooms.mjs), and rooms import one way only. Move what {{room}} needs down into it or a room before it.',
      unlisted:
        '{{house}}/{{name}} is not in the room order (build/eslint/rooms.mjs): list it there, after the rooms it imports.',
    },
  },
  create(context) {
    const from = roomOf(context.filename);
    if (from === null) return {};
    return relativeImports((source, specifier) => {
      const other = importedRoom(from.services, context.filename, specifier);
      if (other === null || other === from.room) return;
      const { order, name: house } = from.house;
      for (const name of [from.room, other]) {
        if (!order.includes(name))
          return context.report({ node: source, messageId: 'unlisted', data: { house, name } });
      }
      if (order.indexOf(other) > order.indexOf(from.room)) {
        context.report({ node: source, messageId: 'backwards', data: { house, room: from.room, other } });
      }
    });
  },
};

/** The plugin that carries the rule: `rooms/one-way`. */
export default { rules: { 'one-way': oneWay } };
