import { describe, expect, it } from 'vitest';
import { packFiles, packResults, unpackFiles, unpackResults } from '../../../../../electron/services/tiff/scan-batch';
import type { ScanFile, ScanResult } from '../../../../../electron/services/tiff/worker-protocol';

const stamp = (size: number) => ({ size, mtimeMs: 1_795_432_251_849.2764 + size, ino: 5_481_349 + size });

describe('scan batches between threads', () => {
  it('give the worker the files as they were asked for', () => {
    const files: ScanFile[] = [
      { path: '/lab/a.tif', known: stamp(1), sidecar: 'stamp' },
      { path: '/lab/line\nbreak, “quoted”.tif', known: null, sidecar: 'read' },
      { path: '/lab/c.tif', known: stamp(0), sidecar: null },
    ];
    expect(unpackFiles(packFiles(files))).toEqual(files);
  });

  it('give the caller every answer: stamps only, a header read, a sidecar read, a failure', () => {
    const summary = {
      header: {
        shape: '(32, 32)',
        dims: "('Y', 'X')",
        sizes: "{'Y': 32, 'X': 32}",
        dtype: 'uint16',
        num_channels: 1,
        num_scenes: 1,
        date: '',
        time: '',
      },
      fileCalibration: null,
    };
    const results: ScanResult[] = [
      { ok: true, info: null, stamp: stamp(1), sidecar: stamp(2) },
      { ok: true, info: summary, stamp: stamp(3), sidecar: null },
      {
        ok: true,
        info: null,
        stamp: stamp(4),
        sidecar: null,
        sidecarRead: { at: 0, version: { size: 5, mtimeMs: 6, sha256: 'ab' }, mode: 0o644, writable: true },
      },
      { ok: false, kind: 'read', message: 'file not found' },
      {
        ok: true,
        info: null,
        stamp: stamp(5),
        sidecar: null,
        sidecarRead: { problem: 'a.tif.json: permission denied' },
      },
    ];
    expect(unpackResults(packResults(results))).toEqual(results);
  });

  it('carry a batch of stamps only without JSON for each file', () => {
    const results: ScanResult[] = Array.from({ length: 64 }, (_, i) => ({
      ok: true,
      info: null,
      stamp: stamp(i),
      sidecar: i % 2 === 0 ? stamp(i + 1) : null,
    }));
    const packed = packResults(results);
    expect(new TextDecoder().decode(packed.rest)).toBe(JSON.stringify(Array(64).fill(0)));
    expect(unpackResults(packed)).toEqual(results);
  });
});
