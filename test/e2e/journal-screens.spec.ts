/**
 * Screenshots of the change journal, in the light theme at the app's default size
 * (test-results/screens/history-light.png, journal-timeline-light.png; the copy the README
 * shows is in docs/screens/): the History section of
 * an image written by an import, an app save and a bulk set, and the folder's timeline of those
 * actions. The assertions check each screen shows its state.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { box } from './support/screen-shots';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = 'test-results/screens';
const LINESCANS = ['linescans/ls_01.tif', 'linescans/ls_02.tif', 'linescans/ls_03.tif'];

test('the History section and the timeline of a folder written by an import, the app and a bulk set', async ({
  app,
}) => {
  const page = app.page;
  const editor = new EditorPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const acqmeta = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'bin/acqmeta.cjs'), ...args]);
  const table = app.file('annotations.csv');
  writeFileSync(table, `path,genotype,condition\n${LINESCANS.map((image) => `${image},Thy1,KO`).join('\n')}\n`);
  acqmeta('import', table, '--root', app.folder);

  await editor.select(LINESCANS[0]!);
  await expect(editor.field('Genotype')).toHaveValue('Thy1');
  await editor.type('Age', 'P30');
  await editor.type('Region', 'CA1');
  await editor.save();
  await expect(editor.row(LINESCANS[0]!)).not.toContainText(/unsaved/i);
  acqmeta('set', app.file('linescans'), '--set', 'sex=F');
  await expect(editor.field('Sex')).toHaveValue('F');

  const toggle = editor.panel().getByRole('button', { name: /^History/ });
  await toggle.click();
  const history = editor.panel().getByRole('region', { name: 'History' });
  const records = history.getByRole('list', { name: 'Changes, newest first' }).locator('> li');
  await expect(records).toHaveCount(3);
  await history.scrollIntoViewIfNeeded();
  const panel = await box(editor.panel());
  const section = await box(history);
  const top = Math.max(panel.y, section.y - 8);
  await page.screenshot({
    path: `${SHOTS}/history-light.png`,
    clip: {
      x: panel.x,
      y: top,
      width: panel.width,
      height: Math.min(section.y + section.height, panel.y + panel.height) - top,
    },
  });

  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  await expect(timeline.getByRole('status')).toHaveText('3 actions, newest first');
  const frame = await box(timeline);
  await page.screenshot({
    path: `${SHOTS}/journal-timeline-light.png`,
    clip: {
      x: Math.ceil(frame.x),
      y: Math.ceil(frame.y),
      width: Math.floor(frame.width),
      height: Math.floor(frame.height),
    },
  });
});
