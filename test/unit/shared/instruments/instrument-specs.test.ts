/**
 * The bundled field specs: the facts the Micro-Meta App's schemas give for the fields the editor
 * offers, each type's kind as the reader knows it, and the source each fact came from.
 */
import { describe, expect, it } from 'vitest';
import { instrumentSpecs } from '../../../../shared/instruments';
import bundle from '../../../../shared/instruments/generated/instrument-specs.json';

describe('instrumentSpecs', () => {
  const specs = instrumentSpecs();
  const type = (schemaId: string) => specs.components.find((c) => c.schemaId === schemaId);

  it("gives the objective's fields with the schema's choices, units and tiers", () => {
    const objective = type('Objective.json');
    expect(objective?.kind).toBe('objective');
    const byKey = new Map(objective?.fields.map((f) => [f.key, f]));
    expect([...byKey.keys()]).toEqual([
      'Name',
      'Manufacturer',
      'Model',
      'CatalogNumber',
      'LotNumber',
      'Magnification',
      'LensNA',
      'ImmersionType',
      'Correction',
      'WorkingDistance',
    ]);
    expect(byKey.get('LensNA')).toEqual({ key: 'LensNA', label: 'Lens NA', type: 'number', requiredFromTier: 1 });
    expect(byKey.get('ImmersionType')?.choices).toEqual([
      'Air',
      'Dipping',
      'Glycerol',
      'Multi',
      'Mineral Oil',
      'Silicone Oil',
      'Water',
      'Other',
    ]);
    expect(byKey.get('Correction')?.choices).toContain('PlanApochromat');
    expect(byKey.get('WorkingDistance')).toMatchObject({ unit: 'mm', requiredFromTier: 2 });
    expect(byKey.get('Name')?.requiredFromTier).toBeUndefined();
  });

  it('gives the kinds the reader knows, and the cameras their pixel size in µm', () => {
    expect(Object.fromEntries(specs.components.map((c) => [c.schemaId, c.kind]))).toMatchObject({
      'CCD.json': 'detector',
      'CMOS.json': 'detector',
      'PhotoMultiplierTube.json': 'detector',
      'HybridPhotoDetector.json': 'detector',
      'Fluorescence_LightSource_Laser.json': 'light-source',
      'Fluorescence_LightSource_LightEmittingDiode.json': 'light-source',
      'ExcitationFilter.json': 'excitation-filter',
      'EmissionFilter.json': 'emission-filter',
      'StandardDichroic.json': 'dichroic',
      'FilterCube.json': 'filter-cube',
    });
    expect(type('CCD.json')?.fields.find((f) => f.key === 'PixelWidth')).toMatchObject({ unit: 'µm', type: 'number' });
    expect(type('CCD.json')?.fields.find((f) => f.key === 'Type')?.choices).toContain('EMCCD');
    expect(specs.stand.map((f) => f.key)).toEqual([
      'Name',
      'Manufacturer',
      'Model',
      'CatalogNumber',
      'LotNumber',
      'Type',
      'Origin',
    ]);
  });

  it('records the repository, path and commit of every type', () => {
    for (const entry of [bundle.stand, ...bundle.components])
      expect(entry.source).toMatchObject({
        repository: 'WU-BIMAC/MicroMetaApp-Electron',
        path: `schemas/${entry.schemaId}`,
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
  });
});
