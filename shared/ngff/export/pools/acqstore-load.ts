/**
 * A sidecar as acqstore 0.2 loads it into an AcqImage (`_apply_loaded_sidecar_payload` in
 * mapmanager/acqstore): accepted, the ROIs one by one, the experiment fields, the pixel sizes,
 * then the analyses one by one. What raises stops the load there and what was applied stays, as
 * acqstore's loader catches the error and keeps the image: a second ROI of one id leaves the
 * fields, pixel sizes and analyses at their defaults; an unknown analysis name keeps the
 * analyses before it.
 */
import { memberOf, type JsonNode, type JsonObject } from '../../../sidecar';
import { NA, pyStr, scalarCell, UnreadableValue, type PyCell } from './pandas-cells';
import { floatOf, intOf, member, numberField, stepsOf, textField, wholeField } from './python-values';

/** An analysis acqstore loaded: its key and its summary. */
export interface LoadedAnalysis {
  name: string;
  channel: number;
  roiId: number;
  summary: JsonObject;
}

/** What acqstore holds of an image once its sidecar is loaded. */
export interface LoadedSidecar {
  accept: boolean;
  roiIds: number[];
  /** The pools' experiment columns by name. */
  fields: Map<string, PyCell>;
  /** `step_y`, `step_x`. */
  steps: [number, number];
  /** By {@link analysisKey}. */
  analyses: Map<string, LoadedAnalysis>;
}

/** The key of an analysis in {@link LoadedSidecar.analyses}. */
export const analysisKey = (name: string, channel: number, roiId: number): string => `${name}|${channel}|${roiId}`;

const TEXT_FIELDS = ['condition', 'genotype', 'age', 'sex', 'direction', 'note'];
/** The fields before the sidecar's are applied: text empty, numbers missing. */
const defaultFields = (): Map<string, PyCell> =>
  new Map([...TEXT_FIELDS.map((k): [string, PyCell] => [k, pyStr('')]), ['branch_order', NA], ['depth', NA]]);

const kind = (node: JsonNode | undefined): string => {
  const cell = node === undefined ? null : scalarCell(node);
  return cell?.kind ?? 'other';
};

/** Heart rate's detection parameters and the types its loader checks (`detection_schema`). */
const HEART_RATE_PARAMS: Record<string, 'float' | 'int' | 'bool'> = {
  ...Object.fromEntries(
    ['bpm_min', 'bpm_max', 'outlier_k_mad', 'interp_max_gap_sec', 'nperseg_sec', 'edge_margin_hz']
      .concat(['peak_half_width_hz', 'agree_tol_bpm', 'seg_win_sec', 'seg_step_sec', 'seg_min_valid_frac'])
      .map((k) => [k, 'float' as const]),
  ),
  lomb_n_freq: 'int',
  bandpass_order: 'int',
  use_abs: 'bool',
  do_segments: 'bool',
};
const EVENT_PARAMS: Record<string, 'float'> = { pre_post_win_sec: 'float' };

/** Whether the parameters pass `validate_detection_params`: known names, an int for an int, a number for a float. */
function paramsPass(params: JsonNode | undefined, types: Record<string, 'float' | 'int' | 'bool'>): boolean {
  if (params?.kind !== 'object') return false;
  return params.entries.every(({ key, value }) => {
    const type = types[key];
    const found = kind(value);
    if (type === 'float') return found === 'int' || found === 'float';
    return type !== undefined && found === type;
  });
}

const EVENT_TYPES = new Set(['user', 'rise', 'fall', 'transient']);
const STAT_KEYS = ['mean', 'min', 'max', 'std', 'se', 'cv'];

/** Whether `AcqImageEventStore.from_summary_dict` reads the summary: version 2, each event whole, ids unique. */
function readsEvents(summary: JsonObject, params: JsonNode | undefined): boolean {
  const window = member(params, 'pre_post_win_sec');
  if (window !== undefined && (floatOf(window) ?? -1) < 0) return false;
  if (intOf(member(summary, 'version')) !== 2n) return false;
  const events = member(summary, 'events');
  if (events?.kind !== 'array') return false;
  const ids = new Set<bigint>();
  return events.items.every((event) => {
    const id = intOf(member(event, 'id'));
    const [x0, x1] = [floatOf(member(event, 'x0')), floatOf(member(event, 'x1'))];
    const type = member(event, 'event_type');
    const statsRead = ['event_stats', 'pre_win_stats', 'post_win_stats'].every((name) => {
      const stats = member(event, name);
      if (stats?.kind !== 'object' || intOf(memberOf(stats, 'n')) === null) return false;
      return STAT_KEYS.every((k) => {
        const value = memberOf(stats, k);
        return value !== undefined && ((value.kind === 'literal' && value.value === null) || floatOf(value) !== null);
      });
    });
    const ok =
      id !== null &&
      id >= 1n &&
      !ids.has(id) &&
      x0 !== null &&
      x1 !== null &&
      x0 !== x1 &&
      statsRead &&
      type?.kind === 'string' &&
      EVENT_TYPES.has(type.value);
    if (id !== null) ids.add(id);
    return ok;
  });
}

/** Whether an analysis's own loader (`load_json_dict`) reads the record. */
function recordLoads(name: string, record: JsonNode, summary: JsonObject): boolean {
  const params = member(record, 'detection_params');
  if (name === 'heart_rate') return paramsPass(params, HEART_RATE_PARAMS);
  if (name === 'event') return paramsPass(params, EVENT_PARAMS) && readsEvents(summary, params);
  return true;
}

/** The analyses acqstore knows (`registry.py`). */
const KNOWN = new Set(['radon_velocity', 'diameter', 'heart_rate', 'event', 'sum_intensity']);
/** Analyses of which a channel and ROI hold at most one (`exclusive_group`). */
const ONE_PER_KYMOGRAPH = ['radon_velocity', 'diameter'];

/** The analyses, in the list's order, up to the first record acqstore's loader refuses. */
function loadAnalyses(list: JsonNode | undefined): Map<string, LoadedAnalysis> {
  const loaded = new Map<string, LoadedAnalysis>();
  for (const record of list?.kind === 'array' ? list.items : []) {
    const name = member(record, 'analysis_name');
    const [channel, roiId] = [intOf(member(record, 'channel')), intOf(member(record, 'roi_id'))];
    const summary = member(record, 'summary');
    if (name?.kind !== 'string' || !KNOWN.has(name.value) || channel === null || roiId === null) break;
    if (summary?.kind !== 'object' || !recordLoads(name.value, record, summary)) break;
    const [c, r] = [Number(channel), Number(roiId)];
    const has = (other: string): boolean => loaded.has(analysisKey(other, c, r));
    if (has(name.value)) break;
    if (ONE_PER_KYMOGRAPH.includes(name.value) && ONE_PER_KYMOGRAPH.some((other) => other !== name.value && has(other)))
      break;
    if ((name.value === 'heart_rate' || name.value === 'event') && !has('radon_velocity')) break;
    loaded.set(analysisKey(name.value, c, r), { name: name.value, channel: c, roiId: r, summary });
  }
  return loaded;
}

/** The sidecar's experiment fields as the pools' columns; throws {@link UnreadableValue} where acqstore's coercion raises. */
function fieldsOf(section: JsonNode | undefined): Map<string, PyCell> {
  const fields = new Map<string, PyCell>(TEXT_FIELDS.map((k) => [k, textField(member(section, k))]));
  fields.set('branch_order', wholeField(member(section, 'branch_order'), 'branch_order'));
  fields.set('depth', numberField(member(section, 'depth'), 'depth'));
  return fields;
}

/** The sidecar as acqstore holds it once loaded. */
export function loadAsAcqstore(sidecar: JsonObject): LoadedSidecar {
  const accepted = memberOf(sidecar, 'accepted');
  const loaded: LoadedSidecar = {
    accept: !(accepted?.kind === 'literal' && accepted.value === false),
    roiIds: [],
    fields: defaultFields(),
    steps: [1, 1],
    analyses: new Map(),
  };
  const rois = memberOf(sidecar, 'rois');
  const ids = new Set<number>();
  for (const roi of rois?.kind === 'array' ? rois.items : []) {
    const id = intOf(member(roi, 'roi_id'));
    if (id === null || ids.has(Number(id))) return loaded;
    ids.add(Number(id));
    loaded.roiIds.push(Number(id));
  }
  try {
    loaded.fields = fieldsOf(memberOf(sidecar, 'experiment_metadata'));
  } catch (error) {
    if (error instanceof UnreadableValue) return loaded;
    throw error;
  }
  const header = memberOf(sidecar, 'image_header_metadata');
  const applied = stepsOf(member(header, 'physical_unit_y'), member(header, 'physical_unit_x'));
  if ('stop' in applied) return loaded;
  loaded.steps = applied.steps;
  loaded.analyses = loadAnalyses(memberOf(sidecar, 'analysis'));
  return loaded;
}
