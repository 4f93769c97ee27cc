/**
 * The everyday path: open a folder, find an image, edit it, save — and the bytes on disk are
 * what CloudScope would have written.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('lists every image of the folder and its subfolders with header and sidecar state', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await expect(editor.bodyRows()).toHaveCount(9);
  await expect(editor.row(OME)).toContainText('C:3');
  await expect(editor.row(OME)).toContainText('int8');
  await expect(editor.row(IMAGEJ)).toContainText(/none/i);
  await expect(editor.row('stacks/stuck.tif')).toContainText(/invalid/i);
  await expect(editor.row('chessboard_GRAY_U16.tif')).toContainText(/invalid/i);
  await expect(editor.row('hostile/test_ifd_loop_to_self.tif')).toContainText(/loop/i);
});

test('filters by file name and field value, and sorts by a column', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.filter.fill('thy1-gfp');
  await expect(editor.bodyRows()).toHaveCount(1);
  await expect(editor.row(OME)).toBeVisible();
  await editor.filter.fill('cells/');
  await expect(editor.bodyRows()).toHaveCount(2);
  await editor.filter.fill('');
  await app.page.getByRole('button', { name: /no sidecar/i }).click();
  expect((await editor.shownPaths()).sort()).toEqual([IMAGEJ, 'hostile/test_ifd_loop_to_self.tif']);
  await app.page.getByRole('button', { name: /no sidecar/i }).click();
  const pathHeader = editor.grid.getByRole('columnheader', { name: /path/i });
  await pathHeader.click();
  const ascending = await editor.shownPaths();
  await pathHeader.click();
  expect(await editor.shownPaths()).toEqual([...ascending].reverse());
});

test('editing one field and saving changes exactly that line on disk', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const before = readFileSync(app.file(`${OME}.json`), 'utf8');
  await editor.select(OME);
  await expect(editor.field('Species')).toHaveValue('mouse');
  await editor.type('Depth', '80');
  await expect(editor.row(OME)).toContainText(/unsaved/i);
  await editor.save();
  await expect(editor.row(OME)).toContainText('Saved');
  await expect(editor.row(OME)).not.toContainText(/unsaved/i);
  const after = readFileSync(app.file(`${OME}.json`), 'utf8');
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toEqual(['    "depth": 80.0,']);
  expect(after.length).toBe(before.length);
  expect(after.endsWith('}')).toBe(true);
});

test('an invalid value is explained under the field, cannot be saved, and the save names it and goes to it', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const before = readFileSync(app.file(`${BLOBS}.json`), 'utf8');
  await editor.select(BLOBS);
  await editor.type('Depth', 'abc');
  await expect(app.page.getByText('Depth: must be a number in µm (got "abc")', { exact: true })).toBeVisible();
  await expect(editor.field('Depth')).toHaveAttribute('aria-invalid', 'true');
  await editor.type('Branch order', '2.5');
  await expect(app.page.getByText('Branch order: must be a whole number (got 2.5)', { exact: true })).toBeVisible();
  await editor.select(OME);
  await editor.save();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Nothing can be saved yet');
  await expect(review).toContainText('Depth: must be a number in µm (got "abc")');
  await review.getByRole('button', { name: `${BLOBS} · Depth` }).click();
  await expect(review).toBeHidden();
  await expect(editor.field('Depth')).toBeFocused();
  await expect(editor.row(BLOBS)).toHaveAttribute('aria-selected', 'true');
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toBe(before);
  await editor.field('Depth').press('Escape');
  await expect(editor.field('Depth')).toHaveValue('120.5');
});

test('the message of a field at the bottom edge of the panel is scrolled into view', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  const branchOrder = editor.field('Branch order');
  await branchOrder.focus();
  // Scroll the panel so the field sits exactly on its bottom edge, as after scrolling with the wheel.
  await branchOrder.evaluate((input) => {
    type Box = {
      getBoundingClientRect(): { bottom: number };
      closest(selector: string): Box | null;
      scrollTop: number;
    };
    const field = input as unknown as Box;
    const panel = field.closest('.panel-scroll')!;
    panel.scrollTop += Math.ceil(field.getBoundingClientRect().bottom - panel.getBoundingClientRect().bottom) + 1;
  });
  await app.page.keyboard.press('End');
  await app.page.keyboard.type('.5');
  await expect(app.page.getByText('Branch order: must be a whole number (got 2.5)', { exact: true })).toBeInViewport({
    ratio: 1,
  });
});

test('each field fits its type: suggestions from the folder, numbers with their unit, a multi-line note', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  const species = editor.field('Species');
  await expect(species).toHaveRole('combobox');
  await expect(species).toHaveAttribute('title', 'Animal species (e.g., mouse, rat).');
  await species.focus(); // the suggestions are filled in while the field has the focus
  // Runs in the page; typed structurally because the Node-side project has no DOM types.
  type WithList = { list: { options: ArrayLike<{ value: string }> } | null };
  const suggested = await species.evaluate((input) =>
    Array.from((input as unknown as WithList).list?.options ?? [], (o) => o.value),
  );
  expect(suggested).toEqual(expect.arrayContaining(['mouse', 'rat']));
  await expect(editor.field('Depth')).toHaveAttribute('inputmode', 'decimal');
  await expect(editor.panel().getByText('µm', { exact: true })).toBeVisible();

  const note = editor.field('Note');
  await expect(note).toHaveJSProperty('tagName', 'TEXTAREA');
  await note.fill('bleached at t=3\nre-imaged');
  await editor.save();
  await expect(editor.row(BLOBS)).not.toContainText(/unsaved/i);
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toContain('\n    "note": "bleached at t=3\\nre-imaged",\n');
});

test('saving an image without a sidecar creates a complete CloudScope sidecar', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(IMAGEJ);
  await editor.type('Species', 'zebrafish');
  await editor.saveButton.click();
  await expect(editor.row(IMAGEJ)).not.toContainText(/unsaved|none/i);
  const text = readFileSync(app.file(`${IMAGEJ}.json`), 'utf8');
  const sidecar = JSON.parse(text);
  expect(sidecar.version).toBe(2);
  expect(sidecar.experiment_metadata.species).toBe('zebrafish');
  expect(Object.keys(sidecar.experiment_metadata)).toHaveLength(15);
  expect(sidecar.image_header_metadata.dtype).toBe('uint8');
  expect(text).toContain('\n  "version": 2\n}');
  expect(text.endsWith('}')).toBe(true);
});

test('many selected images are edited at once', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(OME);
  await editor.row(BLOBS).click({ modifiers: ['ControlOrMeta'] });
  await expect(app.page.getByText(/editing 2 images/i)).toBeVisible();
  await editor.type('Condition', 'KO');
  await editor.saveReviewed(2);
  await expect(editor.row(BLOBS)).not.toContainText(/unsaved/i);
  for (const image of [OME, BLOBS]) {
    const sidecar = readFileSync(app.file(`${image}.json`), 'utf8');
    expect(sidecar).toContain('"condition": "KO",');
  }
});

test('an image without a sidecar gets one with one click, nothing typed', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const image = 'cells/multi-tiff_Channel_0.tif';
  await editor.select(image);
  await expect(editor.row(image)).toContainText('None');
  await app.page.screenshot({ path: 'test-results/screens/light-create-sidecar.png' });
  await editor.panel().getByRole('button', { name: 'Create sidecar' }).click();
  await expect(editor.row(image)).toContainText('Saved');
  const created = JSON.parse(readFileSync(app.file(`${image}.json`), 'utf8')) as Record<string, unknown>;
  expect(created).toMatchObject({ accepted: true, image_header_metadata: { dtype: 'uint8' } });
  await expect(editor.panel().getByRole('button', { name: 'Create sidecar' })).toHaveCount(0);
});
