import { describe, expect, it } from 'vitest';
import { exportImageOf, ExportRefusal } from '../../../../../shared/ngff/export/export-image';
import type { ArchivalPixels } from '../../../../../shared/ome-tiff';

const PIXELS: ArchivalPixels = { width: 64, height: 32, samples: 1, dtype: 'uint16', sizeC: 2, sizeZ: 5, sizeT: 1 };
const SOURCE = { name: 'a.tif', fileName: 'a.tif', relativePath: 'day1/a.tif' };

/** A sidecar of `analyses`, calibrated in µm. */
const sidecar = (analyses: object[] = [], x = 0.2) => ({
  accepted: true,
  analysis: analyses.map((a) => ({ channel: 0, roi_id: 1, summary: {}, detection_params: {}, ...a })),
  image_header_metadata: { physical_unit_x: x, physical_unit_y: x, physical_label_x: 'µm', physical_label_y: 'um' },
  rois: [],
});

describe('what a collection says of an image', () => {
  it('puts the axes in NGFF order with their units, from the sidecar and the file', () => {
    const image = exportImageOf(3, SOURCE, PIXELS, { sources: [], pixel_size_um: { z: 1.5 } }, sidecar());
    expect(image).toMatchObject({ id: 'acq_image_003', imageName: 'image_003', shape: [2, 5, 32, 64] });
    expect(image.axes).toEqual([
      { name: 'c', unit: null, scale: 1 },
      { name: 'z', unit: 'micrometer', scale: 1.5 },
      { name: 'y', unit: 'micrometer', scale: 0.2 },
      { name: 'x', unit: 'micrometer', scale: 0.2 },
    ]);
  });

  it('refuses two analyses acqstore would give one id, and a pixel size no level can hold', () => {
    const alike = sidecar([{ analysis_name: 'a b' }, { analysis_name: 'a-b' }]);
    expect(() => exportImageOf(0, SOURCE, PIXELS, { sources: [] }, alike)).toThrow(ExportRefusal);
    expect(() => exportImageOf(0, SOURCE, PIXELS, { sources: [] }, alike)).toThrow(
      'acqstore would both call a-b__c0__r1',
    );
    const apart = sidecar([{ analysis_name: 'a b' }, { analysis_name: 'a-b', roi_id: 2 }]);
    expect(exportImageOf(0, SOURCE, PIXELS, { sources: [] }, apart).analyses).toHaveLength(2);
    expect(() => exportImageOf(0, SOURCE, PIXELS, { sources: [] }, sidecar([], 1e308))).toThrow(
      'its pixel size along Y (1e+308) is too large to write',
    );
  });
});

describe('the channels an exported image describes', () => {
  const lut = (color_lut: string, value_min = 10, value_max = 900) => ({ color_lut, value_min, value_max });

  it('labels them as the file does and colours them as CloudScope shows them, else by wavelength', () => {
    const acquisition = {
      sources: [],
      channels: [
        { name: 'DAPI', emission_nm: 465 },
        { fluor: 'Alexa Fluor 546', emission_nm: 572 },
      ],
    };
    const image = exportImageOf(0, SOURCE, PIXELS, acquisition, { ...sidecar(), image_contrast: {} });
    expect(image.channels).toEqual([
      { label: 'DAPI', color: '0000FF', display: null },
      { label: 'Alexa Fluor 546', color: 'FF0000', display: null },
    ]);
    // CloudScope's lookup table and display range win over the wavelength
    const shown = exportImageOf(0, SOURCE, PIXELS, acquisition, {
      ...sidecar(),
      image_contrast: { '0': lut('Greens'), '1': lut('viridis', 5, 1) },
    });
    expect(shown.channels).toEqual([
      { label: 'DAPI', color: '00FF00', display: { start: 10, end: 900 } },
      { label: 'Alexa Fluor 546', color: 'FF0000', display: null },
    ]);
  });

  it('colours a channel as the file shows it, before its wavelength and after the sidecar lookup table', () => {
    const acquisition = {
      sources: [],
      channels: [{ name: 'FITC', color: 'FF00FF', emission_nm: 520 }, { name: 'TRITC' }],
    };
    const image = exportImageOf(0, SOURCE, PIXELS, acquisition, sidecar());
    expect(image.channels.map((c) => [c.label, c.color])).toEqual([
      ['FITC', 'FF00FF'],
      ['TRITC', '00FF00'],
    ]);
    const shown = exportImageOf(0, SOURCE, PIXELS, acquisition, {
      ...sidecar(),
      image_contrast: { '0': lut('Greens') },
    });
    expect(shown.channels[0]?.color).toBe('00FF00');
  });

  it('colours channels nothing names red, green, then blue, one alone white, and a colour image by its samples', () => {
    const unnamed = exportImageOf(0, SOURCE, { ...PIXELS, sizeC: 3 }, { sources: [] }, sidecar());
    expect(unnamed.channels.map((c) => [c.label, c.color])).toEqual([
      [null, 'FF0000'],
      [null, '00FF00'],
      [null, '0000FF'],
    ]);
    const single = exportImageOf(0, SOURCE, { ...PIXELS, sizeC: 1 }, { sources: [] }, sidecar());
    expect(single.channels.map((c) => c.color)).toEqual(['FFFFFF']);
    const rgb = exportImageOf(
      0,
      SOURCE,
      { ...PIXELS, sizeC: 1, samples: 3, dtype: 'uint8' },
      { sources: [] },
      sidecar(),
    );
    expect(rgb.channels.map((c) => c.color)).toEqual(['FF0000', '00FF00', '0000FF']);
  });
});
