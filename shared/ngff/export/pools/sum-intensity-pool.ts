/**
 * `acqstore/analysis_tables/sum_intensity.csv` as acqstore 0.2's `SumIntensityAnalysisPool`
 * writes it: for each image, channel and ROI, a row per peak its `sum_intensity` analysis found
 * (`summary.peak_events`), one `no_peaks` row when it found none, one `not_analyzed` row when
 * there is no such analysis; the base columns, the analysis's summary, then the peak's values
 * flattened. Sorted by path, channel, ROI, row type and peak.
 */
import { compareCodePoints, memberOf, type JsonNode, type JsonObject } from '../../../sidecar';
import { cellOfJson, NA, pandasCsv, pyFloatCell, pyInt, pyStr, UnreadableValue, type PyCell } from './pandas-cells';
import { baseRow, BASE_COLUMNS, imageCells, loadedAnalyses, selectionKeys, type PoolSource } from './pool-source';
import { floatOf, intOf, strOf } from './python-values';

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

const member = (node: JsonNode | undefined, key: string): JsonNode | undefined =>
  node?.kind === 'object' ? memberOf(node, key) : undefined;
const isNull = (node: JsonNode | undefined): boolean => node?.kind === 'literal' && node.value === null;

/** A required value (`record["key"]`): acqstore cannot read the event without it. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new UnreadableValue(`a peak event's ${what} cannot be read`);
  return value;
}

/** `_optional_float`: missing, null and NaN are missing, anything else `float()`. */
function optionalFloat(node: JsonNode | undefined): PyCell {
  if (node === undefined || isNull(node)) return NA;
  const value = required(floatOf(node), 'number');
  return Number.isNaN(value) ? NA : pyFloatCell(value);
}

/** `str(items)` of a list, joined by `; `, with how many. */
function textList(node: JsonNode | undefined): [PyCell, PyCell] {
  const items = node?.kind === 'array' ? node.items : node === undefined || isNull(node) ? [] : [node];
  return [pyInt(items.length), pyStr(items.map(strOf).join('; '))];
}

/** The summary's cells, `errors` as a count and a text. */
function summaryCells(summary: JsonObject): PyCell[] {
  const cells = SUMMARY_KEYS.map((key) => {
    const node = memberOf(summary, key);
    try {
      return node === undefined ? NA : cellOfJson(node);
    } catch (error) {
      if (error instanceof UnreadableValue) throw new UnreadableValue(`its ${key} is ${error.message}`);
      throw error;
    }
  });
  return [...cells, ...textList(memberOf(summary, 'errors'))];
}

/** One peak event's cells, in {@link PEAK_COLUMNS}' order (`PeakEvent.from_json_dict`, then the pool's flattening). */
function peakCells(event: JsonNode): PyCell[] {
  if (event.kind !== 'object') throw new UnreadableValue('a peak event is not a JSON object');
  const onset = member(event, 'onset');
  const peak = member(event, 'peak');
  if (peak?.kind !== 'object') throw new UnreadableValue("a peak event's peak cannot be read");
  const intervals = member(event, 'intervals');
  const features = member(event, 'features');
  const peakIndex = member(peak, 'index');
  const cells: PyCell[] = [
    pyInt(required(intOf(member(event, 'peak_id')), 'peak_id')),
    pyStr(strOf(required(member(event, 'status'), 'status'))),
    ...textList(member(event, 'warnings') ?? { kind: 'array', items: [], offset: -1 }),
    pyInt(required(intOf(member(onset, 'index')), 'onset index')),
    pyFloatCell(required(floatOf(member(onset, 'time_sec')), 'onset time')),
    pyFloatCell(required(floatOf(member(onset, 'value')), 'onset value')),
    peakIndex === undefined || isNull(peakIndex) ? NA : pyInt(required(intOf(peakIndex), 'peak index')),
    ...['time_sec', 'value', 'amplitude'].map((key) => optionalFloat(member(peak, key))),
    pyStr(strOf(required(member(event, 'detection_method'), 'detection_method'))),
    ...['onset_to_onset_interval_sec', 'peak_to_peak_interval_sec'].map((k) => optionalFloat(member(intervals, k))),
  ];
  for (const name of FEATURES) {
    const feature = member(features, name);
    if (feature === undefined || isNull(feature)) cells.push(NA, pyStr('not_available'), pyStr('missing_from_json'));
    else {
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
  for (const crossing of crossings?.kind === 'array' ? crossings.items : []) {
    const fraction = required(floatOf(member(crossing, 'fraction')), 'level crossing fraction');
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
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A row with its sort keys. */
export interface KeyedRow {
  path: string;
  channel: number;
  roiId: number;
  type: string;
  peakId: number | null;
  cells: PyCell[];
}

/** The sum-intensity pool's rows of one image: its (channel, ROI) pairs, each as peaks, no peaks, or not analysed; throws {@link UnreadableValue}. */
export function sumIntensityRows(source: PoolSource): KeyedRow[] {
  const cells = imageCells(source);
  const analyses = loadedAnalyses(source.sidecar).filter((a) => a.name === 'sum_intensity');
  const rows: KeyedRow[] = [];
  for (const [channel, roiId] of selectionKeys(source, analyses, new Set(['sum_intensity']))) {
    const analysis = analyses.find((a) => a.channel === channel && a.roiId === roiId);
    const add = (type: string, summary: PyCell[], peak: PyCell[], peakId: number | null): void => {
      const rowId = `${source.relativePath}|channel=${channel}|roi_id=${roiId}|peak_row_type=${type}|peak_id=${peakId ?? 'none'}`;
      const base = baseRow(cells, rowId, channel, roiId);
      const row = [...base, ...summary, pyStr(type), ...peak];
      rows.push({ path: source.relativePath, channel, roiId, type, peakId, cells: row });
    };
    const none = (n: number): PyCell[] => Array.from({ length: n }, () => NA);
    if (analysis === undefined) {
      add('not_analyzed', none(SUMMARY_KEYS.length + 2), none(PEAK_COLUMNS.length), null);
      continue;
    }
    const { summary, peaks } = analysisCells(analysis.summary, `sum_intensity (channel ${channel}, ROI ${roiId})`);
    if (peaks.length === 0) add('no_peaks', summary, none(PEAK_COLUMNS.length), null);
    for (const peak of peaks) {
      const id = peak[0];
      add('peak', summary, peak, id?.kind === 'int' ? Number(id.digits) : null);
    }
  }
  return rows;
}

/** An analysis's summary cells and its peaks' cells; `what` names it in a refusal. */
function analysisCells(summary: JsonObject, what: string): { summary: PyCell[]; peaks: PyCell[][] } {
  try {
    const events = memberOf(summary, 'peak_events');
    if (events !== undefined && events.kind !== 'array') throw new UnreadableValue('its peak_events is not a list');
    return { summary: summaryCells(summary), peaks: events?.items.map(peakCells) ?? [] };
  } catch (error) {
    if (error instanceof UnreadableValue) throw new UnreadableValue(`its ${what} analysis: ${error.message}`);
    throw error;
  }
}

/** Sorted as pandas' stable `sort_values(["path", "channel", "roi_id", "peak_row_type", "peak_id"])`, missing peaks last. */
function compareRows(a: KeyedRow, b: KeyedRow): number {
  return (
    compareCodePoints(a.path, b.path) ||
    a.channel - b.channel ||
    a.roiId - b.roiId ||
    compareCodePoints(a.type, b.type) ||
    (a.peakId ?? Infinity) - (b.peakId ?? Infinity) ||
    0
  );
}

/** The sum-intensity pool's CSV of the collection's images' rows. */
export function sumIntensityCsv(unsorted: readonly KeyedRow[]): string {
  const rows = [...unsorted].sort(compareRows);
  const poolRow = SUM_INTENSITY_COLUMNS.indexOf('pool_row');
  const cells = rows.map((row, i) => {
    row.cells[poolRow] = pyInt(i);
    return row.cells;
  });
  return pandasCsv(SUM_INTENSITY_COLUMNS, cells);
}
