/** OME's Correction as the OME-XML of a copy states it, read from the objective's name. */
import { describe, expect, it } from 'vitest';
import { omeCorrection } from '../../../../shared/ome-tiff/ome-enums';

describe('omeCorrection', () => {
  it.each([
    ['HC PL APO CS2    63x/1.30 GLYC', 'PlanApo'],
    ['Plan-Apochromat 20x/0.95', 'PlanApo'],
    ['Plan Apo λ 60x', 'PlanApo'],
    ['C-Apochromat 63x/1.20 W Korr', 'Apo'],
    ['EC Plan-Neofluar 40x/0.90 Pol M27', 'PlanNeofluar'],
    ['HC PL FLUOTAR 10x/0.30', 'Fluotar'],
  ])('%s: %s', (name, correction) => {
    expect(omeCorrection(name)).toBe(correction);
  });
});
