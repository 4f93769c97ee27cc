/**
 * A sidecar another program changes under my unsaved edits: the editor says at once what they
 * changed, and the save lets me keep theirs or mine field by field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('their changes show when they arrive, and the save keeps theirs or mine per field', async ({ app }) => {
  await expect(app.page.getByText('Watching for changes')).toBeVisible();
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await editor.type('Genotype', 'WT');
  await editor.type('Depth', '80');
  const sidecar = app.file(`${BLOBS}.json`);
  const theirs = readFileSync(sidecar, 'utf8')
    .replace(/"species": "[^"]*"/, '"species": "mouse"')
    .replace(/"genotype": "[^"]*"/, '"genotype": "KO"');
  writeFileSync(sidecar, theirs);

  const changed = editor.panel().getByRole('list', { name: 'Changed on disk' });
  await expect(changed).toContainText('Species: rat → mouse');
  await expect(changed).toContainText('Genotype: (empty) → KO (yours: WT)');
  await expect(changed).not.toContainText('Depth');

  await editor.save();
  const dialog = app.page.getByRole('dialog');
  await dialog.getByRole('radiogroup', { name: 'Genotype: keep' }).getByLabel('theirs').check();
  await expect(dialog.getByRole('radiogroup', { name: 'Depth: keep' }).getByLabel('mine')).toBeChecked();
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `test-results/screens/${scheme}-conflict-choices.png` });
  }
  await dialog.getByRole('button', { name: 'Save these choices' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor.row(BLOBS)).toContainText('Saved');
  const saved = JSON.parse(readFileSync(sidecar, 'utf8')) as { experiment_metadata: Record<string, unknown> };
  expect(saved.experiment_metadata).toMatchObject({ species: 'mouse', genotype: 'KO', depth: 80 });
  await expect(editor.field('Genotype')).toHaveValue('KO');
  await expect(editor.field('Species')).toHaveValue('mouse');
});
