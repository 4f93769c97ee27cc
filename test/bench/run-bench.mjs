#!/usr/bin/env node
// `npm run bench [-- <suite>...]`: runs the benchmark suites of test/bench/suites/ (all, or
// those named), prints each one's Markdown section and writes them to test/bench/RESULTS.md.
// Each suite measures AcqMeta against a peer in the same run and prints every figure beside
// its target. The Node bundles are built first, so what is measured is the current code.
// `--against <rev>`: the suites that can also run commit <rev>'s build in turns with this one's
// (against.mjs), each figure then a ratio to the base's per pair.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRevision } from './against.mjs';
import { machine, root } from './bench-kit.mjs';

const dir = path.join(root, 'test/bench/suites');
const suites = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  // a suite's helpers lie beside it (suites/index-rows.mjs) and export no suite
  const { suite } = await import(pathToFileURL(path.join(dir, file)).href);
  if (suite !== undefined) suites.push(suite);
}
const args = process.argv.slice(2);
const at = args.indexOf('--against');
const against = at < 0 ? undefined : args[at + 1];
if (at >= 0 && (against === undefined || against.startsWith('-'))) {
  console.error('--against needs a commit: npm run bench -- <suite> --against <rev>');
  process.exit(2);
}
const wanted = at < 0 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
const unknown = wanted.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')} (known: ${suites.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const chosen = suites.filter((s) => wanted.length === 0 || wanted.includes(s.name));
if (against !== undefined) {
  const alone = chosen.filter((s) => s.against !== true).map((s) => s.name);
  if (alone.length > 0) {
    const can = suites.filter((s) => s.against === true).map((s) => s.name);
    console.error(`--against: ${alone.join(', ')} cannot measure another commit (those that can: ${can.join(', ')})`);
    process.exit(2);
  }
  const base = buildRevision(against);
  process.env.BENCH_AGAINST = base.root;
  process.env.BENCH_AGAINST_LABEL = base.label;
}
// The renderer is built only for the suites that open the page or start browser mode.
const page = chosen.some((s) => s.renderer === true) ? [] : ['--node-only'];
execFileSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), ...page], { cwd: root, stdio: 'inherit' });
const sections = [];
for (const suite of chosen) {
  console.log(`\n=== ${suite.title}`);
  const text = await suite.run();
  console.log(`\n${text}\n`);
  sections.push(`## ${suite.title}\n\n${text}\n`);
}
const base = against === undefined ? '' : `, against ${process.env.BENCH_AGAINST_LABEL}`;
const header = `# Benchmarks\n\n\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}${base}: ${machine()}, load average ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} at the end.\n`;
const out = path.join(
  root,
  wanted.length === 0 && against === undefined ? 'test/bench/RESULTS.md' : 'test-results/bench-partial.md',
);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${header}\n${sections.join('\n')}`);
console.log(`written to ${path.relative(root, out)}`);
