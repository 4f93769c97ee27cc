"""Rebuilds an exported collection's pooled analysis tables with pandas, for the export's tests.

    python3 read-pools.py <collection.ome.zarr> <source folder>

Reads each image's sidecar inside the collection, in the manifest's order, as acqstore 0.2's
analysis pools read a loaded AcqImage (mapmanager/acqstore, src/acqstore/analysis_pool: the base
columns, VelocityAnalysisPool's radon_velocity / heart_rate / event summaries, and
SumIntensityAnalysisPool's peak rows), builds each table as a pandas DataFrame and writes it
with to_csv(index=False), as acqstore's exporter does. The path columns hold the source's path
in the exported folder (acqstore's hold the absolute path). Prints, per table, whether the
exported file has exactly these bytes, and the rebuilt text.
"""
import io
import json
import math
import os
import sys

import pandas as pd

root, sources = sys.argv[1:3]
manifest = json.load(open(os.path.join(root, 'acqstore', 'acq_image_collection.json'), encoding='utf-8'))

BASE = ('pool_row_id pool_row name path parent grandparent condition genotype age sex branch_order '
        'direction depth note accept channel roi_id step_y step_x').split()
RUN = ['analysis_date', 'analysis_time', 'analysis_version']
SPECTRUM = ['bpm', 'f_hz', 'snr', 'edge_flag', 'edge_hz_distance', 'band_concentration', 'status', 'status_note']
HR_NESTED = [('lomb', 'lomb', SPECTRUM), ('welch', 'welch', SPECTRUM),
             ('agreement', 'agreement', ['delta_bpm', 'abs_delta_bpm', 'delta_hz', 'agree_ok']),
             ('segments', 'segments_summary', ['n_windows', 'n_valid_windows', 'median_bpm', 'iqr_bpm'])]
RADON_KEYS = RUN + ['num_windows', 'velocity_mean', 'velocity_median', 'velocity_cv']
HR_KEYS = RUN + ['version', 'n_total', 'n_valid', 'valid_frac', 't_min', 't_max', 'status', 'status_note'] + [
    f'{name}_{key}' for name, _, keys in HR_NESTED for key in keys]
EVENT_KEYS = RUN + ['version', 'parent_analysis_name', 'num_events', 'user_events', 'rise_events',
                    'fall_events', 'transient_events', 'mean_duration']
SI_SUMMARY = ('analysis_date analysis_time analysis_version status num_timepoints num_peaks num_space_pixels '
              'seconds_per_line f0_baseline baseline_method baseline_percentile manual_f0_baseline '
              'detrend_method detection_method detection_source peak_search_window_ms '
              'width_search_window_ms baseline_window_ms peak_amplitude_mean peak_amplitude_median').split()
FEATURES = ('baseline_mean baseline_std prominence rise_10_90_sec decay_90_10_sec decay_time_sec '
            'max_rise_slope max_decay_slope auc').split()
WIDTHS = [10, 20, 50, 80, 90]
PEAK = ('peak_id peak_status peak_warning_count peak_warnings_text onset_index onset_time_sec onset_value '
        'peak_index peak_time_sec peak_value peak_amplitude peak_detection_method '
        'onset_to_onset_interval_sec peak_to_peak_interval_sec').split() + [
    c for f in FEATURES for c in (f, f'{f}_status', f'{f}_reason')] + [
    f'width_{w}_{p}' for w in WIDTHS for p in ('value', 'left_index', 'right_index', 'points', 'sec', 'status')]


def prefixed(prefix, key):
    return key if key.startswith(prefix + '_') else f'{prefix}_{key}'


VELOCITY = BASE + [prefixed('velocity', k) for k in RADON_KEYS] + [prefixed('hr', k) for k in HR_KEYS] + [
    prefixed('event', k) for k in EVENT_KEYS]
SUM_INTENSITY = BASE + SI_SUMMARY + ['error_count', 'errors_text', 'peak_row_type'] + PEAK


def blank(value):
    return value is None or (isinstance(value, str) and value.strip() == '')


def loaded_sidecar(sidecar):
    """What acqstore holds once it has loaded the sidecar: each step in its order, a raise stopping there."""
    state = {'accept': bool(sidecar['accepted']), 'rois': [], 'meta': {}, 'steps': (1.0, 1.0), 'analyses': {}}
    for roi in sidecar['rois']:
        if int(roi['roi_id']) in state['rois']:
            return state
        state['rois'].append(int(roi['roi_id']))
    meta = sidecar.get('experiment_metadata') or {}
    try:
        order, depth = meta.get('branch_order'), meta.get('depth')
        order = None if blank(order) else float(order)
        if order is not None and order != int(order):
            raise ValueError(order)
        depth = None if blank(depth) else float(depth)
    except (TypeError, ValueError, OverflowError):
        return state
    state['meta'] = {k: '' if meta.get(k) is None else str(meta.get(k)).strip()
                     for k in ('condition', 'genotype', 'age', 'sex', 'direction', 'note')}
    state['meta']['branch_order'] = pd.NA if order is None else int(order)
    state['meta']['depth'] = pd.NA if depth is None or math.isnan(depth) else depth
    header = sidecar['image_header_metadata']
    try:
        if 'physical_unit_y' in header or 'physical_unit_x' in header:
            y, x = float(header.get('physical_unit_y', 1.0)), float(header.get('physical_unit_x', 1.0))
            if y <= 0 or x <= 0:
                raise ValueError((y, x))
            state['steps'] = tuple(v if math.isfinite(v) else 1.0 for v in (y, x))
    except ValueError:
        pass
    except TypeError:
        return state
    state['analyses'] = loaded(sidecar['analysis'])
    return state


def base_values(entry, state):
    rel = entry['source']['relative_path']
    folder = os.path.dirname(os.path.realpath(os.path.join(sources, rel)))
    up = os.path.dirname(folder)
    values = {k: '' for k in ('condition', 'genotype', 'age', 'sex', 'direction', 'note')}
    values.update(branch_order=pd.NA, depth=pd.NA)
    values.update(state['meta'])
    values.update(name=os.path.basename(rel), path=rel, parent=os.path.basename(folder),
                  grandparent='' if up == folder else os.path.basename(up), accept=state['accept'],
                  step_y=state['steps'][0], step_x=state['steps'][1])
    return values


HR_PARAMS = {'lomb_n_freq': int, 'bandpass_order': int, 'use_abs': bool, 'do_segments': bool}


def params_pass(params, names):
    for key, value in params.items():
        kind = HR_PARAMS.get(key, float) if key in names else None
        if kind is None or isinstance(value, bool) != (kind is bool):
            return False
        if kind is int and not isinstance(value, int) or kind is float and not isinstance(value, (int, float)):
            return False
    return True


HR_NAMES = set(HR_PARAMS) | {'bpm_min', 'bpm_max', 'outlier_k_mad', 'interp_max_gap_sec', 'nperseg_sec',
                             'edge_margin_hz', 'peak_half_width_hz', 'agree_tol_bpm', 'seg_win_sec',
                             'seg_step_sec', 'seg_min_valid_frac'}


def events_read(record):
    try:
        if float(record['detection_params'].get('pre_post_win_sec', 1.0)) < 0:
            return False
        summary = record['summary']
        if int(summary['version']) != 2:
            return False
        ids = set()
        for event in summary['events']:
            eid = int(event['id'])
            if eid < 1 or eid in ids or float(event['x0']) == float(event['x1']):
                return False
            ids.add(eid)
            if str(event['event_type']) not in ('user', 'rise', 'fall', 'transient'):
                return False
            for name in ('event_stats', 'pre_win_stats', 'post_win_stats'):
                stats = dict(event[name])
                int(stats['n'])
                for key in ('mean', 'min', 'max', 'std', 'se', 'cv'):
                    if stats[key] is not None:
                        float(stats[key])
        return True
    except (KeyError, TypeError, ValueError):
        return False


def loaded(records):
    """The analyses acqstore's loader keeps, in order, until one it refuses."""
    out = {}
    for record in records:
        name, key = record['analysis_name'], (int(record['channel']), int(record['roi_id']))
        if name not in ('radon_velocity', 'diameter', 'heart_rate', 'event', 'sum_intensity') or (name, *key) in out:
            break
        if name == 'heart_rate' and not params_pass(record['detection_params'], HR_NAMES):
            break
        if name == 'event' and not (params_pass(record['detection_params'], {'pre_post_win_sec'}) and events_read(record)):
            break
        if name in ('radon_velocity', 'diameter') and any((o, *key) in out for o in ('radon_velocity', 'diameter')):
            break
        if name in ('heart_rate', 'event') and ('radon_velocity', *key) not in out:
            break
        out[(name, *key)] = record['summary']
    return out


def keys_of(state, analyses, names, channels):
    keys = {(c, roi) for c in range(channels) for roi in state['rois']}
    keys |= {(c, r) for (name, c, r) in analyses if name in names}
    return sorted(keys)


def neumaier(values):
    total, comp = 0.0, 0.0
    for x in values:
        t = total + x
        comp += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + comp if comp and math.isfinite(comp) else total


def event_values(summary):
    events = sorted(summary['events'], key=lambda e: int(e['id']))
    durations = [abs(float(e['x1']) - float(e['x0'])) for e in events]
    counts = {t: sum(1 for e in events if e['event_type'] == t) for t in ('user', 'rise', 'fall', 'transient')}
    return {'version': 2, 'parent_analysis_name': 'radon_velocity', 'num_events': len(events),
            **{f'{t}_events': n for t, n in counts.items()},
            'mean_duration': neumaier(durations) / len(durations) if durations else pd.NA}


def hr_value(summary, key):
    for name, block, keys in HR_NESTED:
        if key.startswith(name + '_') and key[len(name) + 1:] in keys:
            nested = summary.get(block)
            return (nested if isinstance(nested, dict) else {}).get(key[len(name) + 1:], pd.NA)
    return summary.get(key, pd.NA)


def optional(value):
    if value is None or math.isnan(float(value)):
        return pd.NA
    return float(value)


def peak_values(event):
    row = {'peak_id': int(event['peak_id']), 'peak_status': str(event['status']),
           'peak_warning_count': len(event.get('warnings', [])),
           'peak_warnings_text': '; '.join(str(w) for w in event.get('warnings', [])),
           'onset_index': int(event['onset']['index']), 'onset_time_sec': float(event['onset']['time_sec']),
           'onset_value': float(event['onset']['value']),
           'peak_index': pd.NA if event['peak'].get('index') is None else int(event['peak']['index']),
           'peak_detection_method': str(event['detection_method'])}
    for key in ('time_sec', 'value', 'amplitude'):
        row[f'peak_{key}'] = optional(event['peak'].get(key))
    for key in ('onset_to_onset_interval_sec', 'peak_to_peak_interval_sec'):
        row[key] = optional(event.get('intervals', {}).get(key))
    for feature in FEATURES:
        record = event.get('features', {}).get(feature)
        row[feature] = pd.NA if record is None else optional(record.get('value'))
        row[f'{feature}_status'] = 'not_available' if record is None else str(record.get('status', 'ok'))
        row[f'{feature}_reason'] = 'missing_from_json' if record is None else str(record.get('reason', ''))
    crossings = {round(float(c['fraction']) * 100): c for c in event.get('level_crossings', [])}
    for width in WIDTHS:
        c = crossings.get(width)
        for part, key in (('value', 'value'), ('left_index', 'left_index'), ('right_index', 'right_index'),
                          ('points', 'width'), ('sec', 'width_sec')):
            row[f'width_{width}_{part}'] = pd.NA if c is None else optional(c.get(key))
        row[f'width_{width}_status'] = 'missing' if c is None else str(c.get('status', 'ok'))
    return row


def frame(rows, columns, sort_by=None):
    df = pd.DataFrame(rows, columns=columns)
    if sort_by is not None and not df.empty:
        df = df.sort_values(by=sort_by, kind='stable').reset_index(drop=True)
    if not df.empty:
        df['branch_order'] = df['branch_order'].astype('Int64')
        df['depth'] = df['depth'].astype('Float64')
    df['pool_row'] = range(len(df))
    out = io.StringIO()
    df.to_csv(out, index=False, lineterminator='\n')
    return out.getvalue()


velocity, sum_intensity = [], []
for entry in manifest['acq_images']:
    sidecar = json.load(open(os.path.join(root, entry['sidecar_path']), encoding='utf-8'))
    state = loaded_sidecar(sidecar)
    base = base_values(entry, state)
    analyses = state['analyses']
    channels = entry['summary']['num_channels']
    for c, r in keys_of(state, analyses, ('radon_velocity', 'heart_rate', 'event'), channels):
        row = {**base, 'pool_row_id': f"{base['path']}|channel={c}|roi_id={r}", 'pool_row': 0,
               'channel': c, 'roi_id': r}
        radon, hr, event = (analyses.get((n, c, r)) for n in ('radon_velocity', 'heart_rate', 'event'))
        for key in RADON_KEYS:
            row[prefixed('velocity', key)] = pd.NA if radon is None else radon.get(key, pd.NA)
        for key in HR_KEYS:
            row[prefixed('hr', key)] = pd.NA if hr is None else hr_value(hr, key)
        values = {} if event is None else event_values(event)
        for key in EVENT_KEYS:
            row[prefixed('event', key)] = values.get(key, pd.NA)
        velocity.append(row)
    for c, r in keys_of(state, analyses, ('sum_intensity',), channels):
        summary = analyses.get(('sum_intensity', c, r))
        head = {**base, 'pool_row': 0, 'channel': c, 'roi_id': r}
        if summary is not None:
            errors = summary.get('errors')
            errors = () if errors is None else errors if isinstance(errors, (list, tuple)) else (errors,)
            head.update({k: summary.get(k, pd.NA) for k in SI_SUMMARY}, error_count=len(errors),
                        errors_text='; '.join(str(e) for e in errors))
        peaks = [peak_values(e) for e in (summary or {}).get('peak_events') or []]
        kind = 'not_analyzed' if summary is None else 'peak' if peaks else 'no_peaks'
        for peak in peaks or [{}]:
            pid = peak.get('peak_id', 'none')
            # every cell starts as pd.NA, as acqstore's _complete_row starts it (a key left out would be NaN)
            row = {**dict.fromkeys(SUM_INTENSITY, pd.NA), **head, **peak, 'peak_row_type': kind,
                   'pool_row_id': f"{base['path']}|channel={c}|roi_id={r}|peak_row_type={kind}|peak_id={pid}"}
            sum_intensity.append(row)

tables = {'velocity': frame(velocity, VELOCITY),
          'sum_intensity': frame(sum_intensity, SUM_INTENSITY,
                                 sort_by=['path', 'channel', 'roi_id', 'peak_row_type', 'peak_id'])}
out = {}
for name, text in tables.items():
    with open(os.path.join(root, manifest['analysis_tables'][name]), encoding='utf-8', newline='') as f:
        out[name] = {'same': f.read() == text, 'expected': text}
print(json.dumps(out))
