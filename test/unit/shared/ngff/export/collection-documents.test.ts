import { describe, expect, it } from 'vitest';
import { imageDocument, type ExportImage } from '../../../../../shared/ngff/export/collection-documents';

const CREATOR = { name: 'AcqMeta', version: '0.0.0-test' };

/** A two-channel image of 300 × 300 pixels whose pixel size, read from a vendor file, carries a double's noise. */
const IMAGE: ExportImage = {
  id: 'acq_image_000',
  imageName: 'image_000',
  name: 'a.czi',
  fileName: 'a.czi',
  relativePath: 'a.czi',
  axes: [
    { name: 'c', unit: null, scale: 1 },
    { name: 'y', unit: 'micrometer', scale: 0.09999999999999999 },
    { name: 'x', unit: 'micrometer', scale: 1.399999976158142 },
  ],
  shape: [2, 300, 300],
  dtype: 'uint16',
  numChannels: 2,
  channels: [
    { label: 'DAPI', color: '0000FF', display: null },
    { label: null, color: '00FF00', display: { start: 12.5, end: 3000 } },
  ],
  accepted: true,
  date: '',
  time: '',
  numRois: 0,
  analyses: [],
};

describe("an exported image's zarr.json", () => {
  it('writes every scale without floating-point noise', () => {
    const text = imageDocument(IMAGE, CREATOR, []);
    const ome = JSON.parse(text).attributes.ome;
    // 300 pixels become 150, 75, 37 then 18: a level's scale is level 0's times 300/37, 300/18
    expect(
      ome.multiscales[0].datasets.map(
        (d: { coordinateTransformations: { scale: number[] }[] }) => d.coordinateTransformations[0]!.scale,
      ),
    ).toEqual([
      [1, 0.1, 1.4],
      [1, 0.2, 2.8],
      [1, 0.4, 5.6],
      [1, 0.810810810810811, 11.3513513513514],
      [1, 1.66666666666667, 23.3333333333333],
    ]);
    // no number of the document needs more than 15 significant digits
    const numbers = (text.match(/-?\d+\.\d+(e[+-]?\d+)?/g) ?? []).map(Number);
    expect(numbers.filter((n) => Number(n.toPrecision(15)) !== n)).toEqual([]);
  });

  it('names and colours the channels in an omero block, windows from the samples or CloudScope’s display range', () => {
    const ranges = [
      { min: 0, max: 4095 },
      { min: 3, max: 65535 },
    ];
    const ome = JSON.parse(imageDocument(IMAGE, CREATOR, ranges)).attributes.ome;
    expect(ome.omero).toEqual({
      channels: [
        {
          active: true,
          coefficient: 1,
          color: '0000FF',
          family: 'linear',
          inverted: false,
          label: 'DAPI',
          window: { end: 4095, max: 4095, min: 0, start: 0 },
        },
        {
          active: true,
          coefficient: 1,
          color: '00FF00',
          family: 'linear',
          inverted: false,
          window: { end: 3000, max: 65535, min: 3, start: 12.5 },
        },
      ],
      rdefs: { defaultT: 0, defaultZ: 0, model: 'color' },
    });
  });
});
