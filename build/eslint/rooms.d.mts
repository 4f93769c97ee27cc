import type { ESLint, Rule } from 'eslint';

/** The rooms of electron/services/, each importing only rooms listed before it. */
export declare const ROOM_ORDER: readonly string[];

/** The rooms of renderer/src/, each importing only rooms listed before it. */
export declare const RENDERER_ROOM_ORDER: readonly string[];

/** The rule `rooms/one-way`: the rooms of electron/services/ and renderer/src/ import each other one way. */
export declare const oneWay: Rule.RuleModule;

/** The plugin that carries the rule. */
declare const plugin: ESLint.Plugin;
export default plugin;
