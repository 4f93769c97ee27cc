/**
 * The Acquisition section's catalogue lines for detectors and the lab's rule: a real Leica LIF
 * (two channels recorded by "HyD 1" and "HyD 3") under a profile whose `x-microscope` names the
 * facility's SP8 by its file name. The microscope shows as matched by the rule, each channel's
 * detector as the microscope's only HyD; the assertions check the words shown.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { expectLines, fold, widestPanel } from './support/screen-shots';

const LIF = readFileSync(new URL('../fixtures/formats/lif/readlif_testdata_2channel_xz.lif', import.meta.url));
const IMAGE = 'sp8/xz.lif';

/** The facility's SP8 as a Micro-Meta App description: one HyD, two PMTs, its 63× glycerol objective. */
const SP8 = {
  Schema_ID: 'Instrument.json',
  ID: 'sp8',
  Name: 'SP8 confocal',
  MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer: 'Leica', Model: 'TCS SP8' },
  components: [
    {
      Schema_ID: 'Objective.json',
      ID: 'o63',
      Name: 'SP8 63x glyc',
      Magnification: 63,
      LensNA: 1.3,
      ImmersionType: 'Glycerol',
    },
    { Schema_ID: 'HyD.json', ID: 'hyd', Name: 'HyD SMD', Model: 'HyD SMD' },
    { Schema_ID: 'PMT.json', ID: 'pmt1', Name: 'PMT 1' },
    { Schema_ID: 'PMT.json', ID: 'pmt2', Name: 'PMT 2' },
  ],
};

test.use({
  extraFiles: {
    [IMAGE]: LIF,
    'sp8/acqmeta.profile.json': JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      'x-microscope': 'sp8',
    }),
    'acqmeta.instruments/sp8.json': JSON.stringify(SP8),
  },
});

test('the catalogue lines name each channel’s detector and the microscope the lab’s rule names', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await page.setViewportSize({ width: 1440, height: 1200 });
  await editor.select(IMAGE);
  await widestPanel(page);
  await fold(page, 'Preview');
  await fold(page, 'Header');
  const section = page.getByRole('region', { name: 'Acquisition' });
  await expect(section).toContainText('detector HyD 1 (HyD)');
  const catalogue = section.getByRole('group', { name: 'In the lab’s catalogue' });
  await expectLines(catalogue, [
    ['Microscope', "SP8 confocal — by the lab's rule in sp8/acqmeta.profile.json"],
    ['Objective', 'SP8 63x glyc — by magnification 63×, NA 1.3 and immersion GLYC'],
    ['Detector ch 1', "HyD SMD — the microscope's only HyD detector"],
    ['Detector ch 2', "HyD SMD — the microscope's only HyD detector"],
  ]);
  await expect(catalogue.locator('.callout-warning')).toHaveCount(0);
});
