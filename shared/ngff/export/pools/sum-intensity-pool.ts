/**
 * `acqstore/analysis_tables/sum_intensity.csv` as acqstore 0.2's `SumIntensityAnalysisPool`
 * writes it: for each image, channel and ROI, a row per peak its `sum_intensity` analysis found
 * (`summary.peak_events`), one `no_peaks` row when it found none, one `not_analyzed` row when
 * there is no such analysis; the base columns, the analysis's summary, then the peak's values
 * flattened. Sorted by path, channel, ROI, row type and peak.
 */
import { compareCodePoints, memberOf, type JsonNode, type JsonObject } from '../../../sidecar';
import { analysisKey, type LoadedSidecar } from './acqstore-load';
import { NA, pyFloatCell, pyInt, pyStr, scalarCell, UnreadableValue, type PyCell } from './pandas-cells';
import { baseRow, BASE_COLUMNS, selectionKeys, type PoolSource } from './pool-source';
import { floatOf, intOf, isNull, member, strOf } from './python-values';

const SUMMARY_KEYS = [
  ...['analysis_date', 'analysis_time', 'analysis_version', 'status', 'num_timepoints', 'num_peaks'],
  ...['num_space_pixels', 'seconds_per_line', 'f0_baseline', 'baseline_method', 'baseline_percentile'],
  ...['manual_f0_baseline', 'detrend_method', 'detection_method', 'detection_source', 'peak_search_window_ms'],
  ...['width_search_window_ms', 'baseline_window_ms', 'peak_amplitude_mean', 'peak_amplitude_median'],
];
const FEATURES = [
  ...['baseline_mean', 'baseline_std', 'prominence', 'rise_10_90_sec', 'decay_90_10_sec', 'decay_time_sec'],
  ...['max_rise_slope', 'max_decay_slope', 'auc'],
];
const WIDTHS = [10, 20, 50, 80, 90];
const WIDTH_PARTS = ['value', 'left_index', 'right_index', 'points', 'sec', 'status'];
const PEAK_COLUMNS = [
  ...['peak_id', 'peak_status', 'peak_warning_count', 'peak_warnings_text', 'onset_index', 'onset_time_sec'],
  ...['onset_value', 'peak_index', 'peak_time_sec', 'peak_value', 'peak_amplitude', 'peak_detection_method'],
  ...['onset_to_onset_interval_sec', 'peak_to_peak_interval_sec'],
  ...FEATURES.flatMap((f) => [f, `${f}_status`, `${f}_reason`]),
  ...WIDTHS.flatMap((w) => WIDTH_PARTS.map((part) => `width_${w}_${part}`)),
];

/** The table's columns. */
export const SUM_INTENSITY_COLUMNS: readonly string[] = [
  ...BASE_COLUMNS,
  ...SUMMARY_KEYS,
  ...['error_count', 'errors_text', 'peak_row_type'],
  ...PEAK_COLUMNS,
];

/** A value acqstore needs (`record["key"]`, `int()`, `float()`): without it its pool cannot be built. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new UnreadableValue(`${what} cannot be read`);
  return value;
}

/** `dict(record.get(key, {}))`: an object, or none when the key is missing. */
function objectAt(node: JsonNode | undefined, key: string, what: string): JsonNode | undefined {
  const found = member(node, key);
  if (found !== undefined && found.kind !== 'object') throw new UnreadableValue(`${what}'s ${key} is not an object`);
  return found;
}

/** `_optional_float`: missing, null and NaN are missing, anything else `float()`. */
function optionalFloat(node: JsonNode | undefined): PyCell {
  if (node === undefined || isNull(node)) return NA;
  const value = required(floatOf(node), 'a number of a peak');
  return Number.isNaN(value) ? NA : pyFloatCell(value);
}

/** What Python iterates in `for item in value`: a list's items, a str's characters, an object's keys. */
function itemsOf(node: JsonNode, what: string): JsonNode[] {
  if (node.kind === 'array') return [...node.items];
  if (node.kind === 'string') return [...node.value].map((value) => ({ kind: 'string', value, offset: -1 }));
  if (node.kind === 'object') return node.entries.map(({ key }) => ({ kind: 'string', value: key, offset: -1 }));
  throw new UnreadableValue(`${what} is not a list`);
}

/** How many, and their `str()` joined by `; `. */
const counted = (items: readonly JsonNode[]): [PyCell, PyCell] => [
  pyInt(items.length),
  pyStr(items.map(strOf).join('; ')),
];

/** The summary's cells, `errors` as a count and a text (a value that is not a list counts as one error). */
function summaryCells(summary: JsonObject): PyCell[] {
  const cells = SUMMARY_KEYS.map((key) => {
    const node = memberOf(summary, key);
    if (node === undefined) return NA;
    return required(scalarCell(node), `its ${key}, a list or an object,`);
  });
  const errors = memberOf(summary, 'errors');
  const items = errors === undefined || isNull(errors) ? [] : errors.kind === 'array' ? errors.items : [errors];
  return [...cells, ...counted(items)];
}

/** One peak event's cells, in {@link PEAK_COLUMNS}' order (`PeakEvent.from_json_dict`, then the pool's flattening). */
function peakCells(event: JsonNode): PyCell[] {
  if (event.kind !== 'object') throw new UnreadableValue('a peak event is not an object');
  const onset = required(objectAt(event, 'onset', 'a peak event'), "a peak event's onset");
  const peak = required(objectAt(event, 'peak', 'a peak event'), "a peak event's peak");
  const intervals = objectAt(event, 'intervals', 'a peak event');
  const features = objectAt(event, 'features', 'a peak event');
  const peakIndex = member(peak, 'index');
  const cells: PyCell[] = [
    pyInt(required(intOf(member(event, 'peak_id')), "a peak event's peak_id")),
    pyStr(strOf(required(member(event, 'status'), "a peak event's status"))),
    ...counted(itemsOf(member(event, 'warnings') ?? { kind: 'array', items: [], offset: -1 }, "a peak's warnings")),
    pyInt(required(intOf(member(onset, 'index')), "a peak event's onset index")),
    pyFloatCell(required(floatOf(member(onset, 'time_sec')), "a peak event's onset time")),
    pyFloatCell(required(floatOf(member(onset, 'value')), "a peak event's onset value")),
    peakIndex === undefined || isNull(peakIndex) ? NA : pyInt(required(intOf(peakIndex), "a peak's index")),
    ...['time_sec', 'value', 'amplitude'].map((key) => optionalFloat(member(peak, key))),
    pyStr(strOf(required(member(event, 'detection_method'), "a peak event's detection_method"))),
    ...['onset_to_onset_interval_sec', 'peak_to_peak_interval_sec'].map((k) => optionalFloat(member(intervals, k))),
  ];
  for (const name of FEATURES) {
    const feature = member(features, name);
    if (feature === undefined || isNull(feature)) cells.push(NA, pyStr('not_available'), pyStr('missing_from_json'));
    else {
      if (feature.kind !== 'object') throw new UnreadableValue(`a peak's ${name} is not an object`);
      const text = (key: string, fallback: string): PyCell => {
        const node = member(feature, key);
        return pyStr(node === undefined ? fallback : strOf(node));
      };
      cells.push(optionalFloat(member(feature, 'value')), text('status', 'ok'), text('reason', ''));
    }
  }
  return [...cells, ...widthCells(member(event, 'level_crossings'))];
}

/** The width columns from the event's level crossings, each found by its fraction (`0.5` → `width_50`), the last one winning. */
function widthCells(crossings: JsonNode | undefined): PyCell[] {
  const byWidth = new Map<number, JsonNode>();
  for (const crossing of crossings === undefined ? [] : itemsOf(crossings, "a peak's level_crossings")) {
    if (crossing.kind !== 'object') throw new UnreadableValue("a peak's level crossing is not an object");
    const fraction = required(floatOf(member(crossing, 'fraction')), "a level crossing's fraction");
    if (!Number.isFinite(fraction)) throw new UnreadableValue("a level crossing's fraction is not finite");
    byWidth.set(roundHalfEven(fraction * 100), crossing);
  }
  return WIDTHS.flatMap((width) => {
    const crossing = byWidth.get(width);
    if (crossing === undefined) return [NA, NA, NA, NA, NA, pyStr('missing')];
    const status = member(crossing, 'status');
    return [
      ...['value', 'left_index', 'right_index', 'width', 'width_sec'].map((key) =>
        optionalFloat(member(crossing, key)),
      ),
      pyStr(status === undefined ? 'ok' : strOf(status)),
    ];
  });
}

/** Python's `round()`: halves to even. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  if (x - floor !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A row and what it is sorted by. */
export interface SortedRow {
  path: string;
  channel: number;
  roiId: number;
  type: string;
  peakId: bigint | null;
  cells: PyCell[];
}

/**
 * The sum-intensity pool's rows of one image: each (channel, ROI) as its peaks, one `no_peaks`
 * row, or one `not_analyzed` row; throws {@link UnreadableValue} where acqstore's pool fails.
 */
export function* sumIntensityRows(source: PoolSource, loaded: LoadedSidecar): Generator<SortedRow> {
  const none = (n: number): PyCell[] => Array.from({ length: n }, () => NA);
  for (const key of selectionKeys(source, loaded, (analysis) => analysis.name === 'sum_intensity')) {
    const [channel, roiId] = key;
    const row = (type: string, summary: PyCell[], peak: PyCell[], peakId: bigint | null): SortedRow => {
      const rowId = `${source.relativePath}|channel=${channel}|roi_id=${roiId}|peak_row_type=${type}|peak_id=${peakId ?? 'none'}`;
      const cells = [...baseRow(source, loaded, rowId, key), ...summary, pyStr(type), ...peak];
      return { path: source.relativePath, channel, roiId, type, peakId, cells };
    };
    const analysis = loaded.analyses.get(analysisKey('sum_intensity', channel, roiId));
    if (analysis === undefined) {
      yield row('not_analyzed', none(SUMMARY_KEYS.length + 2), none(PEAK_COLUMNS.length), null);
      continue;
    }
    const where = `its sum_intensity analysis (channel ${channel}, ROI ${roiId})`;
    try {
      const summary = summaryCells(analysis.summary);
      const events = memberOf(analysis.summary, 'peak_events');
      const peaks = events === undefined ? [] : itemsOf(events, 'its peak_events');
      if (peaks.length === 0) yield row('no_peaks', summary, none(PEAK_COLUMNS.length), null);
      for (const event of peaks) {
        const cells = peakCells(event);
        const id = cells[0];
        yield row('peak', summary, cells, id?.kind === 'int' ? BigInt(id.digits) : null);
      }
    } catch (error) {
      if (error instanceof UnreadableValue) throw new UnreadableValue(`${where}: ${error.message}`);
      throw error;
    }
  }
}

/** pandas' stable `sort_values(["path", "channel", "roi_id", "peak_row_type", "peak_id"])`, missing peaks last. */
export function compareRows(a: Omit<SortedRow, 'cells'>, b: Omit<SortedRow, 'cells'>): number {
  const byPeak =
    a.peakId === b.peakId ? 0 : a.peakId === null ? 1 : b.peakId === null ? -1 : a.peakId < b.peakId ? -1 : 1;
  return (
    compareCodePoints(a.path, b.path) ||
    a.channel - b.channel ||
    a.roiId - b.roiId ||
    compareCodePoints(a.type, b.type) ||
    byPeak
  );
}
