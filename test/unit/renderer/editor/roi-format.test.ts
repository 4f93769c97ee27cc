import { describe, expect, it } from 'vitest';
import { boundsLines, imageCalibration, roiTitle, unitLabel } from '../../../../renderer/src/editor/roi-format';

describe('ROI bounds', () => {
  it('are in pixels, and in the image units when the axis is calibrated', () => {
    const calibrated = imageCalibration({
      physical_unit_x: 0.3107,
      physical_unit_y: 0.00095,
      physical_label_x: 'um',
      physical_label_y: 'seconds',
    });
    expect(boundsLines({ kind: 'rect', rowStart: 0, rowStop: 3000, colStart: 7, colStop: 12 }, calibrated)).toEqual([
      ['Rows', '0–3000 (3,000 px = 2.85 s)'],
      ['Columns', '7–12 (5 px = 1.5535 µm)'],
    ]);
    const pixels = imageCalibration({
      physical_unit_x: 1,
      physical_unit_y: 1,
      physical_label_x: 'Pixels',
      physical_label_y: 'Pixels',
    });
    expect(boundsLines({ kind: 'rect', rowStart: 10, rowStop: 40, colStart: 20, colStop: 60 }, pixels)[1]).toEqual([
      'Columns',
      '20–60 (40 px)',
    ]);
  });

  it('give a line its ends and its length, in µm only when both axes share the unit', () => {
    const square = imageCalibration({
      physical_unit_x: 0.5,
      physical_unit_y: 0.5,
      physical_label_x: 'µm',
      physical_label_y: 'um',
    });
    const line = { kind: 'line' as const, row0: 0, col0: 0, row1: 30, col1: 40 };
    expect(boundsLines(line, square)).toEqual([
      ['From', 'row 0, column 0'],
      ['To', 'row 30, column 40'],
      ['Length', '50 px = 25 µm'],
    ]);
    const scan = imageCalibration({
      physical_unit_x: 0.5,
      physical_unit_y: 0.001,
      physical_label_x: 'um',
      physical_label_y: 'seconds',
    });
    expect(boundsLines(line, scan)[2]).toEqual(['Length', '50 px']);
  });

  it('name units and ROIs as people read them', () => {
    expect([unitLabel('um'), unitLabel('Seconds'), unitLabel('nm')]).toEqual(['µm', 's', 'nm']);
    expect(roiTitle({ id: 3, index: 0 })).toBe('ROI 3');
    expect(roiTitle({ id: null, index: 1 })).toBe('ROI #2 in the list');
  });
});
