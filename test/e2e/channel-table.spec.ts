/**
 * The channel table of a dataset as a person meets it: drafted from the channels the image
 * files record, checked as it is typed, saved as `acqmeta.channels.csv` beside the images, read
 * back, and taken back by Undo like any edit. The images are a real ND2 file (two copies), and
 * where the images disagree, an OIB file beside them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { openChannelTable } from './support/channel-table-page';
import { EditorPage } from './support/editor-page';

const ND2 = readFileSync(new URL('../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
const IMAGES = ['raw/run-a.nd2', 'raw/run-b.nd2'];
const CSV = 'raw/acqmeta.channels.csv';

test.use({ extraFiles: Object.fromEntries(IMAGES.map((name) => [name, ND2])) });

test('a drafted table is checked, saved, read back and undone', async ({ app }) => {
  const page = app.page;
  let dialog = await openChannelTable(page, IMAGES[0]!);
  await expect(dialog).toContainText('Drafted from the headers of 2 images: complete it.');
  await expect(dialog).toContainText(`Saving creates ${CSV}.`);
  await expect(dialog).not.toContainText('different channels');
  await expect(dialog.getByLabel('Channel Name, channel 1')).toHaveValue('5-FAM/pH 9.0');
  await expect(dialog.getByLabel('Channel Name, channel 2')).toHaveValue('FM 4-64/2% CHAPS');

  const rrid = dialog.getByLabel('RRID identifier, channel 1');
  const save = dialog.getByRole('button', { name: 'Save' });
  await rrid.fill('AB_2336915');
  const problem = 'Row 1: RRID identifier “AB_2336915” is not of the form RRID:AB_ followed by digits';
  await expect(dialog.getByRole('list', { name: 'Problems' })).toHaveText(problem);
  await expect(rrid).toHaveAttribute('aria-invalid', 'true');
  await expect(rrid).toHaveAccessibleDescription(problem);
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(`To save, fix ${problem}.`);

  await rrid.fill('RRID:AB_2336915');
  await dialog.getByLabel('Target Name, channel 1').fill('DNA');
  await expect(dialog.getByRole('list', { name: 'Problems' })).toBeHidden();
  await expect(rrid).not.toHaveAttribute('aria-invalid');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Saved ${CSV}.`)).toBeVisible();
  const bytes = readFileSync(app.file(CSV), 'utf8');
  expect(bytes).toBe(
    'Channel ID,Channel Name,Target Name,Antibody Name,RRID identifier,Fluorophore,Clone,Lot,Vendor,' +
      'Catalog Number,Excitation Wavelength,Emission Wavelength\r\n' +
      'Channel:0:0,5-FAM/pH 9.0,DNA,,RRID:AB_2336915,,,,,,488,525\r\n' +
      'Channel:0:1,FM 4-64/2% CHAPS,,,,,,,,,561,700\r\n',
  );

  dialog = await openChannelTable(page, IMAGES[1]!);
  await expect(dialog).toContainText(`From ${CSV}.`);
  await expect(dialog.getByLabel('RRID identifier, channel 1')).toHaveValue('RRID:AB_2336915');
  await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAccessibleDescription(
    `Nothing changed from ${CSV}.`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await new EditorPage(page).grid.focus();
  await expect(page.getByRole('button', { name: 'Undo Channel table of raw' })).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('button', { name: 'Redo Channel table of raw' })).toBeEnabled();
  expect(existsSync(app.file(CSV))).toBe(false);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(page.getByRole('button', { name: 'Undo Channel table of raw' })).toBeEnabled();
  expect(readFileSync(app.file(CSV), 'utf8')).toBe(bytes);
});

test('a table written by another program meanwhile is not overwritten, and the grid is kept', async ({ app }) => {
  const dialog = await openChannelTable(app.page, IMAGES[0]!);
  await dialog.getByLabel('Target Name, channel 2').fill('membranes');
  const theirs = 'Channel ID,Channel Name\r\nChannel:0:0,Hoechst\r\nChannel:0:1,mCherry\r\n';
  writeFileSync(app.file(CSV), theirs);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('was changed by another program');
  await expect(dialog.getByLabel('Target Name, channel 2')).toHaveValue('membranes');
  expect(readFileSync(app.file(CSV), 'utf8')).toBe(theirs);
  await dialog.getByRole('button', { name: 'Reload the table on disk' }).click();
  await expect(dialog.getByLabel('Channel Name, channel 1')).toHaveValue('Hoechst');
  await expect(dialog).toContainText(`From ${CSV}.`);
});

test('undo after a colleague added a row asks first, and keep theirs keeps their bytes', async ({ app }) => {
  const page = app.page;
  let dialog = await openChannelTable(page, IMAGES[0]!);
  await dialog.getByLabel('Target Name, channel 1').fill('DNA');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const theirs = `${readFileSync(app.file(CSV), 'utf8')}Channel:0:2,Cy5,tubulin,,,,,,,,640,670\r\n`;
  writeFileSync(app.file(CSV), theirs);
  dialog = await openChannelTable(page, IMAGES[1]!);
  await expect(dialog.getByLabel('Channel Name, channel 3')).toHaveValue('Cy5');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Undo Channel table of raw' }).click();
  const choice = page.getByRole('dialog', { name: `${CSV} changed on disk` });
  await expect(choice).toContainText('Undo would remove the file, and their version with it.');
  await expect(choice).toContainText('Their change since AcqMeta wrote it: rows 1 added (Channel:0:2).');
  const rows = choice.getByRole('table', { name: /^Their rows undo would remove or replace/ });
  await expect(rows).toHaveAccessibleName(
    'Their rows undo would remove or replace: Channel:0:0, Channel:0:1, Channel:0:2',
  );
  await expect(rows.getByRole('row', { name: /Channel:0:2/ })).toContainText('Cy5, tubulin, 640, 670');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/screens/${scheme}-channel-table-undo-conflict.png` });
  }
  await choice.getByRole('button', { name: 'Keep theirs, drop the undo step' }).click();
  await expect(choice).toBeHidden();
  await expect(page.getByText('Kept their version of the channel table of raw')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo Channel table of raw' })).toHaveCount(0);
  expect(readFileSync(app.file(CSV), 'utf8')).toBe(theirs);

  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  const writes = timeline.getByRole('table', { name: 'Channel tables written, newest first' });
  await expect(writes.getByRole('row')).toHaveCount(2);
  await expect(writes.getByRole('row', { name: /Channel table of raw/ })).toContainText(
    `${CSV} · AcqMetacreated: rows 2 added (Channel:0:0, Channel:0:1)`,
  );
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/screens/light-channel-table-timeline.png' });
});

test('the Channel ID column stays in view beside the channel numbers as the grid scrolls sideways', async ({ app }) => {
  const dialog = await openChannelTable(app.page, IMAGES[0]!);
  const grid = dialog.getByRole('group', { name: 'Channels, one row each' });
  await grid.evaluate((element) => {
    const scroller = element as unknown as { scrollLeft: number; scrollWidth: number };
    scroller.scrollLeft = scroller.scrollWidth;
  });
  await expect(dialog.getByLabel('Emission Wavelength, channel 1')).toBeInViewport();
  const id = dialog.getByLabel('Channel ID, channel 1');
  await expect(id).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByLabel('Channel Name, channel 1')).not.toBeInViewport({ ratio: 1 });
  // right after the remove buttons, not under them
  const remove = await dialog.getByRole('button', { name: 'Remove channel 1' }).locator('..').boundingBox();
  const cell = await id.locator('..').boundingBox();
  expect(Math.round(cell!.x)).toBe(Math.round(remove!.x + remove!.width));
  await app.page.screenshot({ path: 'test-results/screens/light-channel-grid-scrolled.png' });
});

test.describe('images that record different channels', () => {
  const OIB = readFileSync(new URL('../fixtures/formats/oib/oiffile_test.oib', import.meta.url));
  test.use({ extraFiles: { [IMAGES[0]!]: ND2, [IMAGES[1]!]: ND2, 'raw/scope.oib': OIB } });

  test('the dialog names each group, starts from the largest and drafts from the one picked', async ({ app }) => {
    const page = app.page;
    const dialog = await openChannelTable(page, IMAGES[0]!);
    const groups = dialog.getByRole('group', { name: 'Start the draft from:' });
    await expect(dialog).toContainText('The images record different channels: one table does not fit them all');
    const nd2 = groups.getByRole('radio', {
      name: '2 channels (5-FAM/pH 9.0, FM 4-64/2% CHAPS) in 2 images, the first raw/run-a.nd2',
    });
    const oib = groups.getByRole('radio', { name: '3 channels (CH1, CH2, TD1) in 1 image, the first raw/scope.oib' });
    await expect(nd2).toBeChecked();
    await expect(oib).not.toBeChecked();
    await expect(dialog.getByLabel('Channel Name, channel 2')).toHaveValue('FM 4-64/2% CHAPS');
    await page.screenshot({ path: 'test-results/screens/channel-table-groups.png' });

    await oib.check();
    await expect(dialog.getByLabel('Channel Name, channel 3')).toHaveValue('TD1');
    await expect(dialog.getByLabel('Fluorophore, channel 2')).toHaveValue('Alexa Fluor 546');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(readFileSync(app.file(CSV), 'utf8')).toBe(
      'Channel ID,Channel Name,Target Name,Antibody Name,RRID identifier,Fluorophore,Clone,Lot,Vendor,' +
        'Catalog Number,Excitation Wavelength,Emission Wavelength\r\n' +
        'Channel:0:0,CH1,,,,,,,,,488,\r\n' +
        'Channel:0:1,CH2,,,,Alexa Fluor 546,,,,,543,572\r\n' +
        'Channel:0:2,TD1,,,,,,,,,543,\r\n',
    );
  });
});
