/**
 * A damaged sidecar: its text is shown read-only with the problem's line marked, and the values
 * that can still be read are shown as read from a damaged file — never the fields' defaults.
 */
import { readFileSync } from 'node:fs';
import { editableField } from '../../shared/fields/field-table';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const IMAGE = 'cells/multi-tiff_Channel_0.tif';
/** A sidecar cut short after its experiment fields: accepted false, species rat, depth 85.5. */
const CUT_SHORT = [
  '{',
  '  "accepted": false,',
  '  "analysis": [],',
  '  "experiment_metadata": {',
  '    "age": "P30",',
  '    "depth": 85.5,',
  '    "species": "rat"',
  '  },',
  '  "image_header_metadata": {',
  '    "date": "",',
  '    "dims": "(\'Y\', \'X\')",',
  '    "physical_l',
].join('\n');
const SHOTS = 'test-results/screens';
/** The label of the pixel size along X, whatever the field table calls it. */
const SIZE_X = editableField('physical_unit_x')!.displayName;

test.use({ extraFiles: { [`${IMAGE}.json`]: CUT_SHORT } });

test('a damaged sidecar shows its text and the values read from it, never defaults', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const panel = editor.panel();
  await editor.select(IMAGE);
  await expect(panel.getByRole('alert')).toContainText('This sidecar is left untouched');
  await expect(panel.getByRole('alert')).not.toContainText(/remove/i);

  const values = panel.getByRole('table', { name: 'Values read from the damaged file' });
  await expect(values.getByRole('row')).toHaveText([
    /^Accepted\s*false, read from the damaged file$/,
    /^Species\s*"rat", read from the damaged file$/,
    /^Age\s*"P30", read from the damaged file$/,
    /^Depth[^"]*85\.5, read from the damaged file$/,
  ]);
  await expect(panel.locator('p', { hasText: /^Not read \(after line 12\):/ })).toContainText(SIZE_X);

  // No field offers a value to edit, and no default stands in for one (Accepted ✓, 1 Pixels, empty fields).
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await expect(panel.getByRole('checkbox')).toHaveCount(0);
  await expect(panel).not.toContainText('Pixels');
  await expect(editor.row(IMAGE)).not.toContainText('Accepted');

  const text = panel.getByRole('region', { name: 'Sidecar file text' });
  await expect(text).toContainText('"species": "rat"');
  await expect(text.locator('[aria-current="true"]')).toHaveText(/^12\s*"physical_l/);
  await expect(panel.getByText(/^The marked line: not valid JSON: .*\(line 12, column 5\)$/)).toBeVisible();

  await app.page.setViewportSize({ width: 1024, height: 700 });
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await panel.getByRole('alert').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-damaged-sidecar-top.png` });
    await text.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-damaged-sidecar.png` });
  }
  expect(readFileSync(app.file(`${IMAGE}.json`), 'utf8')).toBe(CUT_SHORT);
});

test('a sidecar of an unsupported version shows what it holds, read from the whole file', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const panel = editor.panel();
  await editor.select('chessboard_GRAY_U16.tif');
  const values = panel.getByRole('table', { name: 'Values read from the file' });
  await expect(values.getByRole('row').first()).toHaveText(/^Version\s*3, read from the file$/);
  await expect(values).toContainText(SIZE_X);
  await expect(panel.getByText(/only version 2 is supported/).last()).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Sidecar file text' }).locator('[aria-current="true"]')).toContainText(
    '"version": 3',
  );
});
