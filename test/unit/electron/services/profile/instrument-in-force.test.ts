/**
 * The match of an image to the catalogue in force is made once per catalogue and set of values
 * the match reads: images whose acquisitions differ only in what it does not read (the date)
 * share one match object, and any value it reads (the pixel size, a wavelength) makes another.
 */
import { describe, expect, it } from 'vitest';
import {
  catalogueNamesOf,
  instrumentMatchOf,
  type InstrumentCatalogue,
} from '../../../../../electron/services/profile';
import { takenOnWidefield, WIDEFIELD } from '../../../shared/instruments/widefield';

const catalogue = (): InstrumentCatalogue => ({
  folder: 'acqmeta.instruments',
  descriptions: [WIDEFIELD],
  files: [],
  problems: [],
});

const taken = (day: number, x = 0.1625, ex = 488) => takenOnWidefield({ day, x, ex });

describe('the match in force, once per setting', () => {
  it('is one object for images whose acquisitions differ only in what the match does not read', () => {
    const lab = catalogue();
    const first = instrumentMatchOf(lab, taken(1));
    expect(first?.objective?.Name).toBe('WF 40x');
    expect(instrumentMatchOf(lab, taken(2))).toBe(first);
    expect(catalogueNamesOf(first)).toEqual({ instrument: 'Widefield 1', objective: 'WF 40x' });
    expect(catalogueNamesOf(instrumentMatchOf(lab, taken(3)))).toBe(catalogueNamesOf(first));
  });

  it('is another for a value the match reads, and for another catalogue', () => {
    const lab = catalogue();
    const first = instrumentMatchOf(lab, taken(1));
    const offPixel = instrumentMatchOf(lab, taken(1, 0.25));
    expect(offPixel?.warnings).toEqual([expect.stringContaining('54% off')]);
    expect(first?.warnings).toEqual([]);
    expect(instrumentMatchOf(lab, taken(1, 0.1625, 561))?.light_sources[0]?.ID).toBeNull();
    expect(instrumentMatchOf(catalogue(), taken(1))).not.toBe(first);
  });

  it('is null without a catalogue or an acquisition, and names nothing that did not match', () => {
    expect(instrumentMatchOf(null, taken(1))).toBeNull();
    expect(instrumentMatchOf(catalogue(), undefined)).toBeNull();
    const elsewhere = instrumentMatchOf(catalogue(), { ...taken(1), instrument: { model: 'Ti2' } });
    expect(catalogueNamesOf(elsewhere)).toBeNull();
  });
});
