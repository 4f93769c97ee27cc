/**
 * Working from the keyboard: moving between images without leaving a field, getting back to
 * the table, the list of shortcuts, and numbers typed with a decimal comma.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

/** The file name the editor's heading shows for a relative path. */
const nameOf = (path: string) => path.split('/').pop()!;

test('from a field, Alt+Down and Alt+Up go to the next and previous image with the same field focused', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const [first, second] = await editor.shownPaths();
  await editor.select(first!);
  await editor.field('Genotype').focus();
  await app.page.keyboard.press('Alt+ArrowDown');
  await expect(editor.row(second!)).toHaveAttribute('aria-selected', 'true');
  await expect(editor.panel().getByRole('heading', { level: 2 })).toHaveText(nameOf(second!));
  await expect(editor.field('Genotype')).toBeFocused();
  await app.page.keyboard.press('Alt+ArrowUp');
  await expect(editor.row(first!)).toHaveAttribute('aria-selected', 'true');
  await expect(editor.field('Genotype')).toBeFocused();
});

test('Escape first reverts the field, then goes back to the table; F6 goes back too', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  const species = editor.field('Species');
  await species.focus();
  await app.page.keyboard.type('x');
  await app.page.keyboard.press('Escape');
  await expect(species).toHaveValue('rat');
  await expect(species).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(editor.grid).toBeFocused();
  await expect(editor.row(BLOBS)).toHaveAttribute('aria-selected', 'true');

  await editor.field('Note').focus();
  await app.page.keyboard.press('F6');
  await expect(editor.grid).toBeFocused();
});

test('? lists the keyboard shortcuts, Escape-reverts-a-field among them, but types in a text field', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.grid.focus();
  await app.page.keyboard.press('?');
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Escape.*Revert the field/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Alt.*↓.*Next image/ })).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await editor.field('Condition').focus();
  await app.page.keyboard.press('?');
  await expect(editor.field('Condition')).toHaveValue('control?');
  await expect(dialog).toBeHidden();
  await app.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
});

test('a number typed with a decimal comma is read as a decimal; an ambiguous comma asks for a dot', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Depth', '1,500');
  await expect(
    editor.panel().getByText('Depth: use a dot for decimals and no thousands separator (got "1,500")'),
  ).toBeVisible();
  await editor.type('Depth', '12,5');
  await expect(editor.field('Depth')).not.toHaveAttribute('aria-invalid', 'true');
  await editor.save();
  await expect(editor.row(BLOBS)).not.toContainText(/unsaved/i);
  expect(readFileSync(app.file(`${BLOBS}.json`), 'utf8')).toContain('\n    "depth": 12.5,\n');
});
