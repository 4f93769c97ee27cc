/**
 * A sidecar the journal knows, emptied by another program (issue 45): History says it was left
 * damaged, with the reason, and offers to rebuild it from the journal; the review lists each
 * value and where it comes from, and the rebuild writes the sidecar anew (the journal's values
 * over the header's), keeps the damaged bytes beside it and is journaled. Checked on screen and
 * on disk.
 */
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type AppFixture } from './support/app';
import { EditorPage } from './support/editor-page';

const IMAGE = 'linescans/ls_01.tif';
const SHOTS = 'test-results/screens';

/** Every line of the folder's change journal files. */
function journalText(app: AppFixture): string {
  const dir = app.file('.acqmeta/journal');
  return readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

/** Unfolds the editor's History section and returns it. */
async function openHistory(page: Page) {
  const panel = new EditorPage(page).panel();
  const toggle = panel.getByRole('button', { name: /^History/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return panel.getByRole('region', { name: 'History' });
}

test('an emptied sidecar the journal knows shows as damaged in History and is rebuilt from the journal', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(IMAGE);
  await editor.type('Genotype', 'Thy1');
  await editor.type('Depth', '85.5');
  await editor.save();
  await expect(editor.row(IMAGE)).not.toContainText(/unsaved/i);
  const sidecar = app.file(`${IMAGE}.json`);
  // another program empties it: the app, watching the folder, journals the change
  writeFileSync(sidecar, '');
  await expect.poll(() => journalText(app)).toContain('"damaged":"not valid JSON: the file is empty');

  await expect(editor.panel().getByRole('alert')).toContainText('This sidecar is left untouched');
  const history = await openHistory(app.page);
  const latest = history.getByRole('list', { name: 'Changes, newest first' }).locator('> li').first();
  await expect(latest.locator('.journal-action')).toHaveText('changed outside AcqMeta');
  await expect(latest).toContainText(
    'The sidecar was left damaged: not valid JSON: the file is empty (line 1, column 1).',
  );
  await expect(latest).not.toContainText('default values');

  const offer = history.getByRole('button', { name: 'Rebuild from the journal…' });
  await offer.scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: `${SHOTS}/rebuild-offer-in-history.png` });
  await offer.click();
  const review = app.page.getByRole('dialog', { name: 'Rebuild ls_01.tif.json from the journal' });
  const values = review.getByRole('table');
  const row = (field: string) => values.getByRole('row', { name: new RegExp(`^${field} `) });
  await expect(row('Genotype')).toHaveText(/^Genotype\s*Thy1\s*Genotype; Depth, \d{4}-\d\d-\d\d \d\d:\d\d$/);
  await expect(row('Depth')).toHaveText(/^Depth\s*85\.5\s*Genotype; Depth, /);
  await expect(row('Pixel size unit X')).toHaveText(/^Pixel size unit X\s*Pixels\s*the image header$/);
  await app.page.screenshot({ path: `${SHOTS}/rebuild-from-journal.png` });
  await review.getByRole('button', { name: 'Replace ls_01.tif.json' }).click();
  await expect(review).toBeHidden();
  await expect(editor.field('Genotype')).toHaveValue('Thy1');

  const rebuilt = JSON.parse(readFileSync(sidecar, 'utf8'));
  expect(rebuilt.experiment_metadata).toMatchObject({ genotype: 'Thy1', depth: 85.5 });
  // the header's values come from the image file, the calibration a new sidecar's (the TIFF declares none)
  expect(rebuilt.image_header_metadata).toMatchObject({ shape: '(3000, 24)', physical_unit_x: 1 });
  expect(rebuilt.accepted).toBe(true);
  const kept = readdirSync(path.dirname(sidecar)).filter((name) => name.startsWith('ls_01.tif.json.damaged-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(path.join(path.dirname(sidecar), kept[0]!), 'utf8')).toBe('');
  await expect(latest.locator('.journal-action')).toHaveText('Rebuild from journal');
  expect(journalText(app)).toContain('"action":"Rebuild from journal"');
});
