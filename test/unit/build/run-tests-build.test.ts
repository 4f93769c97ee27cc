/**
 * `npm test` under `.ci/run` builds the app once: `npm ci` has built dist/ (its `prepare` script)
 * since the run began, so the test command uses that build; outside `.ci/run`, or with a dist/
 * older than the run, it builds. better-sqlite3's native module, when the install left it
 * uncompiled, is compiled before the unit tests, which need it.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPTS = ['run-tests.mjs', 'built-by-install.mjs'];
const TOOLS = ['tsc', 'eslint', 'prettier', 'playwright'];
const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

let project: string;
afterEach(() => rmSync(project, { recursive: true, force: true }));

/**
 * A project copy holding the test command's scripts, a build that only leaves a mark, tools that
 * pass (vitest only once better-sqlite3's module is there), an npm whose `rebuild` makes that
 * module and notes its arguments, and a dist/ written `age` seconds ago; the module is there
 * unless `native` is false.
 */
function projectWithDist(age: number, native = true): void {
  project = mkdtempSync(path.join(tmpdir(), 'acqmeta-run-tests-'));
  mkdirSync(path.join(project, 'build/scripts'), { recursive: true });
  for (const script of SCRIPTS)
    copyFileSync(path.join(ROOT, 'build/scripts', script), path.join(project, 'build/scripts', script));
  writeFileSync(
    path.join(project, 'build/scripts/build.mjs'),
    "import { writeFileSync } from 'node:fs';\nwriteFileSync('built', '');\n",
  );
  mkdirSync(path.join(project, 'node_modules/.bin'), { recursive: true });
  for (const tool of TOOLS) {
    writeFileSync(path.join(project, 'node_modules/.bin', tool), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(project, 'node_modules/.bin', tool), 0o755);
  }
  writeFileSync(path.join(project, 'node_modules/.bin/vitest'), `#!/bin/sh\ntest -f ${NATIVE}\n`);
  chmodSync(path.join(project, 'node_modules/.bin/vitest'), 0o755);
  writeFileSync(
    path.join(project, 'npm.cjs'),
    "const fs = require('node:fs');\nfs.writeFileSync('npm-args', process.argv.slice(2).join(' '));\n" +
      `fs.mkdirSync('${path.dirname(NATIVE)}', { recursive: true });\nfs.writeFileSync('${NATIVE}', '');\n`,
  );
  if (native) {
    mkdirSync(path.dirname(path.join(project, NATIVE)), { recursive: true });
    writeFileSync(path.join(project, NATIVE), '');
  }
  const when = Date.now() / 1000 - age;
  for (const file of ['dist/electron/cli.cjs', 'dist/renderer/index.html']) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), '');
    utimesSync(path.join(project, file), when, when);
  }
}

/** Runs the test command in the copy, as `.ci/run` does when `started` is given (seconds ago). */
function npmTest(started?: number) {
  const env = { ...process.env, ACQMETA_TEST_STARTED: '', npm_execpath: path.join(project, 'npm.cjs') };
  if (started !== undefined) env.ACQMETA_TEST_STARTED = String(Math.floor(Date.now() / 1000 - started));
  const run = spawnSync(process.execPath, ['build/scripts/run-tests.mjs'], { cwd: project, env, encoding: 'utf8' });
  const npmArgs = existsSync(path.join(project, 'npm-args'))
    ? readFileSync(path.join(project, 'npm-args'), 'utf8')
    : null;
  return { code: run.status, stdout: run.stdout, built: existsSync(path.join(project, 'built')), npmArgs };
}

describe('npm test: the build', () => {
  it('under .ci/run, uses the dist/ npm ci built since the run began, and says so', () => {
    projectWithDist(10);
    const run = npmTest(60);
    expect([run.code, run.built]).toEqual([0, false]);
    expect(run.stdout).toContain(
      '=== Build: dist/ was built by npm ci (its prepare script) in this run; not built again',
    );
  });

  it('under .ci/run, builds when dist/ is older than the run', () => {
    projectWithDist(120);
    expect(npmTest(60)).toMatchObject({ code: 0, built: true });
  });

  it('outside .ci/run, always builds', () => {
    projectWithDist(10);
    expect(npmTest()).toMatchObject({ code: 0, built: true });
  });
});

describe('npm test: better-sqlite3', () => {
  it('compiles its native module before the unit tests when the install left it undone, and says so', () => {
    projectWithDist(10, false);
    const run = npmTest(60);
    expect([run.code, run.npmArgs]).toEqual([0, 'rebuild better-sqlite3']);
    expect(run.stdout).toContain('=== Native module (better-sqlite3)');
  });

  it('leaves the module alone when the install compiled it', () => {
    projectWithDist(10);
    expect(npmTest(60)).toMatchObject({ code: 0, npmArgs: null });
  });
});
