import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile } from '../../../../../electron/services/sidecar/replace-file';
import { imageFolder, namesIn } from './temp-folder';

/** What a replacement of a file that does not exist yet keeps and checks. */
const newFile = (name: string) => ({ mode: undefined, found: null, name, imagePath: name });

describe('replaceFile', () => {
  it('copies bytes that share their buffer, leaving the other views on it intact', async () => {
    const { dir } = imageFolder();
    const whole = new TextEncoder().encode('firstsecond');
    const first = whole.subarray(0, 5);
    const second = whole.subarray(5);
    await replaceFile(path.join(dir, 'a.json'), first, newFile('a.json'));
    expect(new TextDecoder().decode(second)).toBe('second');
    expect(new TextDecoder().decode(first)).toBe('first');
    expect(readFileSync(path.join(dir, 'a.json'), 'utf8')).toBe('first');
  });

  it('hands over bytes that have their buffer to themselves', async () => {
    const { dir } = imageFolder();
    const bytes = new TextEncoder().encode('own');
    await replaceFile(path.join(dir, 'b.json'), bytes, newFile('b.json'));
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('own');
    expect(bytes.byteLength).toBe(0);
    expect(namesIn(dir)).toEqual(['b.json', 'cell.tif']);
  });
});
