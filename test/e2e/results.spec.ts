/**
 * What CloudScope measured: the ROI list and the ROIs over the preview select each other, the
 * analyses show their values as written, result columns sort the folder, and the Results
 * dialog pools a value by group and exports the results table.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const LS1 = 'linescans/ls_01.tif';
const LS2 = 'linescans/ls_02.tif';
const LS3 = 'linescans/ls_03.tif';

test('the ROI list and the ROIs on the preview select each other; unknown types show their raw data', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(LS1);
  const list = editor.panel().getByRole('list', { name: 'ROIs' });
  const listed = (name: string) => list.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  const drawn = (name: string) => editor.panel().getByRole('button', { name: `${name} on the image` });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  await expect(list.getByRole('listitem').nth(1)).toContainText('Columns7–12 (5 px = 1.5535 µm)');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Rows0–3000 (3,000 px = 2.85 s)');
  await expect(list.getByRole('listitem').nth(1)).toContainText('branch point µ-vessel');

  await listed('ROI 2').click();
  await expect(listed('ROI 2')).toHaveAttribute('aria-pressed', 'true');
  await expect(drawn('ROI 2')).toHaveAttribute('aria-pressed', 'true');
  await expect(drawn('ROI 1')).toHaveAttribute('aria-pressed', 'false');

  await drawn('ROI 4').click();
  await expect(listed('ROI 4')).toHaveAttribute('aria-pressed', 'true');
  await expect(listed('ROI 2')).toHaveAttribute('aria-pressed', 'false');
  await expect(drawn('ROI 4')).toHaveAttribute('aria-pressed', 'true');
  await drawn('ROI 5').click();
  await expect(listed('ROI 5')).toHaveAttribute('aria-pressed', 'true');

  const unknown = list.getByRole('listitem').filter({ hasText: 'polygonroi' });
  await expect(unknown.getByRole('button', { name: /^ROI 6/ })).toBeDisabled();
  await expect(drawn('ROI 6')).toHaveCount(0);
  await unknown.getByText(/unknown type/).click();
  await expect(unknown.locator('pre')).toContainText('"points": [');
  await expect(unknown.locator('pre')).toContainText('"roi_type": "polygonroi"');

  await editor.select(LS3);
  await expect(list.getByRole('listitem').first()).toContainText('Columns1–6 (5 px)');
  await expect(list).not.toContainText('µm');
});

test('the analyses show each record with NaN and Infinity as such, units from the names, parameters folded away', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(LS1);
  const block = (name: string) => editor.panel().getByRole('article', { name });
  const row = (name: string, key: string) => block(name).getByRole('row', { name: new RegExp(`^${key} `) });
  await expect(editor.panel().getByRole('article')).toHaveCount(8);
  await expect(row('radon_velocity, ROI 3', 'velocity_mean')).toHaveText(/^velocity_mean\s*NaN$/);
  await expect(row('radon_velocity, ROI 1', 'velocity_mean')).toHaveText(/^velocity_mean\s*1\.74263643202636$/);
  await expect(row('diameter, ROI 1', 'diameter_um_mean')).toHaveText(/^diameter_um_mean\s*3\.007982374069555\s*µm$/);
  await expect(row('diameter, ROI 1', 'diameter_um_cv')).toHaveText(/^diameter_um_cv\s*0\.06497503584864424$/);

  const params = block('diameter, ROI 1').getByRole('row', { name: /^enable_motion_gating/ });
  await expect(params).toBeHidden();
  await block('diameter, ROI 1').locator('summary', { hasText: 'Detection parameters' }).click();
  await expect(params).toHaveText(/^enable_motion_gating\s*true$/);

  await block('radon_velocity, ROI 2').getByRole('button', { name: 'ROI 2' }).click();
  await expect(editor.panel().getByRole('button', { name: 'ROI 2 on the image' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await editor.select(LS2);
  await expect(row('radon_velocity, ROI 2', 'velocity_cv')).toHaveText(/^velocity_cv\s*Infinity$/);
});

test('a result column from the column chooser sorts and filters the folder', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const columns = app.page.getByRole('button', { name: 'Columns', exact: true });
  await columns.click();
  await app.page.getByRole('checkbox', { name: 'radon_velocity · velocity_mean, ROI 1' }).check();
  await app.page.getByRole('checkbox', { name: 'radon_velocity · velocity_mean, ROI 3' }).check();
  await columns.click();
  const header = editor.grid.getByRole('columnheader', { name: 'velocity_mean · ROI 1' });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect((await editor.shownPaths()).slice(0, 3)).toEqual([LS3, LS1, LS2]);
  await expect(editor.row(LS1)).toContainText('1.74264');
  await header.click();
  expect((await editor.shownPaths()).slice(0, 3)).toEqual([LS2, LS1, LS3]);
  await expect(editor.row(LS1)).toContainText('NaN');

  await editor.filter.fill('1.74264');
  await expect.poll(() => editor.shownPaths()).toEqual([LS1]);
  await editor.filter.fill('nan');
  await expect.poll(() => editor.shownPaths()).toEqual([LS1, LS3, 'cells/multi-channel.ome.tif']);
});

test('Export results downloads the table of the selection or of the folder', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(LS2);
  await editor.row(LS3).click({ modifiers: ['ControlOrMeta'] });
  await app.page.getByRole('button', { name: 'Results…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Results' });
  await expect(dialog.getByRole('radio', { name: 'Selected images (2)' })).toBeChecked();

  const [csv] = await Promise.all([
    app.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/-results\.csv$/);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  const header = (lines[0] ?? '').split(',');
  const records = lines
    .slice(1, -1)
    .map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])));
  expect(records).toHaveLength(16);
  expect(records.map((r) => r.path)).toEqual([...Array(8).fill(LS2), ...Array(8).fill(LS3)]);
  expect(records[2]).toMatchObject({
    genotype: 'APP/PS1',
    analysis: 'radon_velocity',
    roi_id: '2',
    velocity_cv: 'inf',
    velocity_mean: '1.6785429775851357',
  });
  expect(records[15]).toMatchObject({
    analysis: 'diameter',
    roi_id: '4',
    diameter_um_cv: '',
    diameter_um_mean: '4.277043168935755',
    num_qc_edge_violations: '',
  });

  await dialog.getByRole('radio', { name: 'All images in the folder' }).check();
  const [tsv] = await Promise.all([
    app.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export TSV' }).click(),
  ]);
  expect(tsv.suggestedFilename()).toMatch(/-results\.tsv$/);
  const rows = readFileSync(await tsv.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(rows).toHaveLength(1 + 1 + 3 * 8);
  expect(rows[1]?.split('\t')[0]).toBe('cells/multi-channel.ome.tif');

  const [xlsx] = await Promise.all([
    app.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/-results\.xlsx$/);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

test('the results summary gives n, mean, median and SD per group of the selection', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(LS1);
  await editor.row(LS3).click({ modifiers: ['Shift'] });
  await app.page.getByRole('button', { name: 'Results…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Results' });
  await expect(dialog.getByRole('radio', { name: 'Selected images (3)' })).toBeChecked();
  await dialog.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
  await dialog.getByLabel('Group by').selectOption({ label: 'Genotype' });
  const table = dialog.getByRole('table', { name: /velocity_mean by genotype/ });
  await expect(table.getByRole('row')).toHaveText([
    /^Genotype\s*n\s*Mean\s*Median\s*SD$/,
    /^APP\/PS1\s*4 ROIs\s*1\.960\s*1\.848\s*0\.3575$/,
    /^WT\s*7 ROIs\s*1\.640\s*1\.587\s*0\.4746$/,
  ]);
  await expect(table.getByRole('cell', { name: '1.640' })).toHaveAttribute('title', /^1\.6399\d+$/);
  await expect(dialog).toContainText('1 record with NaN or Infinity left out.');
  await expect(
    dialog.getByRole('img', { name: /Strip plot of velocity_mean by genotype/ }).locator('circle'),
  ).toHaveCount(11);

  await dialog.getByLabel('ROI', { exact: true }).selectOption({ label: 'ROI 2' });
  await expect(table.getByRole('row').nth(2)).toHaveText(/^WT\s*2 ROIs\s*1\.674\s*1\.674\s*1\.063$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the results summary averages per image, or per animal by a field, before n, mean, median and SD', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(LS1);
  await editor.row(LS3).click({ modifiers: ['Shift'] });
  await app.page.getByRole('button', { name: 'Results…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Results' });
  await dialog.getByLabel('Result').selectOption({ label: 'radon_velocity · velocity_mean' });
  const each = dialog.getByRole('group', { name: 'Each value is' });
  await expect(each.getByRole('radio', { name: 'an ROI' })).toBeChecked();

  await each.getByRole('radio', { name: 'an image’s mean' }).check();
  const table = dialog.getByRole('table', { name: /velocity_mean by genotype, each value an image’s mean/ });
  // WT: ls_01's three finite ROIs and ls_03's four are averaged first (1.918 and 1.431)
  await expect(table.getByRole('row')).toHaveText([
    /^Genotype\s*n\s*Mean\s*Median\s*SD$/,
    /^APP\/PS1\s*1 image\s*1\.960\s*1\.960\s*—$/,
    /^WT\s*2 images\s*1\.675\s*1\.675\s*0\.3444$/,
  ]);
  await expect(dialog).toContainText('The ROIs of each image are averaged first; n counts images.');
  await expect(dialog).toContainText('1 record with NaN or Infinity left out.');
  await expect(
    dialog.getByRole('img', { name: /Strip plot of velocity_mean by genotype/ }).locator('circle'),
  ).toHaveCount(3);

  await each.getByRole('radio', { name: /an animal’s mean/ }).check();
  await expect(dialog.getByText('Choose the field that names each image’s animal.')).toBeVisible();
  await expect(dialog.getByRole('table')).toHaveCount(0);
  // The three line scans were taken on one day: by date, each genotype is one animal
  await each.getByLabel('Field that names the animal').selectOption({ label: 'Date' });
  await expect(dialog.getByRole('table').getByRole('row')).toHaveText([
    /^Genotype\s*n\s*Mean\s*Median\s*SD$/,
    /^APP\/PS1\s*1 animal\s*1\.960\s*1\.960\s*—$/,
    /^WT\s*1 animal\s*1\.675\s*1\.675\s*—$/,
  ]);
  await expect(dialog).toContainText('then the images of each animal (by Date); n counts animals.');

  await each.getByLabel('Field that names the animal').selectOption({ label: 'Sex' });
  await expect(dialog).toContainText('3 images without a Sex left out.');
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(1);

  await each.getByRole('radio', { name: 'an ROI' }).check();
  await expect(dialog.getByRole('table').getByRole('row').nth(2)).toHaveText(/^WT\s*7 ROIs\s*/);

  // Figures in the result's unit, where its name gives one
  await dialog.getByLabel('Result').selectOption({ label: 'diameter · diameter_um_mean' });
  await expect(dialog.getByRole('table').getByRole('row').first()).toHaveText(
    /^Genotype\s*n\s*Mean \(µm\)\s*Median \(µm\)\s*SD \(µm\)$/,
  );
});
