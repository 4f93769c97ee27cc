import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, ImageRow, SaveOutcome, SessionInfo } from '../../../../shared/api';
import { createBackend, type Backend } from '../../../../electron/services/backend';
import { startServer, type RunningServer } from '../../../../electron/server/http-server';
import { openEventStream, send } from './raw-http';
import { fromWireEvent, type WireEvent } from '../../../../shared/wire-rows';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../build/sample-folder');
const TOKEN = 'real-backend-token-bbbbbbbbbbbbbbbbbbbbbbbbbbbb';

let dir: string;
let folder: string;
let backend: Backend;
let server: RunningServer;

async function call<T>(method: string, request: unknown): Promise<ApiResult<T>> {
  const res = await send(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-AcqMeta-Token': TOKEN },
    body: JSON.stringify(request),
  });
  return JSON.parse(res.body) as ApiResult<T>;
}

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'acqmeta-serve-real-')));
  folder = path.join(dir, 'lab');
  cpSync(SAMPLE, folder, { recursive: true });
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  backend = createBackend({ door: 'browser', initialFolder: folder, allowedRoots: [folder] });
  server = await startServer({ backend, rendererDir, token: TOKEN, port: 0 });
});
afterAll(async () => {
  await server.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode against the real backend', () => {
  it('reports the --root folder as open', async () => {
    const session = await call<SessionInfo>('getSession', {});
    expect(session).toMatchObject({ ok: true, payload: { door: 'browser', folder: { root: folder, name: 'lab' } } });
  });

  it('keeps the browser inside --root', async () => {
    const outside = await call('openFolder', { path: dir });
    expect(outside.ok).toBe(false);
    expect(!outside.ok && outside.error.code).toBe('OUTSIDE_FOLDER');
    const escape = await call('reloadRow', { path: '../renderer/index.html' });
    expect(escape.ok).toBe(false);
  });

  it('rejects requests that do not match the method schema', async () => {
    const result = await call('getPreview', { path: 'chessboard_GRAY_U16.tif', c: -1 });
    expect(!result.ok && result.error.code).toBe('BAD_REQUEST');
  });

  it('streams a scan of the folder as events', async () => {
    const stream = await openEventStream(server.port, `/api/events?token=${TOKEN}`);
    const started = await call<{ scanId: string }>('scanFolder', {});
    if (!started.ok) throw new Error(started.error.message);
    const rows: ImageRow[] = [];
    for (;;) {
      const sent = (await stream.next()) as WireEvent;
      const event = fromWireEvent(sent); // as the page's client takes it
      if (event.type === 'scan-rows') expect(sent).toHaveProperty('packed'); // rows travel packed
      if (event.type === 'scan-rows' && event.scanId === started.payload.scanId) rows.push(...event.rows);
      if (event.type === 'scan-done' && event.scanId === started.payload.scanId) break;
    }
    stream.close();
    expect(rows.map((r) => r.path).sort()).toEqual([
      'cells/multi-channel.ome.tif',
      'cells/multi-tiff_Channel_0.tif',
      'chessboard_GRAY_U16.tif',
      'stacks/_blobs_3d_fiji_skeleton.tif',
    ]);
    expect(rows.find((r) => r.path === 'cells/multi-channel.ome.tif')?.values.species).toBe('mouse');
  });

  it('saves a new sidecar to disk through POST /api/saveSidecars', async () => {
    const target = 'cells/multi-tiff_Channel_0.tif';
    expect(existsSync(path.join(folder, `${target}.json`))).toBe(false);
    const result = await call<SaveOutcome[]>('saveSidecars', {
      saves: [{ path: target, changes: { species: 'zebrafish' }, expected: null }],
    });
    expect(result).toMatchObject({ ok: true, payload: [{ path: target, ok: true }] });
    const written = JSON.parse(readFileSync(path.join(folder, `${target}.json`), 'utf8')) as {
      version: number;
      experiment_metadata: { species: string };
    };
    expect(written.version).toBe(2);
    expect(written.experiment_metadata.species).toBe('zebrafish');
  });
});
