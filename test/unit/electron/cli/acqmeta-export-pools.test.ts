/**
 * `acqmeta export --format cloudscope-collection`: the collection's pooled analysis tables
 * (`acqstore/analysis_tables/velocity.csv`, `sum_intensity.csv`), which CloudScope Web plots a
 * folder's results from. Another reader (read-pools.py: pandas, from the sidecars inside the
 * collection, as acqstore's analysis pools read them) must rebuild each byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, labPath, basePath } = cliOnLab();
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const READ_POOLS = fileURLToPath(new URL('./read-pools.py', import.meta.url));

const readPools = (collection: string, sources: string) =>
  JSON.parse(execFileSync('/usr/bin/python3', [READ_POOLS, collection, sources], { encoding: 'utf8' })) as Record<
    'velocity' | 'sum_intensity',
    { same: boolean; expected: string }
  >;

const RUN = { analysis_date: '260629', analysis_time: '12:00:00.000', analysis_version: 1 };
const stats = { n: 10, mean: 1.5, min: 1, max: 2, std: 0.25, se: 0.08, cv: null };
const event = (id: number, x0: number, x1: number, type: string) => ({
  id,
  x0,
  x1,
  event_type: type,
  duration: 99,
  event_stats: stats,
  pre_win_stats: stats,
  post_win_stats: stats,
});
const crossing = (fraction: number, width: number | null, status = 'ok') => ({
  fraction,
  value: 2.0,
  left_index: 10.5,
  right_index: width === null ? null : 10.5 + width,
  width,
  width_sec: width === null ? null : width * 0.01,
  status,
});
const peak = (id: number, extra: Record<string, unknown> = {}) => ({
  peak_id: id,
  status: 'ok',
  warnings: id === 2 ? ['shallow, late', 'edge'] : [],
  onset: { index: 10 * id, time_sec: 0.1 * id, value: 1 },
  peak: { index: 10 * id + 2, time_sec: 0.1 * id + 0.02, value: 3, amplitude: 2 },
  detection_method: 'derivative_threshold',
  features: {
    baseline_mean: { value: 1, status: 'ok', reason: '' },
    auc: { value: null, status: 'failed', reason: 'no "10%" crossing' },
  },
  level_crossings: [crossing(0.5, 5), crossing(0.1, null, 'no_crossing')],
  intervals: { onset_to_onset_interval_sec: id === 1 ? null : 0.1, peak_to_peak_interval_sec: id === 1 ? null : 0.1 },
  ...extra,
});
const SUM_SUMMARY = {
  ...RUN,
  status: 'ok_with_errors',
  num_timepoints: 3000,
  num_space_pixels: 5,
  seconds_per_line: 0.00095,
  f0_baseline: 812.5,
  baseline_method: 'percentile',
  baseline_percentile: 20,
  detection_method: 'derivative_threshold',
  peak_amplitude_mean: null,
  errors: ['error-a', 'error-b'],
};

/** A line scan whose four ROIs each have a velocity: ROI 1 also heart rate and events, ROIs 1 and 3 sum intensity. */
function eventsSidecar(text: string): string {
  const sidecar = JSON.parse(text.replace(/-?Infinity\b|\bNaN\b/g, 'null'));
  const radon = (roi: number, median: number | null) => ({
    analysis_name: 'radon_velocity',
    channel: 0,
    roi_id: roi,
    detection_params: { window_width: 16 },
    summary: { ...RUN, num_windows: 50 + roi, velocity_mean: 1.25 * roi, velocity_median: median, velocity_cv: 1e-5 },
  });
  sidecar.analysis = [
    radon(1, 2),
    {
      analysis_name: 'heart_rate',
      channel: 0,
      roi_id: 1,
      detection_params: {},
      summary: {
        ...RUN,
        status: 'ok',
        n_total: 3000,
        lomb: { bpm: 612.5, snr: 4, edge_flag: false, status: 'ok' },
        agreement: { delta_bpm: -2.5, agree_ok: true },
        segments_summary: { n_windows: 6, median_bpm: 610 },
      },
    },
    {
      analysis_name: 'event',
      channel: 0,
      roi_id: 1,
      detection_params: { pre_post_win_sec: 1.0 },
      summary: {
        version: 2,
        events: [event(2, 0.3, 0.1, 'rise'), event(1, 1.0, 1.7, 'user'), event(3, 2.2, 2.3, 'rise')],
      },
    },
    radon(2, 1.5),
    radon(3, null),
    radon(4, 2.25),
    {
      analysis_name: 'sum_intensity',
      channel: 0,
      roi_id: 3,
      detection_params: {},
      summary: { ...SUM_SUMMARY, peak_events: [peak(2), peak(1)] },
    },
    { analysis_name: 'sum_intensity', channel: 0, roi_id: 1, detection_params: {}, summary: { ...RUN, num_peaks: 0 } },
  ];
  sidecar.experiment_metadata = {
    ...sidecar.experiment_metadata,
    branch_order: '2',
    depth: 45,
    sex: 'F',
    note: 'vessel "A", upstream',
    condition: ' baseline ',
  };
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}

/** The CSV's rows split at commas, each quoted field first replaced by `quoted`. */
const rowsOf = (csv: string): string[][] =>
  csv
    .replace(/"(?:[^"]|"")*"/g, 'quoted')
    .trim()
    .split('\n')
    .map((line) => line.split(','));

describe('acqmeta export --format cloudscope-collection: pooled analysis tables', () => {
  beforeEach(async () => {
    await mkdir(labPath('export/day3'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'linescans/ls_02.tif'), labPath('export/ls_02.tif'));
    await copyFile(path.join(FIXTURES, 'linescans/ls_02.tif.json'), labPath('export/ls_02.tif.json'));
    await copyFile(path.join(FIXTURES, 'linescans/ls_02.tif'), labPath('export/day3/ls_events.tif'));
    const text = await readFile(path.join(FIXTURES, 'linescans/ls_02.tif.json'), 'utf8');
    await writeFile(labPath('export/day3/ls_events.tif.json'), eventsSidecar(text));
    await copyFile(path.join(FIXTURES, 'tiff/generated/ome-3ch-u16.ome.tif'), labPath('export/day3/three.ome.tif'));
  });

  it('writes the tables acqstore builds from the sidecars, as pandas writes them', async () => {
    const run = await acqmeta('export', 'lab/export', '--format', 'cloudscope-collection', '-o', 'lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    const pools = readPools(basePath('lab.ome.zarr'), labPath('export'));
    const velocity = await readFile(basePath('lab.ome.zarr/acqstore/analysis_tables/velocity.csv'), 'utf8');
    const sumIntensity = await readFile(basePath('lab.ome.zarr/acqstore/analysis_tables/sum_intensity.csv'), 'utf8');
    expect(velocity).toBe(pools.velocity.expected);
    expect(sumIntensity).toBe(pools.sum_intensity.expected);

    // a row per image and ROI, in the collection's order; the image without ROIs has none
    const rows = rowsOf(velocity);
    const [header = [], ...body] = rows;
    expect(header.length).toBe(72);
    const cell = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
    expect(body.map((row) => cell(row, 'pool_row_id'))).toEqual([
      ...[1, 2, 3, 4].map((roi) => `day3/ls_events.tif|channel=0|roi_id=${roi}`),
      ...[1, 2, 3, 4].map((roi) => `ls_02.tif|channel=0|roi_id=${roi}`),
    ]);
    const first = body[0];
    expect(cell(first, 'parent')).toBe('day3');
    expect(cell(first, 'grandparent')).toBe('export');
    expect(cell(first, 'condition')).toBe('baseline');
    expect(cell(first, 'branch_order')).toBe('2');
    expect(cell(first, 'depth')).toBe('45.0');
    expect(cell(first, 'step_x')).toBe('0.3107');
    expect(cell(first, 'hr_lomb_bpm')).toBe('612.5');
    expect(cell(first, 'hr_agreement_agree_ok')).toBe('True');
    expect(cell(first, 'hr_segments_median_bpm')).toBe('610');
    // events as acqstore reloads them: counted by type, each duration |x1 − x0| (not the stored 99)
    expect(cell(first, 'event_num_events')).toBe('3');
    expect(cell(first, 'event_rise_events')).toBe('2');
    expect(Number(cell(first, 'event_mean_duration'))).toBeCloseTo(1 / 3, 12);
    expect(cell(first, 'event_analysis_date')).toBe('');
    expect(cell(first, 'velocity_cv')).toBe('1e-05');
    // the fixture's line scan has radon_velocity and diameter on each ROI, which acqstore 0.2 does
    // not allow: it stops loading at the first diameter, so only ROI 1 has a velocity
    const lineScan = body.filter((row) => cell(row, 'name') === 'ls_02.tif');
    expect(lineScan.map((row) => cell(row, 'velocity_mean') !== '')).toEqual([true, false, false, false]);

    // sum intensity: sorted by path; ROI 3's peaks by id, ROI 1 analysed with none, ROIs 2 and 4 not
    const [siHeader = [], ...siBody] = rowsOf(sumIntensity);
    expect(siHeader.length).toBe(113);
    const si = (row: string[] | undefined, column: string) => row?.[siHeader.indexOf(column)];
    expect(
      siBody.map((row) => `${si(row, 'path')} ${si(row, 'roi_id')} ${si(row, 'peak_row_type')} ${si(row, 'peak_id')}`),
    ).toEqual([
      'day3/ls_events.tif 1 no_peaks ',
      'day3/ls_events.tif 2 not_analyzed ',
      'day3/ls_events.tif 3 peak 1',
      'day3/ls_events.tif 3 peak 2',
      'day3/ls_events.tif 4 not_analyzed ',
      ...[1, 2, 3, 4].map((roi) => `ls_02.tif ${roi} not_analyzed `),
    ]);
    expect(siBody.map((row) => si(row, 'pool_row'))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    const peakRow = siBody[2];
    expect(si(peakRow, 'error_count')).toBe('2');
    expect(si(peakRow, 'width_50_points')).toBe('5.0');
    expect(si(peakRow, 'width_10_status')).toBe('no_crossing');
    expect(si(peakRow, 'width_20_status')).toBe('missing');
    expect(si(peakRow, 'prominence_reason')).toBe('missing_from_json');
    expect(sumIntensity).toContain('"shallow, late; edge"');
    expect(sumIntensity).toContain('"no ""10%"" crossing"');
  });

  it('writes an int as pandas does in a column it makes float (no row missing)', async () => {
    const run = await acqmeta('export', 'lab/export/day3', '--format', 'cloudscope-collection', '-o', 'day3.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    const pools = readPools(basePath('day3.ome.zarr'), labPath('export/day3'));
    const velocity = await readFile(basePath('day3.ome.zarr/acqstore/analysis_tables/velocity.csv'), 'utf8');
    expect(velocity).toBe(pools.velocity.expected);
    const [header = [], ...body] = rowsOf(velocity);
    // every ROI has a velocity: its medians 2, 1.5, null and 2.25 make a float column
    expect(body.map((row) => row[header.indexOf('velocity_median')])).toEqual(['2.0', '1.5', '', '2.25']);
    expect(body.map((row) => row[header.indexOf('velocity_num_windows')])).toEqual(['51', '52', '53', '54']);
  });

  it('pools what acqstore loads of a sidecar it stops reading, and refuses what its pools cannot hold', async () => {
    // acqstore cannot coerce "2nd": it keeps the ROIs and stops, its fields, sizes and analyses left unset
    const text = await readFile(labPath('export/day3/ls_events.tif.json'), 'utf8');
    const stopped = text.replace('"branch_order": "2"', '"branch_order": "2nd"');
    await writeFile(labPath('export/day3/ls_events.tif.json'), stopped);
    const run = await acqmeta('export', 'lab/export', '--format', 'cloudscope-collection', '-o', 'lab.ome.zarr');
    expect(run.code, run.stderr).toBe(0);
    const velocity = await readFile(basePath('lab.ome.zarr/acqstore/analysis_tables/velocity.csv'), 'utf8');
    expect(velocity).toBe(readPools(basePath('lab.ome.zarr'), labPath('export')).velocity.expected);
    const [header = [], ...body] = rowsOf(velocity);
    const events = body.filter((row) => row[header.indexOf('name')] === 'ls_events.tif');
    expect(events.map((row) => row[header.indexOf('condition')])).toEqual(['', '', '', '']);
    expect(events.map((row) => row[header.indexOf('step_x')])).toEqual(['1.0', '1.0', '1.0', '1.0']);
    expect(events.map((row) => row[header.indexOf('velocity_mean')])).toEqual(['', '', '', '']);

    // a peak without its onset fails acqstore's sum-intensity pool, and so its export
    const noOnset = stopped.replace('"branch_order": "2nd"', '"branch_order": 2').replace(/"onset": \{[^}]*\},/g, '');
    expect(noOnset).not.toContain('"onset"');
    await writeFile(labPath('export/day3/ls_events.tif.json'), noOnset);
    const refused = await acqmeta('export', 'lab/export', '--format', 'cloudscope-collection', '-o', 'other.ome.zarr');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "day3/ls_events.tif: not exported, acqstore could not pool its analyses: its sum_intensity analysis (channel 0, ROI 3): a peak event's onset cannot be read",
    );
  });
});
