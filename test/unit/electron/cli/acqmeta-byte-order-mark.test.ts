import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, read } = cliOnLab();

const BOM_PROBLEM =
  "Byte order mark (BOM) at the start: Python's json, and so CloudScope, refuses the file; AcqMeta saves it without one";

describe('a sidecar that begins with a byte order mark', () => {
  it('is read and named; the next save writes it without the mark, changing only the edited line', async () => {
    expect((await acqmeta('set', 'lab/plain.tiff', '--set', 'species=mouse')).code).toBe(0);
    const unmarked = await read('plain.tiff.json');
    await writeFile(labPath('plain.tiff.json'), `\uFEFF${unmarked}`);
    const scan = await acqmeta('scan', 'lab');
    expect(scan.stdout.split('\n').find((line) => line.startsWith('plain.tiff '))).toMatch(
      / ok +Byte order mark \(BOM\) at the start/,
    );
    expect(scan.stdout).toContain(BOM_PROBLEM);
    const set = await acqmeta('set', 'lab/plain.tiff', '--set', 'species=rat');
    expect(set.code).toBe(0);
    const bytes = await readFile(labPath('plain.tiff.json'));
    expect(bytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(unmarked.replace('"species": "mouse"', '"species": "rat"'));
    expect((await acqmeta('scan', 'lab')).stdout).not.toContain('byte order mark');
  });
});
