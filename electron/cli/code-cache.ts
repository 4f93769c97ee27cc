/**
 * Runs a bundled CommonJS script with V8's compiled code kept between runs, as Node 22's
 * `module.enableCompileCache` does (Node 20 has none): the command line's bundles are then not
 * parsed and compiled again at every start. The cache is keyed by the script's content
 * (V8 itself only checks the source's length), Node's version and the architecture; one that
 * is missing, damaged or rejected is made anew when the process exits, and a cache that
 * cannot be read or written is no cache: the script runs all the same.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** The CommonJS module wrapper, as Node puts it around a script. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

/** The cache file of `source` (the script at `file`) in `dir`. */
function codeCacheFile(dir: string, file: string, source: string): string {
  const key = createHash('sha256')
    .update(`${process.version} ${process.arch}\0`)
    .update(source)
    .digest('hex')
    .slice(0, 32);
  return path.join(dir, `${path.basename(file)}-${key}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache in place of any older one of the same script (a temp file renamed: readers never see half of it). */
function writeCache(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.v8cache$/, '')}-`;
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== path.basename(file))
        rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // a cache folder that cannot be written: the next run compiles again
  }
}

/** A bundle beside the running one, as esbuild's output requires it (`./cli-scan.cjs`). */
const BESIDE = /^\.\/[^/\\]+\.cjs$/;

/**
 * Runs the CommonJS script `file` with its compiled code cached in `cacheDir`; the bundles it
 * requires from beside it (each command's, exceljs) are run the same way, once each, so a
 * command's code is cached as the dispatcher's is.
 */
function runScript(file: string, cacheDir: string, loaded: Map<string, { exports: unknown }>, id: string): unknown {
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCacheFile(cacheDir, file, source);
  const cachedData = readCache(cacheFile);
  const script = new Script(WRAPPER_START + source + WRAPPER_END, { filename: file, cachedData });
  // made at exit, so that the functions compiled during the run are in it
  if (cachedData === undefined || script.cachedDataRejected === true)
    process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const nodeRequire = createRequire(file);
  const dir = path.dirname(file);
  const requireBeside = Object.assign((request: string): unknown => {
    if (!BESIDE.test(request)) return nodeRequire(request);
    const target = path.join(dir, request);
    return loaded.get(target)?.exports ?? runScript(target, cacheDir, loaded, target);
  }, nodeRequire);
  const module = { exports: {}, filename: file, id, loaded: false };
  loaded.set(file, module);
  run.call(module.exports, module.exports, requireBeside, module, file, dir);
  module.loaded = true;
  return module.exports;
}

/**
 * Runs the CommonJS script `file` as the main program, with its compiled code (and that of the
 * bundles it loads from beside it) cached in `cacheDir`.
 */
export function runWithCodeCache(file: string, cacheDir: string): void {
  runScript(file, cacheDir, new Map(), '.');
}
