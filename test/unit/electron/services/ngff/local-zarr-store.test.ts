import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalZarrStore } from '../../../../../electron/services/ngff/local-zarr-store';
import { isPlainKey } from '../../../../../shared/ngff/store-keys';
import { NgffReadError } from '../../../../../shared/ngff/types';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `cells.ome.zarr` with a root `zarr.json` and a level `0/zarr.json`, and a secret beside the store. */
function storeFolder(): { dir: string; store: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-zarr-'));
  made.push(dir);
  const store = path.join(dir, 'cells.ome.zarr');
  mkdirSync(path.join(store, '0'), { recursive: true });
  writeFileSync(path.join(store, 'zarr.json'), '{"node_type":"group"}');
  writeFileSync(path.join(store, '0', 'zarr.json'), '{"node_type":"array"}');
  writeFileSync(path.join(dir, 'secret.json'), '{"secret":true}');
  return { dir, store };
}

const text = (bytes: Uint8Array | null): string | null => (bytes === null ? null : new TextDecoder().decode(bytes));

describe('a Zarr store on this machine', () => {
  it('reads the keys it holds and answers null for those it does not', async () => {
    const { store } = storeFolder();
    const zarr = new LocalZarrStore(store);
    expect(text(await zarr.get('zarr.json', 1024))).toBe('{"node_type":"group"}');
    expect(text(await zarr.get('0/zarr.json', 1024))).toBe('{"node_type":"array"}');
    expect(await zarr.get('.zattrs', 1024)).toBeNull();
    expect(await zarr.get('1/zarr.json', 1024)).toBeNull();
    // a file where a folder is on the way: no such key
    expect(await zarr.get('zarr.json/x', 1024)).toBeNull();
  });

  it('refuses keys that would leave the store, before touching the disk', async () => {
    const zarr = new LocalZarrStore(storeFolder().store);
    for (const key of [
      '../secret.json',
      '0/../../secret.json',
      '/etc/passwd',
      '0\\zarr.json',
      '',
      './zarr.json',
      '0//zarr.json',
    ])
      await expect(zarr.get(key, 1024), key).rejects.toThrow(NgffReadError);
    expect(['0/zarr.json', 'zarr.json', 'a b/.zarray'].every(isPlainKey)).toBe(true);
  });

  it('follows no link inside the store, to a file or a folder', async () => {
    const { dir, store } = storeFolder();
    symlinkSync(path.join(dir, 'secret.json'), path.join(store, '.zattrs'));
    symlinkSync(dir, path.join(store, '1'));
    const zarr = new LocalZarrStore(store);
    await expect(zarr.get('.zattrs', 1024)).rejects.toThrow(
      '.zattrs is a link inside the store; links are not followed',
    );
    await expect(zarr.get('1/secret.json', 1024)).rejects.toThrow('1 is a link inside the store');
  });

  it('refuses a document larger than asked for, and a folder where a file is asked for', async () => {
    const { store } = storeFolder();
    const zarr = new LocalZarrStore(store);
    await expect(zarr.get('zarr.json', 8)).rejects.toThrow('zarr.json: 21 bytes to read, more than the 8 allowed');
    await expect(zarr.get('0', 1024)).rejects.toThrow('0 is not a file');
  });

  it('reads part of a key, from an offset or its end, and never past it', async () => {
    const zarr = new LocalZarrStore(storeFolder().store);
    expect(text(await zarr.getRange('zarr.json', { offset: 2, length: 9 }, 1024))).toBe('node_type');
    expect(text(await zarr.getRange('zarr.json', { suffixLength: 7 }, 1024))).toBe('group"}');
    expect(await zarr.getRange('1/zarr.json', { suffixLength: 7 }, 1024)).toBeNull();
    await expect(zarr.getRange('zarr.json', { offset: 20, length: 2 }, 1024)).rejects.toThrow(
      'zarr.json: the range asked for lies outside its 21 bytes',
    );
    await expect(zarr.getRange('zarr.json', { suffixLength: 30 }, 1024)).rejects.toThrow('outside its 21 bytes');
    await expect(zarr.getRange('../x', { offset: 0, length: 1 }, 1024)).rejects.toThrow('not a plain path');
  });
});
