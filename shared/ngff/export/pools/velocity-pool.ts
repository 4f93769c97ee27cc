/**
 * `acqstore/analysis_tables/velocity.csv` as acqstore 0.2's `VelocityAnalysisPool` writes it: a
 * row per image, channel and ROI, in the collection's order (not sorted again); the base columns,
 * then the summary of each of `radon_velocity`, `heart_rate` and `event` on that channel and
 * ROI, each summary key prefixed (`velocity_`, `hr_`, `event_`) unless it already is.
 */
import { memberOf, type JsonNode, type JsonObject } from '../../../sidecar';
import { analysisKey, type LoadedSidecar } from './acqstore-load';
import { NA, pyFloatCell, pyInt, pyStr, scalarCell, type PyCell } from './pandas-cells';
import { baseRow, BASE_COLUMNS, selectionKeys, type PoolSource } from './pool-source';
import { floatOf, intOf, member, strOf } from './python-values';

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

/** A summary's value; a list or an object as Python's `str()` writes it (pandas writes what the pool holds). */
const valueAt = (object: JsonNode | undefined, key: string): PyCell => {
  const node = object?.kind === 'object' ? memberOf(object, key) : undefined;
  return node === undefined ? NA : (scalarCell(node) ?? pyStr(strOf(node)));
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
 * taken by id (the loader has checked them).
 */
function eventValues(summary: JsonObject): Record<string, PyCell> {
  const events = memberOf(summary, 'events');
  const list = events?.kind === 'array' ? events.items : [];
  const typeOf = (event: JsonNode): string =>
    strOf(member(event, 'event_type') ?? { kind: 'string', value: '', offset: -1 });
  const count = (type: string): PyCell => pyInt(list.filter((event) => typeOf(event) === type).length);
  const idOf = (event: JsonNode): bigint => intOf(member(event, 'id')) ?? 0n;
  const byId = [...list].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const durations = byId.map((e) => Math.abs((floatOf(member(e, 'x1')) ?? NaN) - (floatOf(member(e, 'x0')) ?? NaN)));
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

/** The velocity pool's rows of one image, cells in {@link VELOCITY_COLUMNS}' order; none when it has no ROIs and none of the pool's analyses. */
export function* velocityRows(source: PoolSource, loaded: LoadedSidecar): Generator<PyCell[]> {
  for (const key of selectionKeys(source, loaded, (analysis) => analysis.name in PREFIXES)) {
    const [channel, roiId] = key;
    yield [
      ...baseRow(source, loaded, `${source.relativePath}|channel=${channel}|roi_id=${roiId}`, key),
      ...Object.keys(PREFIXES).flatMap((name) =>
        summaryCells(name, loaded.analyses.get(analysisKey(name, channel, roiId))?.summary),
      ),
    ];
  }
}
