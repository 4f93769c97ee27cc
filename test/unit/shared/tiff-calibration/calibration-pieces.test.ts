/**
 * The pure pieces of a calibration written into a header: units, resolutions as TIFF rationals,
 * the ImageJ description and slice labels, and the OME-XML edit; each as the file will hold it.
 */
import { describe, expect, it } from 'vitest';
import {
  convertLength,
  lengthUnitOf,
  pixelsPerCentimetre,
  rational,
} from '../../../../shared/tiff-calibration/calibration-units';
import { withImageJValues } from '../../../../shared/tiff-calibration/imagej-description';
import { labelsOf, readImageJMetadata, withLabels } from '../../../../shared/tiff-calibration/imagej-labels';
import { withPixelsAttributes } from '../../../../shared/tiff-calibration/ome-xml-edit';

describe('units and rationals', () => {
  it('reads the sidecar labels of a length and converts between them', () => {
    expect(['um', 'µm', 'micron', 'nm', 'mm', 'Pixels', 'seconds'].map(lengthUnitOf)).toEqual([
      'um',
      'um',
      'um',
      'nm',
      'mm',
      null,
      null,
    ]);
    expect(convertLength(500, 'nm', 'um')).toBeCloseTo(0.5, 12);
    expect(convertLength(0.002, 'mm', 'um')).toBeCloseTo(2, 12);
    expect(pixelsPerCentimetre(0.5, 'um')).toBeCloseTo(20000, 6);
  });

  it('writes the nearest fraction of two 32-bit integers, exact where one exists', () => {
    expect(rational(2)).toEqual([2, 1]);
    expect(rational(72)).toEqual([72, 1]);
    expect(rational(1 / 0.325)).toEqual([40, 13]);
    const [n, d] = rational(pixelsPerCentimetre(0.325, 'um'));
    expect(n / d).toBeCloseTo(1e4 / 0.325, 6);
    expect(Math.max(n, d)).toBeLessThanOrEqual(0xffffffff);
    expect(rational(1e12)).toEqual([0xffffffff, 1]);
  });
});

describe('ImageJ description', () => {
  it('replaces a key on its own line, adds a missing one before the final line break, keeps the rest', () => {
    const text = 'ImageJ=1.54f\nimages=24\nunit=inch\nloop=false\n';
    expect(withImageJValues(text, { unit: 'micron', spacing: '2.5' })).toBe(
      'ImageJ=1.54f\nimages=24\nunit=micron\nloop=false\nspacing=2.5\n',
    );
    expect(withImageJValues('ImageJ=1.54f', { finterval: '7' })).toBe('ImageJ=1.54f\nfinterval=7');
  });
});

describe('ImageJ slice labels', () => {
  it('writes labels as UTF-16 in the byte order, after the info text, and reads them back', () => {
    const info = { type: 0x696e666f, entries: [new Uint8Array([0, 65])] };
    for (const littleEndian of [true, false]) {
      const { counts, data } = withLabels([info], ['DAPI', 'µ-GFP'], littleEndian);
      expect(counts).toEqual([4 + 8 * 2, 2, 8, 10]);
      const kinds = readImageJMetadata(counts, data, littleEndian);
      expect(kinds?.map((k) => k.type)).toEqual([0x696e666f, 0x6c61626c]);
      expect(labelsOf(kinds ?? [], littleEndian)).toEqual(['DAPI', 'µ-GFP']);
      expect(Array.from(kinds?.[0]?.entries[0] ?? [])).toEqual([0, 65]);
    }
  });

  it('refuses bytes that are not ImageJ metadata', () => {
    const { counts, data } = withLabels([], ['A'], true);
    expect(readImageJMetadata(counts, data, false)).toBeNull();
    expect(readImageJMetadata([counts[0] as number, 99], data, true)).toBeNull();
  });
});

describe('OME-XML edit', () => {
  const xml =
    '<?xml version="1.0"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">' +
    '<Image ID="Image:0"><Pixels ID="Pixels:0" PhysicalSizeX="1.0" SizeC="2">' +
    '<Channel ID="Channel:0:0"/><Channel ID="Channel:0:1" Name="old"/></Pixels></Image>' +
    '<Image ID="Image:1"><Pixels ID="Pixels:1" PhysicalSizeX="9"><Channel ID="Channel:1:0"/></Pixels></Image></OME>';

  it("sets the first image's attributes and channel names, escaped, every other byte kept", () => {
    const edited = withPixelsAttributes(xml, { PhysicalSizeX: '0.325', PhysicalSizeXUnit: 'µm' }, ['DAPI', 'A&B']);
    expect(edited).toBe(
      xml
        .replace('PhysicalSizeX="1.0" SizeC="2"', 'PhysicalSizeX="0.325" SizeC="2" PhysicalSizeXUnit="&#xB5;m"')
        .replace('<Channel ID="Channel:0:0"/>', '<Channel ID="Channel:0:0" Name="DAPI"/>')
        .replace('Name="old"', 'Name="A&amp;B"'),
    );
  });

  it('is null when the names are not one per channel or there is no image', () => {
    expect(withPixelsAttributes(xml, {}, ['one'])).toBeNull();
    expect(withPixelsAttributes(xml, {}, ['a', 'b', 'c'])).toBeNull();
    expect(withPixelsAttributes('<OME/>', { PhysicalSizeX: '1' }, null)).toBeNull();
  });
});
