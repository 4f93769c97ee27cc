// What the project's own import rules look at: every relative specifier a file imports from.

/**
 * The ESLint visitors that call `check(node, specifier)` for every relative specifier
 * (`./x`, `../x`) of a static or dynamic import, a re-export or a type import.
 */
export function relativeImports(check) {
  const visit = (source) => {
    if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
    const specifier = source.value;
    if (specifier.startsWith('./') || specifier.startsWith('../')) check(source, specifier);
  };
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    TSImportType: (node) => visit(node.argument?.literal ?? node.argument),
  };
}
