/**
 * reviewCalibration, startCalibration, cancelCalibration and undoHeaderWrite: the sidecars'
 * calibration reviewed (old → new, the refused named), written into the headers in the
 * background with its progress and summary as events, no strip touched, the write in the
 * History's journal records and undone byte for byte; a stale review refused, and a file changed
 * since its review left as it is; a cancel between two files (the first held by the write gate)
 * leaves the second untouched.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEvent, CalibrationSummary } from '../../../../../shared/api';
import { pixelSegmentsHash } from '../../cli/calibrate/tiff-checks';
import { codeOf, labBackendPerTest, type Harness } from './backend-harness';

/** The write gate of this file's backend (read once, when the disk service loads). */
const GATE = vi.hoisted(() => {
  const file = `${process.env.TMPDIR ?? '/tmp'}/acqmeta-backend-calibrate-gate-${process.pid}`;
  process.env.ACQMETA_WRITE_GATE = file;
  return file;
});

const bench = labBackendPerTest();
const OME = 'cells/multi-channel.ome.tif';
const PLAIN = 'stacks/float.tif';

/** Gives the sidecar of `image` a pixel size of 0.5 um, as a save from the editor leaves it. */
async function calibrateSidecar(lab: string, image: string): Promise<void> {
  const file = path.join(lab, `${image}.json`);
  const text = (await readFile(file, 'utf8'))
    .replaceAll('"physical_unit_x": 1.0', '"physical_unit_x": 0.5')
    .replaceAll('"physical_unit_y": 1.0', '"physical_unit_y": 0.5')
    .replaceAll('"physical_label_x": "Pixels"', '"physical_label_x": "um"')
    .replaceAll('"physical_label_y": "Pixels"', '"physical_label_y": "um"');
  await writeFile(file, text);
}

/** Reviews `paths`, writes the review and resolves with the summary. */
async function calibrate(h: Harness, paths: string[]): Promise<CalibrationSummary> {
  const { reviewId } = await h.ok('reviewCalibration', { paths });
  const { jobId } = await h.ok('startCalibration', { reviewId });
  const done = await h.waitFor((e) => e.type === 'calibrate-done' && e.jobId === jobId);
  return (done as Extract<ApiEvent, { type: 'calibrate-done' }>).summary;
}

describe('calibration in image files from the app', () => {
  it('reviews old → new, writes only the header, lists the write and undoes it byte for byte', async () => {
    const { h, copy } = bench;
    await calibrateSidecar(copy.lab, OME);
    await calibrateSidecar(copy.lab, PLAIN);
    const omeFile = path.join(copy.lab, OME);
    const original = await readFile(omeFile);
    const pixels = pixelSegmentsHash(omeFile);

    const review = await h.ok('reviewCalibration', { paths: [OME, PLAIN, 'plain.tiff', 'other/scan_01.oir'] });
    const [ome, plain, unset, vendor] = review.images;
    expect(ome).toMatchObject({ path: OME, kind: 'ome', refusal: null });
    expect(ome?.changes).toContainEqual({ value: 'pixel size X', place: 'OME-XML', old: '(none)', new: '0.5 µm' });
    expect(plain).toMatchObject({ path: PLAIN, kind: 'plain', refusal: null });
    expect(plain?.changes).toContainEqual({
      value: 'ResolutionUnit',
      place: 'resolution tags',
      old: '(none)',
      new: 'cm',
    });
    expect(unset?.refusal).toMatch(/^its sidecar holds no calibration/);
    expect(vendor?.refusal).toMatch(/vendor file and is never modified/);
    // the review writes nothing
    expect(await readFile(omeFile)).toEqual(original);

    const { jobId } = await h.ok('startCalibration', { reviewId: review.reviewId });
    const done = await h.waitFor((e) => e.type === 'calibrate-done' && e.jobId === jobId);
    const { summary } = done as Extract<ApiEvent, { type: 'calibrate-done' }>;
    expect(summary.cancelled).toBe(false);
    expect(summary.images.map((i) => [i.path, i.outcome.kind])).toEqual([
      [OME, 'written'],
      [PLAIN, 'written'],
      ['plain.tiff', 'refused'],
      ['other/scan_01.oir', 'refused'],
    ]);
    const progress = h.events.filter((e) => e.type === 'calibrate-progress' && e.jobId === jobId);
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4 });

    const written = await readFile(omeFile);
    expect(written.length).toBeGreaterThan(original.length);
    expect(written.toString('latin1')).toContain('PhysicalSizeX="0.5"');
    expect(pixelSegmentsHash(omeFile)).toBe(pixels);
    // a review is written once
    expect(codeOf(await h.call('startCalibration', { reviewId: review.reviewId }))).toBe('CONFLICT');

    const { headers } = await h.ok('getJournal', { paths: [OME] });
    expect(headers?.map((r) => [r.path, r.action])).toEqual([[OME, 'Write calibration into image files']]);
    const record = headers![0]!;
    expect(await h.ok('undoHeaderWrite', { id: record.id })).toEqual({ path: OME });
    expect(await readFile(omeFile)).toEqual(original);
    // undone once: the undo is now the latest write of that header
    const again = await h.call('undoHeaderWrite', { id: record.id });
    expect(again.ok ? 'ok' : [again.error.code, again.error.message]).toEqual([
      'CONFLICT',
      expect.stringMatching(/a later header write \(“Undo “Write calibration into image files””\)/),
    ]);
    expect(codeOf(await h.call('undoHeaderWrite', { id: 'no-such-record' }))).toBe('NOT_FOUND');
  });

  it('writes the channel names asked, and refuses an interval for one time point by name', async () => {
    const { h, copy } = bench;
    await calibrateSidecar(copy.lab, OME);
    const omeFile = path.join(copy.lab, OME);
    const original = await readFile(omeFile);
    const pixels = pixelSegmentsHash(omeFile);
    const channels = ['DAPI', 'GFP', 'mCherry'];

    const timed = await h.ok('reviewCalibration', { paths: [OME], interval: 2, channels });
    expect(timed.images[0]?.refusal).toMatch(/interval/);
    expect(codeOf(await h.call('reviewCalibration', { paths: [OME], channels: [' DAPI'] }))).toBe('BAD_REQUEST');
    expect(codeOf(await h.call('reviewCalibration', { paths: [OME], zStep: 0 }))).toBe('BAD_REQUEST');

    const { reviewId, images } = await h.ok('reviewCalibration', { paths: [OME], channels });
    expect(images[0]?.changes).toContainEqual(
      expect.objectContaining({ value: 'channel names', place: 'OME-XML', new: 'DAPI, GFP, mCherry' }),
    );
    const { jobId } = await h.ok('startCalibration', { reviewId });
    const done = await h.waitFor((e) => e.type === 'calibrate-done' && e.jobId === jobId);
    const { summary } = done as Extract<ApiEvent, { type: 'calibrate-done' }>;
    expect(summary.images.map((i) => i.outcome.kind)).toEqual(['written']);
    const text = (await readFile(omeFile)).toString('latin1');
    for (const name of channels) expect(text).toContain(`Name="${name}"`);
    expect(pixelSegmentsHash(omeFile)).toBe(pixels);
    expect((await readFile(omeFile)).length).toBeGreaterThan(original.length);
  });

  it('refuses every review but the latest', async () => {
    const { h, copy } = bench;
    await calibrateSidecar(copy.lab, OME);
    const first = await h.ok('reviewCalibration', { paths: [OME] });
    await h.ok('reviewCalibration', { paths: [OME] });
    const answer = await h.call('startCalibration', { reviewId: first.reviewId });
    expect(answer.ok ? 'ok' : answer.error.message).toBe(
      'That review is no longer the latest: review the images again.',
    );
    expect(await calibrate(h, [OME])).toMatchObject({ images: [{ path: OME, outcome: { kind: 'written' } }] });
  });

  it('writes a file only as its review found it: one changed since is a conflict, left as it is', async () => {
    const { h, copy } = bench;
    await calibrateSidecar(copy.lab, OME);
    const omeFile = path.join(copy.lab, OME);
    const review = await h.ok('reviewCalibration', { paths: [OME] });
    // another program rewrites the file after the review, its header the same
    const touched = await readFile(omeFile);
    await writeFile(omeFile, touched);
    await utimes(omeFile, new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
    const { jobId } = await h.ok('startCalibration', { reviewId: review.reviewId });
    const done = await h.waitFor((e) => e.type === 'calibrate-done' && e.jobId === jobId);
    const { summary } = done as Extract<ApiEvent, { type: 'calibrate-done' }>;
    expect(summary.images).toEqual([
      {
        path: OME,
        outcome: { kind: 'conflict', reason: 'it changed on disk since its header was read; nothing written' },
      },
    ]);
    expect(await readFile(omeFile)).toEqual(touched);
  });

  it('cancelled while the first file is written: it is done, the second untouched', async () => {
    const { h, copy } = bench;
    await calibrateSidecar(copy.lab, OME);
    await calibrateSidecar(copy.lab, PLAIN);
    const second = await readFile(path.join(copy.lab, PLAIN));
    writeFileSync(GATE, 'header-journaled\n');
    try {
      const { reviewId } = await h.ok('reviewCalibration', { paths: [OME, PLAIN] });
      const { jobId } = await h.ok('startCalibration', { reviewId });
      await vi.waitUntil(() => existsSync(`${GATE}.reached`) && readFileSync(`${GATE}.reached`, 'utf8') !== '');
      expect(await h.ok('cancelCalibration', { jobId })).toEqual({ cancelled: true });
      rmSync(GATE);
      const done = await h.waitFor((e) => e.type === 'calibrate-done' && e.jobId === jobId);
      const { summary } = done as Extract<ApiEvent, { type: 'calibrate-done' }>;
      expect(summary.cancelled).toBe(true);
      expect(summary.images.map((i) => [i.path, i.outcome.kind])).toEqual([
        [OME, 'written'],
        [PLAIN, 'cancelled'],
      ]);
      expect(await readFile(path.join(copy.lab, PLAIN))).toEqual(second);
    } finally {
      rmSync(GATE, { force: true });
      rmSync(`${GATE}.reached`, { force: true });
    }
  });
});
