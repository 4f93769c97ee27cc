/**
 * A sidecar another program leaves damaged while it has unsaved edits here: saving asks, names
 * the damaged file, and either leaves it alone with the edits kept, or writes the version read
 * plus the edits over it with the damaged file kept beside it, byte for byte.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';

test('a sidecar cut short under unsaved edits can be left alone or receive them, the damaged file kept', async ({
  app,
}) => {
  await expect(app.page.getByText('Watching for changes')).toBeVisible();
  const editor = new EditorPage(app.page);
  await editor.select(BLOBS);
  await expect(editor.field('Species')).toHaveValue('rat');
  await editor.type('Genotype', 'WT');
  const sidecar = app.file(`${BLOBS}.json`);
  const whole = readFileSync(sidecar, 'utf8');
  const damaged = whole.slice(0, Math.floor(whole.length / 2));
  writeFileSync(sidecar, damaged);
  await expect(editor.row(BLOBS)).toContainText('Changed on disk');
  const notice = app.page.getByText(`${BLOBS} changed on disk while you were editing`, { exact: false });
  await expect(notice).toBeVisible();

  // First answer: keep my edits, leave the file as it is.
  await editor.save();
  const dialog = app.page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('_blobs_3d_fiji_skeleton.tif.json is damaged on disk');
  await expect(dialog).toContainText('not valid JSON');
  await expect(dialog.getByRole('row', { name: /Genotype/ })).toContainText('WT');
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `test-results/screens/${scheme}-damaged-under-edits.png` });
  }
  await dialog.getByRole('button', { name: 'Keep my edits, leave the file' }).click();
  await expect(dialog).toHaveCount(0);
  expect(readFileSync(sidecar, 'utf8')).toBe(damaged);
  await expect(editor.field('Genotype')).toHaveValue('WT');
  await expect(editor.row(BLOBS)).toContainText('Changed on disk');

  // Second answer: write the version read plus my edits; the damaged file is kept beside it.
  await editor.save();
  await dialog.getByRole('button', { name: 'Write _blobs_3d_fiji_skeleton.tif.json from my version' }).click();
  await expect(app.page.getByText(/The damaged file is kept beside it as/)).toBeVisible();
  await expect(editor.row(BLOBS)).toContainText('Saved');
  // the conflict is settled: its notice goes
  await expect(notice).toHaveCount(0);
  await app.page.screenshot({ path: 'test-results/screens/light-damaged-written.png' });
  const written = JSON.parse(readFileSync(sidecar, 'utf8')) as { experiment_metadata: Record<string, unknown> };
  expect(written.experiment_metadata).toMatchObject({ species: 'rat', genotype: 'WT' });
  const copies = readdirSync(path.dirname(sidecar)).filter((name) =>
    name.startsWith('_blobs_3d_fiji_skeleton.tif.json.damaged-'),
  );
  expect(copies).toHaveLength(1);
  expect(readFileSync(path.join(path.dirname(sidecar), copies[0] as string), 'utf8')).toBe(damaged);
});
