/**
 * Test helper: a widefield microscope as read from its description, with a 40× objective, a
 * 488 nm laser and an sCMOS camera of 6.5 µm pixels, and an acquisition taken on it.
 */
import type { Acquisition } from '../../../../shared/acquisition/acquisition-types';
import type { InstrumentDescription } from '../../../../shared/instruments';

/** The microscope. */
export const WIDEFIELD: InstrumentDescription = {
  file: 'acqmeta.instruments/widefield.json',
  id: 'wf',
  name: 'Widefield 1',
  stand: { model: 'Axio Observer 7' },
  components: [
    { kind: 'objective', schemaId: 'Objective.json', id: 'o40', name: 'WF 40x', magnification: 40, na: 0.95 },
    { kind: 'light-source', schemaId: 'Laser.json', id: 'l488', name: '488 laser', wavelengths_nm: [488] },
    { kind: 'detector', schemaId: 'sCMOS.json', id: 'cam', name: 'Orca', pixel_size_um: 6.5 },
  ],
};

/** An image taken on it: `x` µm pixels with a `magnification` objective of NA 0.95, one channel excited at `ex`, on day `day`. */
export function takenOnWidefield({ x = 0.1625, magnification = 40, ex = 488, day = 1 } = {}): Acquisition {
  return {
    instrument: { model: 'Axio Observer 7' },
    objective: { magnification, na: 0.95 },
    channels: [{ excitation_nm: ex }],
    pixel_size_um: { x, y: x },
    acquired_at: `2026-03-0${day}T10:00:00Z`,
    sources: ['ome'],
  };
}
