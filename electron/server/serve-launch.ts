/**
 * What `npm run serve` runs (bundled to dist/electron/serve.cjs): browser mode's server,
 * serve-main.cjs beside this file, with its compiled code kept in the per-user cache folder as
 * the command line's is. Where the kernel shares the CPU by session, the server runs in a
 * session of its own (see own-session.ts): this launcher again, started there; elsewhere in
 * this process.
 */
import '../services/process-tuning'; // first: before anything runs
import path from 'node:path';
import { runWithCodeCache } from '../cli/code-cache';
import { defaultCacheDir } from '../services/scan-cache';
import { inOwnSession, runInOwnSession, sessionsShareTheCpu } from './own-session';

const SERVER = path.join(__dirname, 'serve-main.cjs');

if (sessionsShareTheCpu() && !inOwnSession()) {
  void runInOwnSession(__filename, process.argv.slice(2)).then((code) => process.exit(code));
} else {
  runWithCodeCache(SERVER, path.join(defaultCacheDir(), 'code'));
}
