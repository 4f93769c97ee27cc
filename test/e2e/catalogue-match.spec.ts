/**
 * The Acquisition section of an image matched to the lab's microscope catalogue
 * (`acqmeta.instruments/`), screenshot in the light theme (test-results/screens/
 * catalogue-match-light.png): a real Nikon ND2 file against a catalogue of two microscopes, one
 * of them its own, described in the Micro-Meta App's format. Its objective and first channel
 * match; its second channel's 561 nm line is not in the catalogue; its pixel size does not fit
 * the catalogued camera. The assertions check the words shown. Then the table's catalogue
 * column and the `objective:` and `instrument:` filters over the whole e2e folder.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { box, expectLines, fold, widestPanel } from './support/screen-shots';

const SHOTS = 'test-results/screens';
const ND2 = readFileSync(new URL('../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
const IMAGE = 'raw/run-a.nd2';

const component = (Schema_ID: string, ID: string, Name: string, rest: object) => ({ Schema_ID, ID, Name, ...rest });

/** A Micro-Meta App description of a microscope: its stand and its components. */
const instrument = (ID: string, Name: string, [Manufacturer, Model]: [string, string], components: object[]) => ({
  Schema_ID: 'Instrument.json',
  ID,
  Name,
  MicroscopeStand: { Schema_ID: 'InvertedMicroscopeStand.json', Manufacturer, Model },
  components,
});

/** The widefield microscope the ND2 was taken on, as a facility would describe it. */
const TI = instrument(
  'ti',
  'Widefield Ti (room 2.14)',
  ['Nikon', 'Nikon Ti'],
  [
    component('Objective.json', 'ti-o1', 'Ti obj 1', { Model: 'Plan Apo λ 60x', Magnification: 60, LensNA: 0.95 }),
    component('Objective.json', 'ti-o2', 'Ti obj 2', { Model: 'Plan Apo VC 60x Oil', Magnification: 60, LensNA: 1.4 }),
    component('Objective.json', 'ti-o3', 'Ti obj 3', { Model: 'Plan Fluor 20x', Magnification: 20, LensNA: 0.5 }),
    component('Fluorescence_LightSource_Laser.json', 'ti-l488', '488 nm laser', { Wavelength: 488 }),
    component('Fluorescence_LightSource_Laser.json', 'ti-l640', '640 nm laser', { Wavelength: 640 }),
    component('EmissionFilter.json', 'ti-f525', 'ET525/50m', {
      TransmittanceRange: [{ Wavelength: 525, FWHMBandwidth: 50 }],
    }),
    component('EmissionFilter.json', 'ti-f700', 'ET700/75m', {
      TransmittanceRange: [{ Wavelength: 700, FWHMBandwidth: 75 }],
    }),
    component('sCMOS.json', 'ti-cam', 'Zyla 4.2', { PixelWidth: 6.5, PixelWidthUnit: 'µm' }),
  ],
);

/** Another microscope of the facility. */
const LSM = instrument(
  'lsm',
  'LSM880',
  ['Zeiss', 'LSM 880'],
  [component('Objective.json', 'lsm-o3', 'LSM880 obj 3', { Model: 'Plan-Apochromat 63x/1.4 Oil', Magnification: 63 })],
);

test.use({
  extraFiles: {
    [IMAGE]: ND2,
    'acqmeta.instruments/widefield-ti.json': JSON.stringify(TI),
    'acqmeta.instruments/lsm880.json': JSON.stringify(LSM),
  },
});

test('the Acquisition section says what the image matched in the lab’s catalogue, and by what', async ({ app }) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 1200 });
  await editor.select(IMAGE);
  // the widest panel, and the sections above folded: the whole Acquisition section on screen
  await widestPanel(page);
  await fold(page, 'Preview');
  await fold(page, 'Header');
  const section = page.getByRole('region', { name: 'Acquisition' });
  const catalogue = section.getByRole('group', { name: 'In the lab’s catalogue' });
  await expect(catalogue).toBeVisible();
  await expectLines(catalogue, [
    ['Microscope', 'Widefield Ti (room 2.14) — by the model the file names (Nikon Ti)'],
    ['Objective', 'Ti obj 1 — by model name'],
    ['Light source ch 1', '488 nm laser — a line within 2 nm of the excitation 488 nm'],
    ['Light source ch 2', 'not in the catalogue no light source has a line at 561 nm Add to catalogue…'],
    ['Emission filter ch 1', 'ET525/50m — its band holds the emission 525 nm'],
    ['Emission filter ch 2', 'ET700/75m — its band holds the emission 700 nm'],
  ]);
  await expect(catalogue.locator('.callout-warning')).toContainText(
    "the recorded pixel size 0.1678 µm is 55% off the 0.1083 µm that the camera's 6.5 µm pixel ÷ 60× gives",
  );
  const panel = await box(editor.panel());
  const shown = await box(section);
  const bottom = shown.y + shown.height + 4;
  expect(bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
  await page.screenshot({
    path: `${SHOTS}/catalogue-match-light.png`,
    clip: { x: panel.x, y: shown.y, width: panel.width, height: bottom - shown.y },
  });

  // the part not in the catalogue offers to add it: the editor opens with the header's draft
  await catalogue.getByRole('button', { name: 'Add to catalogue: Light source, channel 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Instrument catalogue' });
  await expect(dialog.getByRole('tablist', { name: 'Microscopes' }).getByRole('tab')).toHaveText([
    'LSM880',
    'Widefield Ti (room 2.14)',
  ]);
  await expect(dialog.getByRole('group', { name: `The header of ${IMAGE} records` })).toBeVisible();

  // a component renamed and saved: the panel's match and the table's column show the new name
  await dialog.getByRole('tab', { name: 'Widefield Ti (room 2.14)' }).click();
  await dialog.getByLabel('Name, Ti obj 1').fill('Ti objective one');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expectLines(catalogue, [['Objective', 'Ti objective one — by model name']]);
  await app.page.getByRole('button', { name: 'Columns' }).click();
  await app.page
    .getByRole('group', { name: 'Lab catalogue' })
    .getByRole('checkbox', { name: 'Objective in the lab’s catalogue' })
    .check();
  await app.page.keyboard.press('Escape');
  await expect(editor.row(IMAGE)).toContainText('Ti objective one');
});

test('the catalogue columns, and the filters by what the catalogue matched', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await app.page.getByRole('button', { name: 'Columns' }).click();
  const group = app.page.getByRole('group', { name: 'Lab catalogue' });
  await group.getByRole('checkbox', { name: 'Objective in the lab’s catalogue' }).check();
  await app.page.keyboard.press('Escape');
  await expect(editor.grid.getByRole('columnheader', { name: 'Catalogue objective' })).toBeVisible();
  await expect(editor.row(IMAGE)).toContainText('Ti obj 1');
  await editor.filter.fill('objective:"ti obj"');
  await expect.poll(() => editor.shownPaths()).toEqual([IMAGE]);
  await editor.filter.fill('instrument:none');
  await expect.poll(() => editor.shownPaths()).not.toContain(IMAGE);
  await expect(editor.bodyRows()).toHaveCount(9);
  await editor.filter.fill('-objective:none');
  await expect.poll(() => editor.shownPaths()).toEqual([IMAGE]);
});
