/**
 * Nothing is lost: conflicts ask before overwriting, corrupt sidecars are shown and left alone,
 * hostile TIFFs are one row with an error.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test, expect, type AppFixture } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

/**
 * Types a genotype for the blobs stack while another program changes its species on disk,
 * then saves: the save meets a conflict. Returns what the other program wrote.
 */
async function saveAfterTheirChange(app: AppFixture) {
  const editor = new EditorPage(app.page);
  const sidecar = app.file(`${BLOBS}.json`);
  await editor.select(BLOBS);
  await editor.type('Genotype', 'WT');
  const theirs = readFileSync(sidecar, 'utf8').replace('"species": "rat"', '"species": "mouse"');
  writeFileSync(sidecar, theirs);
  await editor.save();
  return { editor, sidecar, theirs };
}

test('a sidecar changed on disk since it was read asks before overwriting', async ({ app }) => {
  const { editor, sidecar, theirs } = await saveAfterTheirChange(app);
  const dialog = app.page.getByRole('dialog');
  await expect(dialog).toContainText('_blobs_3d_fiji_skeleton.tif');
  // Field by field: where both started, theirs, mine, and what each field keeps (mine by default).
  await expect(dialog.getByRole('row', { name: /^Genotype/ })).toHaveText(
    /Genotype\s*\(empty\)\s*—\s*WT\s*mine\s*theirs/,
  );
  await expect(dialog.getByRole('radiogroup', { name: 'Genotype: keep' }).getByLabel('mine')).toBeChecked();
  await expect(dialog.getByRole('row', { name: /^Species/ })).toHaveText(
    /Species\s*rat\s*mouse\s*—\s*theirs \(mouse\)/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(readFileSync(sidecar, 'utf8')).toBe(theirs);
  await expect(editor.field('Genotype')).toHaveValue('WT');

  await editor.save();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(editor.row(BLOBS)).toContainText('Saved');
  const mine = readFileSync(sidecar, 'utf8');
  // Only my edit is written over their file: their species stays.
  expect(mine).toBe(theirs.replace('"genotype": "",', '"genotype": "WT",'));
});

test('"Reload theirs" drops my edit and shows what is on disk', async ({ app }) => {
  const { editor, sidecar, theirs } = await saveAfterTheirChange(app);
  await app.page.getByRole('dialog').getByRole('button', { name: 'Reload theirs' }).click();
  await expect(editor.field('Species')).toHaveValue('mouse');
  await expect(editor.field('Genotype')).toHaveValue('');
  expect(readFileSync(sidecar, 'utf8')).toBe(theirs);
});

test('a corrupt sidecar is shown as such and never overwritten', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const corrupt = app.file('stacks/stuck.tif.json');
  const before = readFileSync(corrupt, 'utf8');
  await editor.select('stacks/stuck.tif');
  await expect(app.page.getByText(/not valid JSON/i).first()).toBeVisible();
  // Its fields are not offered for editing: the panel shows what can still be read, read-only.
  await expect(editor.panel().getByRole('region', { name: 'Sidecar file text' })).toBeVisible();
  await expect(editor.field('Species')).toHaveCount(0);
  await app.page.keyboard.press('ControlOrMeta+a');
  await editor.type('Condition', 'bulk');
  await editor.saveReviewed(6);
  await expect(editor.row(BLOBS)).toContainText('Saved');
  await expect(editor.row(BLOBS)).not.toContainText(/unsaved/i);
  expect(readFileSync(corrupt, 'utf8')).toBe(before);
  expect(readFileSync(app.file('chessboard_GRAY_U16.tif.json'), 'utf8')).not.toContain('bulk');
});

test('a hostile TIFF is one row with an error and the app keeps working', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select('hostile/test_ifd_loop_to_self.tif');
  await expect(app.page.getByText(/IFD loop/i).first()).toBeVisible();
  await editor.select(BLOBS);
  await expect(editor.field('Species')).toHaveValue('rat');
});

test('keyboard: arrows move through the table and the panel follows', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const paths = await editor.shownPaths();
  await editor.select(paths[0]!);
  await app.page.keyboard.press('ArrowDown');
  await expect(editor.row(paths[1]!)).toHaveAttribute('aria-selected', 'true');
  await expect(editor.row(paths[0]!)).toHaveAttribute('aria-selected', 'false');
  await expect(editor.panel().getByRole('heading', { level: 2 })).toHaveText(paths[1]!.split('/').pop()!);
});

test('keyboard only: Tab reaches the table, Up reaches the column headers to sort, Tab goes on to the fields', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const keys = async (...names: string[]) => {
    for (const name of names) await app.page.keyboard.press(name);
  };
  await editor.filter.focus();
  // The filter's help, the four quick filters and Columns (the table's own toolbar), then the table.
  await keys('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
  await expect(editor.grid).toBeFocused();
  const [first, second] = await editor.shownPaths();
  await keys('ArrowDown', 'ArrowDown');
  await expect(editor.row(second!)).toHaveAttribute('aria-selected', 'true');
  await keys('ArrowUp');
  await expect(editor.row(first!)).toHaveAttribute('aria-selected', 'true');

  await keys('ArrowUp', 'ArrowRight');
  const sidecarHeader = editor.grid.getByRole('columnheader', { name: 'Sidecar' });
  await expect(sidecarHeader.getByRole('button')).toBeFocused();
  await keys('Enter');
  await expect(sidecarHeader).toHaveAttribute('aria-sort', 'ascending');
  await keys('ArrowDown');
  await expect(editor.grid).toBeFocused();

  // On through the panel (splitter, header, calibration, ...) to the first Animal field.
  const species = editor.field('Species');
  // Runs in the page; typed structurally because the Node-side project has no DOM types.
  const focused = () =>
    species.evaluate((input) => (input as unknown as { matches(selector: string): boolean }).matches(':focus'));
  for (let tabs = 0; tabs < 20 && !(await focused()); tabs++) await keys('Tab');
  await expect(species).toBeFocused();
  const stored = await species.inputValue();
  await app.page.keyboard.type('rat');
  await expect(editor.row(first!)).toContainText(/unsaved/i);
  await keys('Escape');
  await expect(species).toHaveValue(stored);
  await expect(editor.row(first!)).not.toContainText(/unsaved/i);
});

test('a save that fails for some files names each and why, keeps their edits, and retries them', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const ome = 'cells/multi-channel.ome.tif';
  await editor.select(ome);
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await editor.type('Region', 'CA1');
  const image = readFileSync(app.file(BLOBS));
  rmSync(app.file(BLOBS));
  await editor.save();
  await editor.review().getByRole('button', { name: 'Save 2 files' }).click();
  const report = app.page.getByRole('dialog', { name: '1 file could not be saved' });
  await expect(report).toContainText('1 file saved.');
  await expect(report).toContainText(`${BLOBS} — the image is gone`);
  // its edits are kept: Unsaved, or Deleted on disk once the folder watch has seen the image go
  await expect(editor.row(BLOBS)).toContainText(/unsaved|deleted on disk/i);
  expect(readFileSync(app.file(`${ome}.json`), 'utf8')).toContain('"region": "CA1"');

  writeFileSync(app.file(BLOBS), image);
  await report.getByRole('button', { name: 'Retry 1 failed file' }).click();
  await expect(report).toBeHidden();
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toContain('"region": "CA1"');
});
