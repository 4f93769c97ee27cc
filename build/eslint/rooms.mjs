// The project's own ESLint rule: the rooms of electron/services/ import each other one way.
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
  'backend',
];

/** The services folder and the room `file` lies in, or null when it lies in no room of one. */
function roomOf(file) {
  const parts = file.split(path.sep);
  for (let i = parts.length - 3; i > 0; i--) {
    if (parts[i] === 'services' && parts[i - 1] === 'electron') {
      return { services: parts.slice(0, i + 1).join(path.sep), room: parts[i + 1] };
    }
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
        'A room of electron/services/ imports only the rooms before it in ROOM_ORDER, so that no two rooms import each other, even round a circle.',
    },
    schema: [],
    messages: {
      backwards:
        'services/{{room}} may not import services/{{other}}: {{other}} comes after {{room}} in the room order (build/eslint/rooms.mjs), and rooms import one way only. Move what {{room}} needs down into it or a room before it.',
      unlisted:
        'services/{{name}} is not in the room order (build/eslint/rooms.mjs): list it there, after the rooms it imports.',
    },
  },
  create(context) {
    const from = roomOf(context.filename);
    if (from === null) return {};
    return relativeImports((source, specifier) => {
      const other = importedRoom(from.services, context.filename, specifier);
      if (other === null || other === from.room) return;
      for (const name of [from.room, other]) {
        if (!ROOM_ORDER.includes(name)) return context.report({ node: source, messageId: 'unlisted', data: { name } });
      }
      if (ROOM_ORDER.indexOf(other) > ROOM_ORDER.indexOf(from.room)) {
        context.report({ node: source, messageId: 'backwards', data: { room: from.room, other } });
      }
    });
  },
};

/** The plugin that carries the rule: `rooms/one-way`. */
export default { rules: { 'one-way': oneWay } };
