/**
 * `acqstore/analysis_tables/velocity.csv` as acqstore 0.2's `VelocityAnalysisPool` writes it: a
 * row per image, channel and ROI, in the collection's order (not sorted again); the base columns,
 * then the summary of each of `radon_velocity`, `heart_rate` and `event` on that channel and
 * ROI, each summary key prefixed (`velocity_`, `hr_`, `event_`) unless it already is.
 */
import { memberOf, type JsonNode, type JsonObject } from '../../../sidecar';
import { cellOfJson, NA, pandasCsv, pyFloatCell, pyInt, pyStr, type PyCell } from './pandas-cells';
import {
  baseRow,
  BASE_COLUMNS,
  eventDuration,
  eventId,
  eventType,
  imageCells,
  loadedAnalyses,
  selectionKeys,
  type PoolSource,
} from './pool-source';

const RUN_KEYS = ['analysis_date', 'analysis_time', 'analysis_version'];
const STATUS_KEYS = ['status', 'status_note'];
const SPECTRUM_KEYS = ['bpm', 'f_hz', 'snr', 'edge_flag', 'edge_hz_distance', 'band_concentration', ...STATUS_KEYS];
const NESTED = {
  lomb: SPECTRUM_KEYS,
  welch: SPECTRUM_KEYS,
  agreement: ['delta_bpm', 'abs_delta_bpm', 'delta_hz', 'agree_ok'],
  segments: ['n_windows', 'n_valid_windows', 'median_bpm', 'iqr_bpm'],
};

/** Each analysis's summary keys, in acqstore's order (its classes' `summary_columns`). */
const SUMMARY_KEYS: Record<string, readonly string[]> = {
  radon_velocity: [...RUN_KEYS, 'num_windows', 'velocity_mean', 'velocity_median', 'velocity_cv'],
  heart_rate: [
    ...RUN_KEYS,
    ...['version', 'n_total', 'n_valid', 'valid_frac', 't_min', 't_max', ...STATUS_KEYS],
    ...Object.entries(NESTED).flatMap(([block, keys]) => keys.map((key) => `${block}_${key}`)),
  ],
  event: [
    ...RUN_KEYS,
    ...['version', 'parent_analysis_name', 'num_events', 'user_events', 'rise_events', 'fall_events'],
    ...['transient_events', 'mean_duration'],
  ],
};
/** The pool's analyses and their column prefixes. */
const PREFIXES: Record<string, string> = { radon_velocity: 'velocity', heart_rate: 'hr', event: 'event' };

const prefixed = (prefix: string, key: string): string => (key.startsWith(`${prefix}_`) ? key : `${prefix}_${key}`);

/** The table's columns. */
export const VELOCITY_COLUMNS: readonly string[] = [
  ...BASE_COLUMNS,
  ...Object.entries(PREFIXES).flatMap(([name, prefix]) => (SUMMARY_KEYS[name] ?? []).map((k) => prefixed(prefix, k))),
];

const valueAt = (object: JsonNode | undefined, key: string): PyCell => {
  const node = object?.kind === 'object' ? memberOf(object, key) : undefined;
  return node === undefined ? NA : cellOfJson(node);
};

/** A heart-rate summary's value: its own key, or `lomb_bpm` from `summary.lomb.bpm` (`segments_…` from `segments_summary`). */
function heartRateValue(summary: JsonObject, key: string): PyCell {
  const block = Object.entries(NESTED).find(([name, keys]) => keys.some((k) => key === `${name}_${k}`));
  if (block === undefined) return valueAt(summary, key);
  const nested = memberOf(summary, block[0] === 'segments' ? 'segments_summary' : block[0]);
  return valueAt(nested?.kind === 'object' ? nested : undefined, key.slice(block[0].length + 1));
}

/** Python's `sum()` of floats (3.12 on: compensated, Neumaier's way). */
function pythonSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const x of values) {
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return compensation !== 0 && Number.isFinite(compensation) ? sum + compensation : sum;
}

/**
 * An event analysis's values as acqstore has them once loaded: its summary rebuilt from the
 * events (version 2, no run date or time), counted by type, each duration `|x1 − x0|`, events
 * taken by id.
 */
function eventValues(summary: JsonObject): Record<string, PyCell> {
  const events = memberOf(summary, 'events');
  const list = events?.kind === 'array' ? events.items : [];
  const count = (type: string): PyCell => pyInt(list.filter((event) => eventType(event) === type).length);
  const byId = [...list].sort((a, b) => (eventId(a) ?? 0) - (eventId(b) ?? 0));
  const durations = byId.map(eventDuration);
  return {
    version: pyInt(2),
    parent_analysis_name: pyStr('radon_velocity'),
    num_events: pyInt(list.length),
    user_events: count('user'),
    rise_events: count('rise'),
    fall_events: count('fall'),
    transient_events: count('transient'),
    mean_duration: durations.length > 0 ? pyFloatCell(pythonSum(durations) / durations.length) : NA,
  };
}

/** The summary cells of one analysis, in its keys' order. */
function summaryCells(name: string, summary: JsonObject | undefined): PyCell[] {
  const keys = SUMMARY_KEYS[name] ?? [];
  if (summary === undefined) return keys.map(() => NA);
  if (name === 'event') {
    const values = eventValues(summary);
    return keys.map((key) => values[key] ?? NA);
  }
  return keys.map((key) => (name === 'heart_rate' ? heartRateValue(summary, key) : valueAt(summary, key)));
}

/** The velocity pool's rows of one image (none when it has no ROIs and none of the pool's analyses); throws {@link UnreadableValue}. */
export function velocityRows(source: PoolSource): PyCell[][] {
  const cells = imageCells(source);
  const analyses = loadedAnalyses(source.sidecar);
  const names = new Set(Object.keys(PREFIXES));
  return selectionKeys(source, analyses, names).map(([channel, roiId]) => [
    ...baseRow(cells, `${source.relativePath}|channel=${channel}|roi_id=${roiId}`, channel, roiId),
    ...Object.keys(PREFIXES).flatMap((name) =>
      summaryCells(name, analyses.find((a) => a.name === name && a.channel === channel && a.roiId === roiId)?.summary),
    ),
  ]);
}

/** The velocity pool's CSV of the collection's images' rows, in its order. */
export function velocityCsv(rows: PyCell[][]): string {
  const poolRow = VELOCITY_COLUMNS.indexOf('pool_row');
  rows.forEach((row, i) => (row[poolRow] = pyInt(i)));
  return pandasCsv(VELOCITY_COLUMNS, rows);
}
