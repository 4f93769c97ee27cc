// The project's own ESLint rule: no two files of a folder import each other, even through others,
// even for a type: what both need lives in a file both import. Re-exports are not imports.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { relativeImports, resolveSpecifier } from './relative-imports.mjs';

/** Every file's resolved relative imports, read once per lint run. */
const importsByFile = new Map();
/** The circle (strongly connected component) each file visited lies in: files that reach each other. */
const circleOf = new Map();

/**
 * The relative specifiers `text` imports from: import declarations (type-only ones too),
 * dynamic `import()` and `import('x').T` types. A re-export (`export … from`) is no import of
 * the file's own: a door hands names on without using them, so it draws no edge.
 */
function importedSpecifiers(file, text) {
  const specifiers = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  return specifiers.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
}

/**
 * The files of its own folder that `file` imports (see {@link importedSpecifiers}): a circle
 * inside a folder is what this rule forbids; between folders, the doors and the rooms' order
 * (doors.mjs, rooms.mjs) say which way imports run.
 */
function importsOf(file) {
  let imports = importsByFile.get(file);
  if (imports !== undefined) return imports;
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // a file that cannot be read imports nothing here; the compiler reports it
  }
  imports = importedSpecifiers(file, text)
    .map((specifier) => resolveSpecifier(file, specifier))
    .filter((target) => target !== null && path.dirname(target) === path.dirname(file));
  importsByFile.set(file, imports);
  return imports;
}

/** Finds the circles of every file reachable from `root` (Tarjan's algorithm, without recursion). */
function findCircles(root) {
  if (circleOf.has(root)) return;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const work = [{ file: root, next: 0 }];
  index.set(root, 0);
  low.set(root, 0);
  stack.push(root);
  onStack.add(root);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const imports = importsOf(frame.file);
    if (frame.next < imports.length) {
      const target = imports[frame.next++];
      if (circleOf.has(target)) continue;
      if (!index.has(target)) {
        index.set(target, index.size);
        low.set(target, index.get(target));
        stack.push(target);
        onStack.add(target);
        work.push({ file: target, next: 0 });
      } else if (onStack.has(target)) {
        low.set(frame.file, Math.min(low.get(frame.file), index.get(target)));
      }
      continue;
    }
    work.pop();
    const parent = work[work.length - 1];
    if (parent !== undefined) low.set(parent.file, Math.min(low.get(parent.file), low.get(frame.file)));
    if (low.get(frame.file) !== index.get(frame.file)) continue;
    const circle = new Set();
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      circle.add(member);
    } while (member !== frame.file);
    for (const file of circle) circleOf.set(file, circle);
  }
}

/** The shortest way from `from` back to `to` through the files of `circle`, as file names. */
function wayBack(from, to, circle) {
  const cameFrom = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === to) break;
    for (const next of importsOf(file)) {
      if (!circle.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  const way = [];
  for (let file = to; file !== null && file !== undefined; file = cameFrom.get(file)) way.unshift(file);
  return way;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'No import circle in a folder: its files do not import each other, directly or through others.',
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
      findCircles(importer);
      const circle = circleOf.get(importer);
      if (circle === undefined || !circle.has(target) || target === importer) return;
      const names = [importer, ...wayBack(target, importer, circle)].map((file) =>
        path.relative(context.cwd, file).split(path.sep).join('/'),
      );
      context.report({ node: source, messageId: 'cycle', data: { specifier, way: names.join(' → ') } });
    });
    // re-exports draw no edge (see importedSpecifiers)
    const { ExportAllDeclaration: _all, ExportNamedDeclaration: _named, ...imports } = visitors;
    return imports;
  },
};

/** The plugin that carries the rule: `cycles/no-cycle`. */
export default { rules: { 'no-cycle': noCycle } };
