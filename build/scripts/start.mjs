// `npm start`: launches the Electron app on the built dist/. Electron fetches its binary at
// first launch; where that download cannot be reached, say so in one line and point to browser
// mode, which serves the same app. The download runs here with its output captured (requiring
// the `electron` package would run it with the installer's stack trace going to the terminal).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

/** The Electron executable the package installed, or null when it is not there. */
function installedBinary() {
  try {
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return relative !== '' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let binary = installedBinary();
let reason = '';
if (binary === null) {
  console.log("Downloading Electron's binary…");
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  binary = install.status === 0 ? installedBinary() : null;
  reason =
    `${install.stderr ?? ''}`
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
}
if (binary === null) {
  console.error(
    "AcqMeta: Electron's binary is not installed and could not be downloaded on this machine" +
      (reason === '' ? '.\n' : ` (${reason}).\n`) +
      'Browser mode runs the same app; to try it on a copy of the bundled sample folder:\n' +
      '  cp -r build/sample-folder /tmp/acqmeta-sample && npm run -s serve -- --root /tmp/acqmeta-sample',
  );
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
