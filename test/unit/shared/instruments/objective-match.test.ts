/**
 * Matching the objective an image records to a lab's catalogue: the real vendor files of the
 * fixtures against a catalogue made from their own metadata, against look-alikes, and a real
 * facility description.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AcquisitionObjective } from '../../../../shared/acquisition/acquisition-types';
import {
  matchObjective,
  normalisedObjectiveName,
  readInstrumentDescription,
  type InstrumentComponent,
} from '../../../../shared/instruments';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');

/** The objectives the fixtures' vendor files record (read by independent readers: see make-formats-expected.py). */
const RECORDED: [file: string, objective: AcquisitionObjective][] = Object.entries(
  JSON.parse(fixture('formats/expected.json')) as Record<
    string,
    { acquisition?: { objective?: AcquisitionObjective } }
  >,
).flatMap(([file, entry]) => (entry.acquisition?.objective === undefined ? [] : [[file, entry.acquisition.objective]]));

/** A catalogue objective as the Micro-Meta App would list it. */
const objective = (id: string, o: AcquisitionObjective, model = o.name): InstrumentComponent => ({
  kind: 'objective',
  schemaId: 'Objective.json',
  id,
  name: `objective ${id}`,
  ...(model === undefined ? {} : { model }),
  ...(o.magnification === undefined ? {} : { magnification: o.magnification }),
  ...(o.na === undefined ? {} : { na: o.na }),
  ...(o.immersion === undefined ? {} : { immersion: o.immersion }),
});

describe('matching an image’s objective', () => {
  it('covers the vendor formats of the fixtures', () => {
    const formats = new Set(RECORDED.map(([file]) => file.split('/')[0]));
    expect([...formats].sort()).toEqual(['czi', 'lif', 'nd2', 'oib']);
  });

  it('finds each fixture’s own objective in a catalogue made from all of them', () => {
    const distinct = new Map(RECORDED.map(([, o]) => [JSON.stringify(o), o]));
    const catalogue = [...distinct.values()].map((o, i) => objective(`o${i}`, o));
    for (const [file, recorded] of RECORDED) {
      const match = matchObjective(recorded, catalogue);
      expect(match.objective?.id, file).toBe(catalogue[[...distinct.keys()].indexOf(JSON.stringify(recorded))]?.id);
      expect(match.evidence, file).toEqual(
        recorded.name === undefined ? expect.stringMatching(/^by magnification/) : 'by model name',
      );
    }
  });

  it('matches by magnification, NA and immersion when the catalogue spells the name otherwise', () => {
    const distinct = new Map(RECORDED.map(([, o]) => [JSON.stringify(o), o]));
    const catalogue = [...distinct.values()].map((o, i) => objective(`o${i}`, o, `Another spelling ${i}`));
    for (const [file, recorded] of RECORDED) {
      const match = matchObjective(recorded, catalogue);
      expect(match.objective?.magnification, file).toBe(recorded.magnification);
      expect(match.evidence, file).toMatch(/^by magnification/);
    }
  });

  it('leaves each fixture unmatched, with the look-alikes as candidates, when the catalogue holds only look-alikes', () => {
    const catalogue = RECORDED.map(([, o], i) =>
      objective(`o${i}`, { ...o, na: (o.na ?? 1) + 0.05, name: `${o.name ?? ''} Korr` }),
    );
    for (const [file, recorded] of RECORDED) {
      const match = matchObjective(recorded, catalogue);
      expect(match.objective, file).toBeNull();
      expect(match.evidence, file).toMatch(/^not in the catalogue/);
      expect(match.candidates.length, file).toBeGreaterThan(0);
      expect(
        match.candidates.every((c) => c.magnification === recorded.magnification),
        file,
      ).toBe(true);
    }
  });

  it('shows two objectives that fit equally as candidates, never picks one', () => {
    const recorded = { magnification: 63, na: 1.4, immersion: 'Oil' };
    const twins = [objective('a', recorded, 'left turret'), objective('b', recorded, 'right turret')];
    expect(matchObjective(recorded, twins)).toMatchObject({
      objective: null,
      evidence: '2 objectives have magnification 63×, NA 1.4 and immersion Oil',
      candidates: twins,
    });
  });

  it('reads a facility’s catalogue: Mineral Oil is oil, and an objective whose NA differs is not taken', () => {
    const { description } = readInstrumentDescription(fixture('instruments/abif_axiovert1_.json'), 'abif.json');
    const components = description?.components ?? [];
    const czi = { name: 'Plan-Apochromat 63x/1.40 Oil DIC M27', magnification: 63, na: 1.4, immersion: 'Oil' };
    expect(matchObjective(czi, components)).toMatchObject({
      objective: { name: '63X PLAN APOCHROMAT, NA=1.40, OIL, DIC' },
      evidence: 'by magnification 63×, NA 1.4 and immersion Oil',
    });
    const hundred = matchObjective({ magnification: 100, na: 1.4, immersion: 'Oil' }, components);
    expect(hundred.objective).toBeNull();
    expect(hundred.candidates.map((c) => c.name)).toEqual(['100X PLAN APOCHROMAT, NA=1.40, OIL, DIC']);
  });

  it('unifies spellings, case, punctuation and trailing zeros in model names', () => {
    expect(normalisedObjectiveName('Plan-Apochromat 63x/1.40 Oil')).toBe(
      normalisedObjectiveName('PLAN APO 63×/1.4 oil'),
    );
    expect(normalisedObjectiveName('HC PL APO CS2    63x/1.30 GLYC')).toBe('hcplapocs263x1.3glyc');
    expect(normalisedObjectiveName('Plan Apo λ 60x')).not.toBe(normalisedObjectiveName('Plan Apo 60x'));
  });
});
