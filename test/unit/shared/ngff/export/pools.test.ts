/**
 * The pooled tables' pieces: cells as pandas writes them (the values checked with Debian's
 * Python 3.11 and pandas 1.5), experiment fields as acqstore reads them, and the analyses its
 * loader keeps from a sidecar.
 */
import { describe, expect, it } from 'vitest';
import { readJson, type JsonNode, type JsonObject } from '../../../../../shared/sidecar';
import {
  cellOfJson,
  NA,
  pandasCsv,
  pyBool,
  pyFloatCell,
  pyInt,
  pyStr,
  UnreadableValue,
} from '../../../../../shared/ngff/export/pools/pandas-cells';
import { loadedAnalyses } from '../../../../../shared/ngff/export/pools/pool-source';
import { numberField, stepOf, textField, wholeField } from '../../../../../shared/ngff/export/pools/python-values';

const json = (text: string): JsonNode => {
  const read = readJson(text);
  if (!read.ok) throw new Error(read.message);
  return read.value;
};
const object = (text: string): JsonObject => json(text) as JsonObject;

describe('pandasCsv', () => {
  it('types each column from all its cells, as pandas.DataFrame(rows) does', () => {
    const rows = [
      [pyInt(1), pyFloatCell(1.5), pyStr('x'), pyBool(true), { kind: 'none' } as const, pyInt(2n ** 70n)],
      [pyInt(2), { kind: 'none' } as const, NA, pyBool(false), pyInt(3), pyInt(1)],
    ];
    // e: None beside an int makes float64 (3.0); f: an int past int64 keeps the column object
    expect(pandasCsv(['a', 'b', 'c', 'd', 'e', 'f'], rows)).toBe(
      'a,b,c,d,e,f\n1,1.5,x,True,,1180591620717411303424\n2,,,False,3.0,1\n',
    );
  });

  it('writes ints as ints once a cell of the column is missing (pd.NA)', () => {
    expect(pandasCsv(['v'], [[pyInt(2)], [pyFloatCell(1.5)], [NA]])).toBe('v\n2\n1.5\n\n');
    expect(pandasCsv(['v'], [[pyInt(2)], [pyFloatCell(1.5)]])).toBe('v\n2.0\n1.5\n');
  });

  it("writes floats as Python's repr and quotes only what needs it", () => {
    const cells = [1e16, 1e-5, -0, 1.2345678901234568e17, 0.1 + 0.2, Infinity, NaN].map(pyFloatCell);
    expect(
      pandasCsv(
        ['f'],
        cells.map((c) => [c]),
      ),
    ).toBe('f\n1e+16\n1e-05\n-0.0\n1.2345678901234568e+17\n0.30000000000000004\ninf\n\n');
    expect(pandasCsv(['s', 't'], [[pyStr('a, "b"'), pyStr('line\nbreak')]])).toBe('s,t\n"a, ""b""","line\nbreak"\n');
    expect(pandasCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('reads JSON numbers as Python does: 1 an int, 1.0 and 1e3 floats', () => {
    expect(cellOfJson(json('1'))).toEqual(pyInt(1));
    expect(cellOfJson(json('-0'))).toEqual(pyInt(0));
    expect(cellOfJson(json('1.0'))).toEqual(pyFloatCell(1));
    expect(cellOfJson(json('1e3'))).toEqual(pyFloatCell(1000));
    expect(cellOfJson(json('NaN')).kind).toBe('float');
    expect(() => cellOfJson(json('[1]'))).toThrow(UnreadableValue);
  });
});

describe('experiment fields as acqstore reads them', () => {
  const meta = object(
    '{"note": " a\\u001c ", "age": 30, "sex": true, "branch_order": " 2 ", "depth": "1_0.5", "x": "NaN", "y": "", "z": 2.5}',
  );

  it('keeps text as str(value).strip() and numbers as float()', () => {
    expect(textField(meta, 'note')).toEqual(pyStr('a'));
    expect(textField(meta, 'age')).toEqual(pyStr('30'));
    expect(textField(meta, 'sex')).toEqual(pyStr('True'));
    expect(textField(meta, 'missing')).toEqual(pyStr(''));
    expect(wholeField(meta, 'branch_order')).toEqual(pyInt(2));
    expect(wholeField(meta, 'y')).toEqual(NA);
    expect(numberField(meta, 'depth')).toEqual(pyFloatCell(10.5));
    expect(numberField(meta, 'x')).toEqual(NA);
    expect(() => wholeField(meta, 'z')).toThrow(/experiment_metadata.z is not a whole number/);
    expect(() => numberField(object('{"depth": "deep"}'), 'depth')).toThrow(UnreadableValue);
  });

  it("takes a pixel size from the sidecar when it is positive, else acqstore's 1.0", () => {
    const header = object('{"physical_unit_x": 0.5, "physical_unit_y": -1}');
    expect(stepOf(header, 'physical_unit_x')).toEqual(pyFloatCell(0.5));
    expect(stepOf(header, 'physical_unit_y')).toEqual(pyFloatCell(1));
    expect(() => stepOf(object('{"physical_unit_x": null}'), 'physical_unit_x')).toThrow(UnreadableValue);
  });
});

describe('loadedAnalyses', () => {
  const record = (name: string, roi: number, summary = '{}') =>
    `{"analysis_name": "${name}", "channel": 0, "roi_id": ${roi}, "detection_params": {}, "summary": ${summary}}`;
  const names = (...records: string[]) =>
    loadedAnalyses(object(`{"analysis": [${records.join(',')}]}`)).map((a) => `${a.name}@${a.roiId}`);
  const events = (list: string) => `{"version": 2, "events": [${list}]}`;
  const stats = '{"n": 1, "mean": 1, "min": 1, "max": 1, "std": 0, "se": 0, "cv": null}';
  const event = (id: number, x0: number, x1: number) =>
    `{"id": ${id}, "x0": ${x0}, "x1": ${x1}, "event_type": "rise", "event_stats": ${stats}, "pre_win_stats": ${stats}, "post_win_stats": ${stats}}`;

  it('keeps records in order until one acqstore refuses', () => {
    expect(
      names(record('radon_velocity', 1), record('heart_rate', 1), record('custom', 2), record('radon_velocity', 3)),
    ).toEqual(['radon_velocity@1', 'heart_rate@1']);
    // radon_velocity and diameter exclude each other on one ROI; heart rate needs a velocity first
    expect(names(record('radon_velocity', 1), record('diameter', 1), record('radon_velocity', 2))).toEqual([
      'radon_velocity@1',
    ]);
    expect(names(record('diameter', 1), record('heart_rate', 1))).toEqual(['diameter@1']);
    expect(names(record('sum_intensity', 1), record('sum_intensity', 1))).toEqual(['sum_intensity@1']);
  });

  it('keeps an event analysis only when its events can be read', () => {
    const ok = record('event', 1, events(event(1, 0, 1)));
    expect(names(record('radon_velocity', 1), ok)).toEqual(['radon_velocity@1', 'event@1']);
    const same = record('event', 1, events(event(1, 1, 1)));
    expect(names(record('radon_velocity', 1), same)).toEqual(['radon_velocity@1']);
    const twice = record('event', 1, events(`${event(1, 0, 1)}, ${event(1, 2, 3)}`));
    expect(names(record('radon_velocity', 1), twice)).toEqual(['radon_velocity@1']);
    expect(names(record('radon_velocity', 1), record('event', 1, '{"version": 1, "events": []}'))).toEqual([
      'radon_velocity@1',
    ]);
  });
});
