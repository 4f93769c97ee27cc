/** Browser mode's launcher and server bundled for a test, beside a stand-in page. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleEntries } from '../services/tiff/build-worker';

/** Bundles `npm run serve`'s launcher, server and scan worker; resolves to the launcher's path and the bundle's removal. */
export async function bundleServe(): Promise<{ launcherScript: string; remove: () => Promise<void> }> {
  const { outdir, remove } = await bundleEntries(
    {
      serve: 'electron/server/serve-launch.ts',
      'serve-main': 'electron/server/serve.ts',
      'scan-worker': 'electron/services/tiff/scan-worker.ts',
    },
    'electron',
  );
  mkdirSync(path.join(outdir, '..', 'renderer'));
  writeFileSync(path.join(outdir, '..', 'renderer', 'index.html'), '<!doctype html><title>AcqMeta test page</title>');
  return { launcherScript: path.join(outdir, 'serve.cjs'), remove };
}
