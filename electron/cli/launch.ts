/**
 * What `bin/acqmeta.cjs` runs (bundled to dist/electron/cli-launch.cjs): the command line's
 * bundle, cli.cjs beside this file, with its compiled code kept in the per-user cache folder.
 */
import '../services/process-tuning'; // first: before anything runs
import path from 'node:path';
import { defaultCacheDir } from '../services/scan-cache';
import { runWithCodeCache } from './code-cache';

runWithCodeCache(path.join(__dirname, 'cli.cjs'), path.join(defaultCacheDir(), 'code'));
