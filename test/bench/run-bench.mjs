#!/usr/bin/env node
// `npm run bench [-- <suite>...]`: runs the benchmark suites of test/bench/suites/ (all, or
// those named), prints each one's Markdown section and writes them to test/bench/RESULTS.md.
// Each suite measures AcqMeta against a peer in the same run and prints every figure beside
// its target. The Node bundles are built first, so what is measured is the current code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { machine, root } from './bench-kit.mjs';

const dir = path.join(root, 'test/bench/suites');
const suites = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  suites.push((await import(pathToFileURL(path.join(dir, file)).href)).suite);
}
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')} (known: ${suites.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'build/scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const sections = [];
for (const suite of suites.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${suite.title}`);
  const text = await suite.run();
  console.log(`\n${text}\n`);
  sections.push(`## ${suite.title}\n\n${text}\n`);
}
const header = `# Benchmarks\n\n\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}.\n`;
const out = path.join(root, wanted.length === 0 ? 'test/bench/RESULTS.md' : 'test-results/bench-partial.md');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${header}\n${sections.join('\n')}`);
console.log(`written to ${path.relative(root, out)}`);
