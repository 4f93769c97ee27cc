/**
 * The Dataset panel (issue 80): opened from the Spreadsheet menu on a folder whose lab keeps a
 * people list, a value the template refuses marked as it is typed, two people picked from the
 * list (one the list gives with a mistyped ORCID is shown, not offered), saved — the bytes of
 * acqmeta.dataset.json exactly what `acqmeta dataset` writes — undone and redone as one step of
 * the undo history, and changed once more; History
 * names both writes (and so does `acqmeta log`), and restoring to before the second puts the
 * first file's bytes back.
 * Screenshots of the panel empty, with an error and filled (test-results/screens/dataset-*.png;
 * the guide's copies are in docs/screens/), and axe finds nothing in it, in either theme.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/app';
import { dialogFindings } from './support/axe-themes';
import { box } from './support/screen-shots';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = 'test-results/screens';
const PEOPLE = [
  'first_name\tlast_name\tdisplay_name\taffiliation\torcid\temail',
  'Josiah\tCarberry\tJosiah Carberry\tBrown University\t0000-0002-1825-0097\tjosiah@example.org',
  'Ana\tSouza\tAna Souza\tImaging Core\t0000-0001-5109-3700\t',
  'Lee\tPark\tLee Park\tImaging Core\t0000-0002-1694-2339\t',
].join('\n');

/** The file the first save writes: values by column, people in the order picked, empty columns left out. */
const FIRST = `{
  "version": 1,
  "values": {
    "parent_sample_id": "HBM123.ABCD.456",
    "source_storage_duration_unit": "day"
  },
  "people": [
    {
      "first_name": "Josiah",
      "last_name": "Carberry",
      "display_name": "Josiah Carberry",
      "affiliation": "Brown University",
      "orcid": "0000-0002-1825-0097",
      "email": "josiah@example.org",
      "is_contact": "Yes",
      "is_principal_investigator": "Yes",
      "is_operator": "No"
    },
    {
      "first_name": "Ana",
      "last_name": "Souza",
      "display_name": "Ana Souza",
      "affiliation": "Imaging Core",
      "orcid": "0000-0001-5109-3700",
      "is_contact": "No",
      "is_principal_investigator": "No",
      "is_operator": "Yes"
    }
  ]
}
`;

test.use({ extraFiles: { 'acqmeta.people.tsv': `${PEOPLE}\n` } });

/** Opens Spreadsheet > Dataset values…; returns the panel once read. */
async function openPanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: 'Dataset values…' }).click();
  const panel = page.getByRole('dialog', { name: 'Dataset values' });
  await expect(panel.getByLabel('Columns of')).toHaveValue('hubmap:confocal');
  return panel;
}

/** The panel's screenshot, named `name`. */
async function shoot(page: Page, panel: Locator, name: string) {
  const frame = await box(panel);
  await page.screenshot({
    path: `${SHOTS}/${name}.png`,
    clip: {
      x: Math.ceil(frame.x),
      y: Math.ceil(frame.y),
      width: Math.floor(frame.width),
      height: Math.floor(frame.height),
    },
  });
}

test('values checked as typed, two people picked from the lab’s list, saved, and restored from History', async ({
  app,
}) => {
  const page = app.page;
  // two axe scans and three screenshots besides the edits: the bound only catches a hang
  test.slow();
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.emulateMedia({ colorScheme: 'light' });
  const file = app.file('acqmeta.dataset.json');
  const panel = await openPanel(page);
  await expect(panel.getByRole('table', { name: 'People of the dataset' })).toHaveCount(0);
  await expect(panel).toContainText('No people yet: pick them from the lab’s list.');
  await expect(panel.getByRole('list', { name: 'Not offered, as the list gives them:' })).toHaveText(
    'Lee Park: orcid "0000-0002-1694-2339" fails the ORCID checksum (its last character would be X)',
  );
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await shoot(page, panel, 'dataset-empty-light');

  const sample = panel.getByLabel('parent_sample_id');
  await sample.fill('mouse 7');
  await expect(sample).toHaveAttribute('aria-invalid', 'true');
  await expect(sample).toHaveAccessibleDescription(
    /^parent_sample_id "mouse 7" is not in the form the template asks for; for example HBM386\.ZGKG\.235, HBM672\.MKPK\.442 /,
  );
  await expect(panel.getByRole('combobox', { name: /Dataset type/ })).toHaveValue('');
  await panel.getByLabel('source_storage_duration_value').fill('-2');
  await expect(panel.getByLabel('source_storage_duration_value')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(panel).toContainText('Correct what is marked first.');
  await shoot(page, panel, 'dataset-errors-light');

  await sample.fill('HBM123.ABCD.456');
  await expect(sample).not.toHaveAttribute('aria-invalid', 'true');
  await panel.getByLabel('source_storage_duration_value').fill('');
  await panel.getByLabel('source_storage_duration_unit').selectOption('day');
  await expect(panel.getByLabel('source_storage_duration_unit')).not.toHaveAttribute('aria-invalid', 'true');

  const picker = panel.getByLabel('Add a person from acqmeta.people.tsv');
  await picker.selectOption({ label: 'Josiah Carberry (0000-0002-1825-0097)' });
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await picker.selectOption({ label: 'Ana Souza (0000-0001-5109-3700)' });
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(picker.getByRole('option')).toHaveText(['Everyone on the list is picked']);
  const people = panel.getByRole('table', { name: 'People of the dataset' });
  await expect(people.getByRole('rowheader')).toHaveText(['Josiah Carberry', 'Ana Souza']);
  await expect(panel).toContainText('No person is the contact (is_contact Yes): HuBMAP refuses an upload without one.');
  await people.getByLabel('Contact: Josiah Carberry').check();
  await people.getByLabel('Principal investigator: Josiah Carberry').check();
  await people.getByLabel('Operator: Ana Souza').check();
  await expect(panel).not.toContainText('No person is the contact');
  await expect(panel.getByRole('button', { name: 'Save' })).toBeEnabled();
  expect(await dialogFindings(page)).toEqual([]);
  await shoot(page, panel, 'dataset-filled-light');
  // on a smaller screen the panel scrolls down but nothing runs off its side
  await page.setViewportSize({ width: 1100, height: 800 });
  const overflow = await panel.evaluate((element) => {
    const box = element as unknown as { scrollWidth: number; clientWidth: number };
    return box.scrollWidth - box.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await dialogFindings(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByText('Saved acqmeta.dataset.json.')).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(FIRST);
  const log = execFileSync(process.execPath, [path.join(ROOT, 'bin/acqmeta.cjs'), 'log', app.folder], {
    encoding: 'utf8',
  });
  expect(log).toMatch(/record \S+ {2}acqmeta\.dataset\.json {2}dataset values created/);

  // the save is one step of the undo history: Undo removes the file it created, Redo writes it again
  await page.getByRole('button', { name: 'Undo Dataset values and people' }).click();
  const redo = page.getByRole('button', { name: 'Redo Dataset values and people' });
  await expect(redo).toBeEnabled();
  expect(existsSync(file)).toBe(false);
  await redo.click();
  await expect(page.getByRole('button', { name: 'Undo Dataset values and people' })).toBeEnabled();
  expect(readFileSync(file, 'utf8')).toBe(FIRST);

  // a second write: the lab's own id added, Ana Souza taken off
  const again = await openPanel(page);
  await expect(again.getByLabel('parent_sample_id')).toHaveValue('HBM123.ABCD.456');
  await expect(again.getByLabel('source_storage_duration_unit')).toHaveValue('day');
  await again.getByLabel('lab_id').fill('L-7');
  await again.getByRole('button', { name: 'Remove Ana Souza' }).click();
  expect(await dialogFindings(page)).toEqual([]);
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again).toBeHidden();
  const second = readFileSync(file, 'utf8');
  expect(second).toContain('"lab_id": "L-7"');
  expect(second).not.toContain('Souza');

  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const history = page.getByRole('dialog', { name: 'History of the folder' });
  const writes = history.getByRole('table', { name: 'Dataset values written, newest first' });
  const added = 'created: parent_sample_id, source_storage_duration_unit set; Josiah Carberry, Ana Souza added';
  await expect(writes.getByRole('row')).toHaveCount(5);
  await expect(writes.getByRole('row').nth(1)).toContainText('Dataset values and people');
  await expect(writes.getByRole('row').nth(1)).toContainText('lab_id set; Ana Souza taken off');
  await expect(writes.getByRole('row').nth(2)).toContainText('Redo Dataset values and people');
  await expect(writes.getByRole('row').nth(2)).toContainText(added);
  await expect(writes.getByRole('row').nth(3)).toContainText('Undo Dataset values and people');
  await expect(writes.getByRole('row').nth(3)).toContainText('removed');
  await expect(writes.getByRole('row').nth(4)).toContainText(added);
  await writes.getByRole('row').nth(1).getByRole('button', { name: 'Restore to before this' }).click();
  await expect(
    page.getByText('Restored the dataset values and people as they were before “Dataset values and people”.'),
  ).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(FIRST);
  await expect(writes.getByRole('row')).toHaveCount(6);
  await expect(writes.getByRole('row').nth(1)).toContainText('Restore before “Dataset values and people”');
});
