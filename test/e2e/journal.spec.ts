/**
 * The change journal in the editor: an app save shows in the image's History section with its
 * action and values; one field restored from there is one undo step that Save writes back; and
 * an import by the command line, seen in a new session of the app (a new server and page on
 * the same folder), is restored as a batch from the folder's timeline, giving every sidecar
 * its bytes from before the import. A bulk action is undone alone (a Note typed later stays, a
 * field changed again later is shown with both values and kept), or restored to the point in
 * time before it, each after its review (issue 45). Checked on screen and in the bytes on disk.
 */
import type { Page } from '@playwright/test';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, test, expect, type AppFixture } from './support/app';
import { EditorPage } from './support/editor-page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINESCANS = ['linescans/ls_01.tif', 'linescans/ls_02.tif', 'linescans/ls_03.tif'];
/** The image edited alone: its Genotype is WT, its Sex empty. */
const IMAGE = LINESCANS[0]!;

/** Runs the `acqmeta` command line; throws when it fails. */
function acqmeta(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/acqmeta.cjs'), ...args], { encoding: 'utf8' });
}

/** The sidecar text of an image of the test's folder. */
const sidecar = (app: AppFixture, image: string): string => readFileSync(app.file(`${image}.json`), 'utf8');

/** A second browser-mode server on the test's folder (a new session of the app); resolves with its URL. */
async function startSecondServer(app: AppFixture): Promise<{ url: string; server: ChildProcess; cacheDir: string }> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-cache-'));
  return { ...(await startServer(app.folder, app.configDir, { ACQMETA_CACHE_DIR: cacheDir })), cacheDir };
}

/** Unfolds the editor's History section and returns its list of records, newest first. */
async function openHistory(page: Page) {
  const panel = new EditorPage(page).panel();
  const toggle = panel.getByRole('button', { name: /^History/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return panel.getByRole('region', { name: 'History' });
}

test('an app save shows in the History section with its action and values', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(IMAGE);
  const history = await openHistory(app.page);
  await expect(history).toContainText('The change journal has no record of this sidecar yet');

  await editor.type('Genotype', 'Thy1');
  await editor.save();
  await expect(editor.row(IMAGE)).not.toContainText(/unsaved/i);
  // read again once the sidecar changed
  const records = history.getByRole('list', { name: 'Changes, newest first' }).locator('> li');
  await expect(records).toHaveCount(1);
  await expect(records.first().locator('.journal-action')).toHaveText('Genotype');
  await expect(records.first().locator('.journal-meta')).toContainText(/@.* · AcqMeta$/);
  await expect(records.first().getByRole('listitem')).toHaveText(/^Genotype\s*WT → Thy1\s*Restore$/);
});

test('one field restored from History is one undo step that Save writes back', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const original = sidecar(app, IMAGE);
  acqmeta('set', app.file(IMAGE), '--set', 'genotype=Thy1', '--set', 'sex=F');
  await editor.select(IMAGE);
  await expect(editor.field('Genotype')).toHaveValue('Thy1');
  const history = await openHistory(app.page);
  const record = history.getByRole('list', { name: 'Changes, newest first' }).locator('> li').first();
  await expect(record.locator('.journal-action')).toHaveText('set --set genotype=Thy1 --set sex=F');
  await expect(record.locator('.journal-meta')).toContainText('command line');

  await record.getByRole('button', { name: 'Restore Genotype to WT' }).click();
  await expect(editor.field('Genotype')).toHaveValue('WT');
  await expect(editor.field('Sex')).toHaveValue('F');
  await expect(editor.row(IMAGE)).toContainText(/unsaved/i);
  await expect(app.page.getByRole('button', { name: 'Undo Restore Genotype' })).toBeEnabled();
  await editor.save();
  await expect(editor.row(IMAGE)).not.toContainText(/unsaved/i);
  expect(sidecar(app, IMAGE)).toBe(original.replace('"sex": ""', '"sex": "F"'));
  // the restore is journaled too, as the app's save of that step
  await expect(record.locator('.journal-action')).toHaveText('Restore Genotype');

  // one step: one Undo shows Thy1 again, and nothing is left to undo
  await app.page.getByRole('button', { name: 'Undo Restore Genotype' }).click();
  await expect(editor.field('Genotype')).toHaveValue('Thy1');
  await expect(app.page.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();
});

test('an import by the command line, restored as a batch in a new session, gives every sidecar its bytes back', async ({
  app,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'a new session is a second browser-mode server');
  const before = Object.fromEntries(LINESCANS.map((image) => [image, sidecar(app, image)]));
  const table = app.file('annotations.csv');
  writeFileSync(
    table,
    `path,genotype,condition\n${LINESCANS.map((image, i) => `${image},Thy1,cohort ${i}`).join('\n')}\n`,
  );
  acqmeta('import', table, '--root', app.folder);
  // a later change of one of them: restoring the import takes it back too
  acqmeta('set', app.file(IMAGE), '--set', 'genotype=KO');
  for (const image of LINESCANS) expect(sidecar(app, image), image).not.toBe(before[image]);
  await app.page.close();

  const second = await startSecondServer(app);
  try {
    const page = await app.page.context().newPage();
    await page.goto(second.url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'History of the folder…' }).click();
    const timeline = page.getByRole('dialog', { name: 'History of the folder' });
    await expect(timeline.getByRole('status')).toHaveText('2 actions, newest first');
    const imported = timeline.getByRole('row').filter({ hasText: 'import annotations.csv' });
    await expect(imported).toContainText('command line');
    await expect(imported.getByRole('cell').nth(2)).toHaveText('3');
    await expect(imported).toContainText('Genotype, Condition');
    await imported.getByRole('button', { name: 'Restore to before this' }).click();
    await page
      .getByRole('dialog', { name: 'Restore to before “import annotations.csv”' })
      .getByRole('button', { name: 'Restore to before this' })
      .click();
    await expect(timeline).toBeHidden();
    await expect(
      page.getByRole('button', { name: 'Undo Restore before “import annotations.csv” (2 fields) on 3 images' }),
    ).toBeEnabled();

    await new EditorPage(page).saveReviewed(3);
    for (const image of LINESCANS) expect(sidecar(app, image), image).toBe(before[image]);
  } finally {
    second.server.kill('SIGTERM');
    rmSync(second.cacheDir, { recursive: true, force: true });
  }
});

/** The command line's bulk set of Genotype and Condition, then a Note typed on one image and a Genotype changed on another. */
function bulkThenLater(app: AppFixture): Record<string, string> {
  const before = Object.fromEntries(LINESCANS.map((image) => [image, sidecar(app, image)]));
  acqmeta('set', app.file('linescans'), '--set', 'genotype=Thy1', '--set', 'condition=cohort 3');
  acqmeta('set', app.file(IMAGE), '--set', 'note=typed later');
  acqmeta('set', app.file(LINESCANS[1]!), '--set', 'genotype=KO');
  return before;
}

/** Opens the folder's timeline and the review of `operation` on the bulk set. */
async function reviewBulk(page: Page, operation: 'Undo this action' | 'Restore to before this') {
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  const bulk = timeline.getByRole('row').filter({ hasText: 'set --set genotype=Thy1 --set condition=cohort 3' });
  await bulk.getByRole('button', { name: operation }).click();
  const title = operation === 'Undo this action' ? 'Undo' : 'Restore to before';
  return page.getByRole('dialog', { name: `${title} “set --set genotype=Thy1 --set condition=cohort 3”` });
}

test('undoing a bulk action keeps a Note typed later, and asks about a field changed again', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const before = bulkThenLater(app);
  await editor.select(LINESCANS[1]!);
  await expect(editor.field('Genotype')).toHaveValue('KO');
  const review = await reviewBulk(app.page, 'Undo this action');
  const contested = review.getByRole('table', { name: /Changed again later/ });
  await expect(contested.getByRole('row')).toHaveCount(2);
  await expect(contested.getByRole('row').nth(1)).toContainText(
    /ls_02\.tif\s*Genotype\s*KO\s*by “set --set genotype=KO”/,
  );
  await expect(review.getByRole('checkbox', { name: `Take back Genotype of ${LINESCANS[1]}` })).not.toBeChecked();
  await app.page.screenshot({ path: 'test-results/screens/restore-undo-review.png' });
  await review.getByRole('button', { name: 'Undo this action' }).click();
  await expect(review).toBeHidden();
  await expect(app.page.getByRole('button', { name: /^Undo Undo of “set --set genotype=Thy1/ })).toBeEnabled();

  await editor.saveReviewed(3);
  expect(sidecar(app, LINESCANS[2]!)).toBe(before[LINESCANS[2]!]);
  const first = sidecar(app, IMAGE);
  expect(first).toContain('"note": "typed later"');
  expect(first.split('\n').filter((line) => !line.includes('"note"'))).toEqual(
    before[IMAGE]!.split('\n').filter((line) => !line.includes('"note"')),
  );
  expect(sidecar(app, LINESCANS[1]!)).toContain('"genotype": "KO"');
  expect(sidecar(app, LINESCANS[1]!)).not.toContain('cohort 3');
});

test('restoring to before a bulk action lists every later change it takes back', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const before = bulkThenLater(app);
  await editor.select(LINESCANS[1]!);
  await expect(editor.field('Genotype')).toHaveValue('KO');
  const review = await reviewBulk(app.page, 'Restore to before this');
  const takenBack = review.getByRole('table', { name: 'Later changes this takes back' });
  await expect(takenBack.getByRole('row')).toHaveCount(2);
  await expect(takenBack).toContainText(/ls_01\.tif\s*Note\s*“set --set note=typed later”/);
  await expect(takenBack).toContainText(/ls_02\.tif\s*Genotype\s*“set --set genotype=KO”\s*Thy1 → KO/);
  await review.getByRole('button', { name: 'Restore to before this' }).click();
  await editor.saveReviewed(3);
  for (const image of LINESCANS) expect(sidecar(app, image), image).toBe(before[image]);
});
