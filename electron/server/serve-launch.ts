/**
 * What `npm run serve` runs (bundled to dist/electron/serve.cjs): browser mode's server,
 * serve-main.cjs beside this file. Where the kernel shares the CPU by session, the server runs
 * in a session of its own (see own-session.ts); elsewhere in this process.
 */
import '../services/process-tuning'; // first: before anything runs
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInOwnSession, sessionsShareTheCpu } from './own-session';

const SERVER = path.join(__dirname, 'serve-main.cjs');

if (sessionsShareTheCpu()) {
  void runInOwnSession(SERVER, process.argv.slice(2)).then((code) => process.exit(code));
} else {
  createRequire(__filename)(SERVER);
}
