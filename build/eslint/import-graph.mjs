// The import graph the project's circle rule and the whole-tree check read: which files each
// file imports, types included, and which files reach each other (its circles).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { resolveSpecifier } from './relative-imports.mjs';

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
 * A graph of the files' imports, each file read once when first asked about: `importsOf(file)`
 * (the files it imports, in whatever folder), `circleOf(file)` (the files that reach it and
 * that it reaches, itself included) and `wayBack(from, to, circle)` (the shortest way round).
 */
export function importGraph() {
  const importsByFile = new Map();
  const circles = new Map();

  const importsOf = (file) => {
    let imports = importsByFile.get(file);
    if (imports !== undefined) return imports;
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // a file that cannot be read imports nothing here; the compiler reports it
    }
    imports = [
      ...new Set(
        importedSpecifiers(file, text)
          .map((specifier) => resolveSpecifier(file, specifier))
          .filter((target) => target !== null),
      ),
    ];
    importsByFile.set(file, imports);
    return imports;
  };

  // Tarjan's strongly connected components, without recursion (the graph is deep).
  const findCircles = (root) => {
    if (circles.has(root)) return;
    const index = new Map([[root, 0]]);
    const low = new Map([[root, 0]]);
    const stack = [root];
    const onStack = new Set([root]);
    const work = [{ file: root, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const imports = importsOf(frame.file);
      if (frame.next < imports.length) {
        const target = imports[frame.next++];
        if (circles.has(target)) continue;
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
      for (const file of circle) circles.set(file, circle);
    }
  };

  const circleOf = (file) => {
    findCircles(file);
    return circles.get(file);
  };

  const wayBack = (from, to, circle) => {
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
  };

  return { importsOf, circleOf, wayBack };
}

/** The source files (`.ts`, `.tsx`) under `folder`, type declarations (`.d.ts`) left out. */
export function sourceFiles(folder) {
  const files = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(file));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(file);
    }
  }
  return files;
}

/** Every circle among `files` and what they import: each a list of two or more files, sorted. */
export function circlesAmong(files) {
  const graph = importGraph();
  const seen = new Set();
  const found = [];
  for (const file of files) {
    const circle = graph.circleOf(file);
    if (circle === undefined || circle.size < 2 || seen.has(circle)) continue;
    seen.add(circle);
    found.push([...circle].sort());
  }
  return found;
}
