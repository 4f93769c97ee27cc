import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBundledScript } from '../../../../electron/services/bundled-script';

describe('findBundledScript', () => {
  it('finds a worker bundle that npm run build made', () => {
    const found = findBundledScript('write-worker.cjs');
    expect(found).toBe(path.resolve(__dirname, '../../../../dist/electron/write-worker.cjs'));
    expect(existsSync(found)).toBe(true);
  });

  it('names the missing bundle and how to make it', () => {
    expect(() => findBundledScript('no-such-worker.cjs')).toThrow(
      /^no-such-worker\.cjs not found \(run npm run build\); looked in /,
    );
  });
});
