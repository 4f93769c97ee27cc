/**
 * An image as acqstore's analysis pools see it once its sidecar is loaded: the base columns every
 * pooled row starts with, its ROIs and channels, and the analyses acqstore loads from the
 * sidecar's `analysis` list (in order, stopping where acqstore's loader stops:
 * `AcqAnalysisSet.load_json_analysis` in mapmanager/acqstore).
 */
import { memberOf, numberValue, type JsonNode, type JsonObject } from '../../../sidecar';
import { NA, pyBool, pyInt, pyStr, type PyCell } from './pandas-cells';
import { floatOf, intOf, numberField, stepOf, textField, wholeField } from './python-values';

/** One exported image, for the pools. */
export interface PoolSource {
  /**
   * The source's path in the exported folder (`/`-separated): the pools' `path`. acqstore
   * writes the absolute path on the exporting machine; a collection for the web keeps the path
   * its manifest gives, as acqstore's manifest does.
   */
  relativePath: string;
  /** The source's file name. */
  name: string;
  /** The names of the folder holding the source and of the one above it (`''` at the root). */
  parent: string;
  grandparent: string;
  numChannels: number;
  /** The sidecar as the collection holds it. */
  sidecar: JsonObject;
}

/** An analysis acqstore loaded from a sidecar: its key and its summary. */
export interface LoadedAnalysis {
  name: string;
  channel: number;
  roiId: number;
  summary: JsonObject;
}

/** The analyses acqstore knows (`registry.py`); a record of another name stops its loader. */
const KNOWN = new Set(['radon_velocity', 'diameter', 'heart_rate', 'event', 'sum_intensity']);
/** Analyses of which one (channel, ROI) holds at most one (`exclusive_group`). */
const ONE_PER_KYMOGRAPH = new Set(['radon_velocity', 'diameter']);
/** Analyses that need a `radon_velocity` of their channel and ROI loaded before them (`depends_on`). */
const AFTER_VELOCITY = new Set(['heart_rate', 'event']);

const EVENT_TYPES = new Set(['user', 'rise', 'fall', 'transient']);
const STAT_KEYS = ['n', 'mean', 'min', 'max', 'std', 'se', 'cv'];

const member = (node: JsonNode | undefined, key: string): JsonNode | undefined =>
  node?.kind === 'object' ? memberOf(node, key) : undefined;
const numberOf = (node: JsonNode | undefined): number | null => (node?.kind === 'number' ? numberValue(node) : null);

/** An event's id as acqstore reads it (`int(record["id"])`). */
export const eventId = (event: JsonNode): number | null => intOf(member(event, 'id'));
/** An event's `event_type`, when it is a str. */
export const eventType = (event: JsonNode): string | null => {
  const type = member(event, 'event_type');
  return type?.kind === 'string' ? type.value : null;
};
/** An event's duration as acqstore computes it: `|float(x1) − float(x0)|`. */
export const eventDuration = (event: JsonNode): number =>
  Math.abs((floatOf(member(event, 'x1')) ?? NaN) - (floatOf(member(event, 'x0')) ?? NaN));

/** Whether acqstore reads an event summary (`AcqImageEventStore.from_summary_dict`): version 2, events it can parse, ids unique. */
function readsEvents(summary: JsonObject): boolean {
  if (intOf(member(summary, 'version')) !== 2) return false;
  const events = member(summary, 'events');
  if (events?.kind !== 'array') return false;
  const ids = new Set<number>();
  return events.items.every((event) => {
    const id = eventId(event);
    const x0 = floatOf(member(event, 'x0'));
    const x1 = floatOf(member(event, 'x1'));
    const stats = ['event_stats', 'pre_win_stats', 'post_win_stats'].map((k) => member(event, k));
    const ok =
      id !== null &&
      id >= 1 &&
      !ids.has(id) &&
      x0 !== null &&
      x1 !== null &&
      x0 !== x1 &&
      EVENT_TYPES.has(eventType(event) ?? '') &&
      stats.every((s) => s?.kind === 'object' && STAT_KEYS.every((k) => memberOf(s, k) !== undefined));
    if (id !== null) ids.add(id);
    return ok;
  });
}

/** The analyses acqstore loads from the sidecar, in the list's order, up to the first record its loader refuses. */
export function loadedAnalyses(sidecar: JsonObject): LoadedAnalysis[] {
  const list = memberOf(sidecar, 'analysis');
  const loaded: LoadedAnalysis[] = [];
  const at = (name: string, channel: number, roiId: number): LoadedAnalysis | undefined =>
    loaded.find((a) => a.name === name && a.channel === channel && a.roiId === roiId);
  for (const record of list?.kind === 'array' ? list.items : []) {
    const name = member(record, 'analysis_name');
    const channel = numberOf(member(record, 'channel'));
    const roiId = numberOf(member(record, 'roi_id'));
    const summary = member(record, 'summary');
    if (name?.kind !== 'string' || !KNOWN.has(name.value) || channel === null || roiId === null) break;
    if (summary?.kind !== 'object' || at(name.value, channel, roiId) !== undefined) break;
    const rival = [...ONE_PER_KYMOGRAPH].find((other) => other !== name.value && at(other, channel, roiId));
    if (ONE_PER_KYMOGRAPH.has(name.value) && rival !== undefined) break;
    if (AFTER_VELOCITY.has(name.value) && at('radon_velocity', channel, roiId) === undefined) break;
    if (name.value === 'event' && !readsEvents(summary)) break;
    loaded.push({ name: name.value, channel, roiId, summary });
  }
  return loaded;
}

/** The ROI ids of the sidecar's `rois`. */
function roiIds(sidecar: JsonObject): number[] {
  const rois = memberOf(sidecar, 'rois');
  const ids = (rois?.kind === 'array' ? rois.items : []).map((roi) => numberOf(member(roi, 'roi_id')));
  return ids.filter((id): id is number => id !== null);
}

/** The (channel, ROI) pairs a pool has rows for: every channel by every ROI, and those of the named analyses; in order. */
export function selectionKeys(
  source: PoolSource,
  analyses: readonly LoadedAnalysis[],
  names: ReadonlySet<string>,
): [number, number][] {
  const keys = new Map<string, [number, number]>();
  const add = (channel: number, roiId: number): void => void keys.set(`${channel}/${roiId}`, [channel, roiId]);
  for (let channel = 0; channel < source.numChannels; channel++)
    for (const roiId of roiIds(source.sidecar)) add(channel, roiId);
  for (const analysis of analyses) if (names.has(analysis.name)) add(analysis.channel, analysis.roiId);
  return [...keys.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The base columns every pool starts with (`AnalysisPool.base_columns`). */
export const BASE_COLUMNS = [
  'pool_row_id',
  'pool_row',
  'name',
  'path',
  'parent',
  'grandparent',
  'condition',
  'genotype',
  'age',
  'sex',
  'branch_order',
  'direction',
  'depth',
  'note',
  'accept',
  'channel',
  'roi_id',
  'step_y',
  'step_x',
] as const;

/** The base cells of an image's rows but for `pool_row_id`, `pool_row`, `channel` and `roi_id`; throws where acqstore stops reading. */
export function imageCells(source: PoolSource): Map<string, PyCell> {
  const experiment = memberOf(source.sidecar, 'experiment_metadata');
  const header = memberOf(source.sidecar, 'image_header_metadata');
  const accepted = memberOf(source.sidecar, 'accepted');
  return new Map<string, PyCell>([
    ['name', pyStr(source.name)],
    ['path', pyStr(source.relativePath)],
    ['parent', pyStr(source.parent)],
    ['grandparent', pyStr(source.grandparent)],
    ['condition', textField(experiment, 'condition')],
    ['genotype', textField(experiment, 'genotype')],
    ['age', textField(experiment, 'age')],
    ['sex', textField(experiment, 'sex')],
    ['branch_order', wholeField(experiment, 'branch_order')],
    ['direction', textField(experiment, 'direction')],
    ['depth', numberField(experiment, 'depth')],
    ['note', textField(experiment, 'note')],
    ['accept', pyBool(!(accepted?.kind === 'literal' && accepted.value === false))],
    ['step_y', stepOf(header, 'physical_unit_y')],
    ['step_x', stepOf(header, 'physical_unit_x')],
  ]);
}

/** A row's base cells, in {@link BASE_COLUMNS}' order; `pool_row` is numbered once the table is in order. */
export function baseRow(cells: ReadonlyMap<string, PyCell>, rowId: string, channel: number, roiId: number): PyCell[] {
  const own: Record<string, PyCell> = { pool_row_id: pyStr(rowId), channel: pyInt(channel), roi_id: pyInt(roiId) };
  return BASE_COLUMNS.map((column) => own[column] ?? cells.get(column) ?? NA);
}
