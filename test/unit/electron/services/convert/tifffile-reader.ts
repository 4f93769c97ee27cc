/**
 * Test helper: one Python running read-with-tifffile.py for a whole test file, asked one file
 * at a time; starting Python with numpy and tifffile costs more than reading a small file.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Reads OME-TIFFs with tifffile; each answer is read-with-tifffile.py's JSON line, parsed. */
export interface TifffileReader {
  /** What tifffile reads of `path`, whose pixels have `samples` samples each. */
  read(path: string, samples: number): Promise<Record<string, unknown>>;
  /** Ends the Python process. */
  close(): Promise<void>;
}

/** Starts the Python that answers {@link TifffileReader.read}, in the order asked. */
export function tifffileReader(): TifffileReader {
  const python = spawn('/usr/bin/python3', [join(__dirname, 'read-with-tifffile.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let ended: Error | null = null;
  createInterface({ input: python.stdout }).on('line', (line) => waiting.shift()?.resolve(line));
  python.on('exit', (code, signal) => {
    ended = new Error(`read-with-tifffile.py ended (${code ?? signal})`);
    for (const next of waiting.splice(0)) next.reject(ended);
  });
  return {
    read: (path, samples) =>
      new Promise<string>((resolve, reject) => {
        if (ended !== null) return reject(ended);
        waiting.push({ resolve, reject });
        python.stdin.write(`${samples}\t${path}\n`);
      }).then((line) => JSON.parse(line) as Record<string, unknown>),
    close: () =>
      new Promise<void>((resolve) => {
        if (ended !== null) return resolve();
        python.once('exit', () => resolve());
        python.stdin.end();
      }),
  };
}
