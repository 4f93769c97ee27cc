import type { ESLint, Rule } from 'eslint';

/** The rule `doors/no-deep-import`: a folder with an index.ts is entered through it. */
export declare const noDeepImport: Rule.RuleModule;

/** The plugin that carries the rule. */
declare const plugin: ESLint.Plugin;
export default plugin;
