// The whole-tree check: every import circle (type imports included) among the files of shared/,
// electron/ and renderer/, one line per circle; exits 1 when there is any. The lint rule
// `cycles/no-cycle` reports the same circles file by file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { circlesAmong, sourceFiles } from '../eslint/import-graph.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const circles = circlesAmong(
  ['shared', 'electron', 'renderer'].flatMap((folder) => sourceFiles(path.join(root, folder))),
);
for (const circle of circles) {
  console.log(`${circle.length} files: ${circle.map((file) => path.relative(root, file)).join(' ')}`);
}
console.log(circles.length === 0 ? 'No import circles.' : `${circles.length} import circle(s).`);
process.exitCode = circles.length === 0 ? 0 : 1;
