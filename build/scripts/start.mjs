// `npm start`: launches the Electron app on the built dist/. Electron fetches its binary at
// first launch; where that download cannot be reached, say so in one line and point to browser
// mode, which serves the same app, instead of dying with a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electron;
try {
  electron = require('electron');
} catch {
  console.error(
    "AcqMeta: Electron's binary is not installed and could not be downloaded on this machine.\n" +
      'Browser mode runs the same app; to try it on a copy of the bundled sample folder:\n' +
      '  cp -r build/sample-folder /tmp/acqmeta-sample && npm run -s serve -- --root /tmp/acqmeta-sample',
  );
  process.exit(1);
}
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
