/**
 * The pooled tables' pieces: cells as pandas writes them (the values checked with Debian's
 * Python 3.11 and pandas 1.5), experiment fields as acqstore reads them, and the analyses its
 * loader keeps from a sidecar.
 */
import { describe, expect, it } from 'vitest';
import { readJson, type JsonNode, type JsonObject } from '../../../../../shared/sidecar';
import { loadAsAcqstore } from '../../../../../shared/ngff/export/pools/acqstore-load';
import {
  NA,
  PandasTable,
  pyBool,
  pyFloatCell,
  pyInt,
  pyStr,
  scalarCell,
  UnreadableValue,
  type PyCell,
} from '../../../../../shared/ngff/export/pools/pandas-cells';
import {
  numberField,
  stepsOf,
  strOf,
  textField,
  wholeField,
} from '../../../../../shared/ngff/export/pools/python-values';

const json = (text: string): JsonNode => {
  const read = readJson(text);
  if (!read.ok) throw new Error(read.message);
  return read.value;
};
const object = (text: string): JsonObject => json(text) as JsonObject;
const NONE: PyCell = { kind: 'none' };

/** The CSV pandas writes of these rows. */
function csv(columns: string[], rows: PyCell[][]): string {
  const table = new PandasTable(columns);
  const lines = rows.map((row) => table.row(row));
  return [...table.csv(lines)].join('');
}

describe('PandasTable', () => {
  it('types each column from all its cells, as pandas.DataFrame(rows) does', () => {
    const rows = [
      [pyInt(1), pyFloatCell(1.5), pyStr('x'), pyBool(true), NONE, pyInt(2n ** 70n)],
      [pyInt(2), NONE, NA, pyBool(false), pyInt(3), pyInt(1)],
    ];
    // e: None beside an int makes float64 (3.0); f: an int past int64 keeps the column object
    expect(csv(['a', 'b', 'c', 'd', 'e', 'f'], rows)).toBe(
      'a,b,c,d,e,f\n1,1.5,x,True,,1180591620717411303424\n2,,,False,3.0,1\n',
    );
  });

  it('writes ints as ints once a cell of the column is missing (pd.NA)', () => {
    expect(csv(['v'], [[pyInt(2)], [pyFloatCell(1.5)], [NA]])).toBe('v\n2\n1.5\n\n');
    expect(
      csv(
        ['v', 's'],
        [
          [pyInt(2), pyStr('a, b')],
          [pyFloatCell(1.5), pyStr('c')],
        ],
      ),
    ).toBe('v,s\n2.0,"a, b"\n1.5,c\n');
  });

  it("writes floats as Python's repr and quotes only what needs it", () => {
    const cells = [1e16, 1e-5, -0, 1.2345678901234568e17, 0.1 + 0.2, Infinity, NaN].map(pyFloatCell);
    expect(
      csv(
        ['f'],
        cells.map((c) => [c]),
      ),
    ).toBe('f\n1e+16\n1e-05\n-0.0\n1.2345678901234568e+17\n0.30000000000000004\ninf\n\n');
    expect(csv(['s', 't'], [[pyStr('a, "b"'), pyStr('line\nbreak')]])).toBe('s,t\n"a, ""b""","line\nbreak"\n');
    expect(csv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('refuses a text pandas cannot write', () => {
    expect(() => PandasTable.check([pyStr('a\ud800b')])).toThrow(UnreadableValue);
    expect(() => PandasTable.check([pyStr('a\ud83d\ude00b')])).not.toThrow();
  });

  it('reads JSON numbers as Python does: 1 an int, 1.0 and 1e3 floats', () => {
    expect(scalarCell(json('1'))).toEqual(pyInt(1));
    expect(scalarCell(json('-0'))).toEqual(pyInt(0));
    expect(scalarCell(json('1.0'))).toEqual(pyFloatCell(1));
    expect(scalarCell(json('1e3'))).toEqual(pyFloatCell(1000));
    expect(scalarCell(json('[1]'))).toBeNull();
  });
});

describe("Python's str() and acqstore's coercions", () => {
  it('writes what str() writes, lists and dicts as their repr', () => {
    expect(strOf(json('null'))).toBe('None');
    expect(strOf(json('1.0'))).toBe('1.0');
    expect(strOf(json('NaN'))).toBe('nan');
    expect(strOf(json(`["a", 1, 2.5, true, null, "it's", "\\u00e9\\n"]`))).toBe(
      `['a', 1, 2.5, True, None, "it's", '\u00e9\\n']`,
    );
    expect(strOf(json('{"a": {"b": []}, "c": "x", "a": 2}'))).toBe(`{'a': 2, 'c': 'x'}`);
  });

  it('keeps text as str(value).strip() and numbers as float()', () => {
    const meta = object(
      '{"note": " a\\u001c ", "age": 30, "branch_order": " 2 ", "depth": "1_0.5", "x": "NaN", "y": ""}',
    );
    const at = (key: string) => meta.entries.find((e) => e.key === key)?.value;
    expect(textField(at('note'))).toEqual(pyStr('a'));
    expect(textField(at('age'))).toEqual(pyStr('30'));
    expect(textField(at('missing'))).toEqual(pyStr(''));
    expect(wholeField(at('branch_order'), 'b')).toEqual(pyInt(2));
    expect(wholeField(at('y'), 'y')).toEqual(NA);
    expect(numberField(at('depth'), 'depth')).toEqual(pyFloatCell(10.5));
    expect(numberField(at('x'), 'x')).toEqual(NA);
    expect(() => wholeField(json('2.5'), 'z')).toThrow(UnreadableValue);
    expect(() => numberField(json('"deep"'), 'depth')).toThrow(UnreadableValue);
  });

  it('takes both pixel sizes or neither, as acqstore applies a calibration', () => {
    expect(stepsOf(json('0.5'), json('0.25'))).toEqual({ steps: [0.5, 0.25] });
    expect(stepsOf(json('0'), json('0.25'))).toEqual({ steps: [1, 1] });
    expect(stepsOf(json('"wide"'), json('null'))).toEqual({ steps: [1, 1] });
    expect(stepsOf(json('NaN'), json('0.25'))).toEqual({ steps: [1, 0.25] });
    expect(stepsOf(undefined, json('0.25'))).toEqual({ steps: [1, 0.25] });
    expect(stepsOf(json('0.5'), json('null'))).toEqual({ stop: true });
  });
});

describe('loadAsAcqstore', () => {
  const record = (name: string, roi: number, summary = '{}', params = '{}') =>
    `{"analysis_name": "${name}", "channel": 0, "roi_id": ${roi}, "detection_params": ${params}, "summary": ${summary}}`;
  const roi = (id: number) => `{"roi_id": ${id}}`;
  const sidecar = (records: string[], more = '') =>
    object(
      `{"accepted": true, "rois": [${roi(1)}], "experiment_metadata": {"branch_order": 3}, "image_header_metadata": {"physical_unit_x": 0.5}, "analysis": [${records.join(',')}]${more}}`,
    );
  const names = (...records: string[]) => [...loadAsAcqstore(sidecar(records)).analyses.keys()];
  const events = (list: string) => `{"version": 2, "events": [${list}]}`;
  const stats = '{"n": 1, "mean": 1, "min": 1, "max": 1, "std": 0, "se": 0, "cv": null}';
  const event = (id: number, x0: number, x1: number, s = stats) =>
    `{"id": ${id}, "x0": ${x0}, "x1": ${x1}, "event_type": "rise", "event_stats": ${s}, "pre_win_stats": ${stats}, "post_win_stats": ${stats}}`;
  const velocity = record('radon_velocity', 1);

  it('keeps analyses in order until one acqstore refuses', () => {
    expect(names(velocity, record('heart_rate', 1), record('custom', 2), record('radon_velocity', 3))).toEqual([
      'radon_velocity|0|1',
      'heart_rate|0|1',
    ]);
    // radon_velocity and diameter exclude each other on one ROI; heart rate needs a velocity first
    expect(names(velocity, record('diameter', 1), record('radon_velocity', 2))).toEqual(['radon_velocity|0|1']);
    expect(names(record('diameter', 1), record('heart_rate', 1))).toEqual(['diameter|0|1']);
    expect(names(record('sum_intensity', 1), record('sum_intensity', 1))).toEqual(['sum_intensity|0|1']);
    // heart rate's parameters are checked: a name it does not know, a float where an int belongs
    expect(names(velocity, record('heart_rate', 1, '{}', '{"bpm_min": 300, "lomb_n_freq": 512}'))).toHaveLength(2);
    expect(names(velocity, record('heart_rate', 1, '{}', '{"lomb_n_freq": 512.0}'))).toHaveLength(1);
    expect(names(velocity, record('heart_rate', 1, '{}', '{"window": 3}'))).toHaveLength(1);
  });

  it('keeps an event analysis only when its events can be read', () => {
    const withEvents = (list: string, params = '{}') => names(velocity, record('event', 1, events(list), params));
    expect(withEvents(event(1, 0, 1))).toHaveLength(2);
    expect(withEvents(event(1, 1, 1))).toHaveLength(1);
    expect(withEvents(`${event(1, 0, 1)}, ${event(1, 2, 3)}`)).toHaveLength(1);
    expect(withEvents(event(1, 0, 1, stats.replace('"n": 1', '"n": null')))).toHaveLength(1);
    expect(withEvents(event(1, 0, 1), '{"pre_post_win_sec": -1}')).toHaveLength(1);
    expect(names(velocity, record('event', 1, '{"version": 1, "events": []}'))).toHaveLength(1);
  });

  it('stops where acqstore stops: a repeated ROI id, a field it cannot coerce, a null pixel size', () => {
    const whole = loadAsAcqstore(sidecar([velocity]));
    expect(whole).toMatchObject({ roiIds: [1], steps: [1, 0.5] });
    expect(whole.fields.get('branch_order')).toEqual(pyInt(3));
    const twice = loadAsAcqstore(
      object(
        `{"accepted": false, "rois": [${roi(1)}, ${roi(2)}, ${roi(1)}], "experiment_metadata": {"branch_order": 3}, "image_header_metadata": {"physical_unit_x": 0.5}, "analysis": [${velocity}]}`,
      ),
    );
    expect(twice).toMatchObject({ accept: false, roiIds: [1, 2], steps: [1, 1] });
    expect(twice.fields.get('branch_order')).toEqual(NA);
    expect(twice.analyses.size).toBe(0);
    const text = (fields: string, header: string) =>
      loadAsAcqstore(
        object(
          `{"rois": [${roi(1)}], "experiment_metadata": ${fields}, "image_header_metadata": ${header}, "analysis": [${velocity}]}`,
        ),
      );
    const badField = text('{"branch_order": "2nd", "sex": "F"}', '{"physical_unit_x": 0.5}');
    expect(badField).toMatchObject({ roiIds: [1], steps: [1, 1] });
    expect(badField.fields.get('sex')).toEqual(pyStr(''));
    expect(badField.analyses.size).toBe(0);
    const nullSize = text('{"sex": "F"}', '{"physical_unit_x": null}');
    expect(nullSize.fields.get('sex')).toEqual(pyStr('F'));
    expect(nullSize).toMatchObject({ steps: [1, 1] });
    expect(nullSize.analyses.size).toBe(0);
  });
});
