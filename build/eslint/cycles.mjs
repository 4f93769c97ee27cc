// The project's own ESLint rule: no two files import each other, even through others, even for a
// type, in one folder or across folders: what both need lives in a file both import. Re-exports
// are not imports (see import-graph.mjs).
import path from 'node:path';
import { importGraph } from './import-graph.mjs';
import { relativeImports, resolveSpecifier } from './relative-imports.mjs';

/** Every file's imports and circles, read once per lint run. */
const graph = importGraph();

/** @type {import('eslint').Rule.RuleModule} */
export const noCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'No import circle: files do not import each other, directly or through others, in any folder.',
    },
    schema: [],
    messages: {
      cycle: "'{{specifier}}' closes an import circle: {{way}}. Move what they share into a file both import.",
    },
  },
  create(context) {
    const importer = context.filename;
    const visitors = relativeImports((source, specifier) => {
      const target = resolveSpecifier(importer, specifier);
      if (target === null) return;
      const circle = graph.circleOf(importer);
      if (circle === undefined || !circle.has(target) || target === importer) return;
      const names = [importer, ...graph.wayBack(target, importer, circle)].map((file) =>
        path.relative(context.cwd, file).split(path.sep).join('/'),
      );
      context.report({ node: source, messageId: 'cycle', data: { specifier, way: names.join(' → ') } });
    });
    // re-exports draw no edge (see import-graph.mjs)
    const { ExportAllDeclaration: _all, ExportNamedDeclaration: _named, ...imports } = visitors;
    return imports;
  },
};

/** The plugin that carries the rule: `cycles/no-cycle`. */
export default { rules: { 'no-cycle': noCycle } };
