import type { ESLint, Rule } from 'eslint';

/** The rule `cycles/no-cycle`: no import circle. */
export declare const noCycle: Rule.RuleModule;

/** The plugin that carries the rule. */
declare const plugin: ESLint.Plugin;
export default plugin;
