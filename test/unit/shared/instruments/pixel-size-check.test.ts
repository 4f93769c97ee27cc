/**
 * The pixel size an image records against the camera it was taken with: camera pixel ÷ total
 * magnification, more than 5% off flagged, and only where the camera is known (one camera
 * system matched, never a point scanner).
 */
import { describe, expect, it } from 'vitest';
import { matchInstrument } from '../../../../shared/instruments';
import { cameraPixelOf, pixelSizeWarning } from '../../../../shared/instruments/pixel-size-check';
import { takenOnWidefield, WIDEFIELD } from './widefield';

const taken = (x: number, magnification = 40) => takenOnWidefield({ x, magnification });

describe('the pixel size against the camera', () => {
  it('passes within 5% of camera pixel ÷ magnification and flags beyond', () => {
    expect(pixelSizeWarning(0.1625, 6.5, 40)).toBeNull();
    expect(pixelSizeWarning(0.17, 6.5, 40)).toBeNull(); // 4.6% off
    expect(pixelSizeWarning(0.1625 * 1.06, 6.5, 40)).toBe(
      "the recorded pixel size 0.1723 µm is 6% off the 0.1625 µm that the camera's 6.5 µm pixel ÷ 40× gives: " +
        'the wrong objective recorded, or the wrong calibration?',
    );
    expect(pixelSizeWarning(0.1625, 0, 40)).toBeNull();
    expect(pixelSizeWarning(Number.NaN, 6.5, 40)).toBeNull();
  });

  it('knows the camera of a camera system only: not of a point scanner, not between two pixel sizes', () => {
    expect(cameraPixelOf([WIDEFIELD])).toBe(6.5);
    const confocal = { ...WIDEFIELD, components: [...WIDEFIELD.components, pmt()] };
    expect(cameraPixelOf([confocal])).toBeUndefined();
    const twoCameras = {
      ...WIDEFIELD,
      components: [...WIDEFIELD.components, { ...camera(), id: 'cam2', pixel_size_um: 11 }],
    };
    expect(cameraPixelOf([twoCameras])).toBeUndefined();
  });

  it('is a warning of the match, from the matched objective’s magnification', () => {
    expect(matchInstrument(taken(0.1625), [WIDEFIELD]).warnings).toEqual([]);
    // 63× recorded on a microscope whose only objective is 40×: the 40× is not matched, the recorded 63× is used
    expect(matchInstrument(taken(0.1625, 63), [WIDEFIELD]).warnings).toEqual([
      expect.stringContaining('is 58% off the 0.1032 µm'),
    ]);
    expect(matchInstrument(taken(0.25), [WIDEFIELD]).warnings).toEqual([expect.stringContaining('54% off')]);
    const other = { ...WIDEFIELD, id: 'wf2', file: 'acqmeta.instruments/other.json', stand: { model: 'Ti2' } };
    expect(matchInstrument({ ...taken(0.25), instrument: { model: 'Ti2' } }, [WIDEFIELD, other]).warnings).toEqual([
      expect.stringContaining('54% off'),
    ]);
    // no model named and two microscopes: the camera is not known
    const { instrument: _, ...unnamed } = taken(0.25);
    expect(matchInstrument(unnamed, [WIDEFIELD, other]).warnings).toEqual([]);
  });
});

function camera() {
  return WIDEFIELD.components[2]!;
}

function pmt() {
  return { kind: 'detector' as const, schemaId: 'PMT.json', id: 'pmt', name: 'PMT 1' };
}
