/**
 * Lab profiles in the app: the toolbar names the profile in force, fields follow it (required
 * markers, a choice list, problems as you type), the Completeness view counts and filters,
 * Normalize replaces variants in one step, and saves write only the lines that changed.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { COHORT, cohortFiles, ProfilePage, vascularProfile } from './support/profile-page';

test.use({ extraFiles: { ...vascularProfile(), ...cohortFiles() } });

test('the toolbar names the profile in force; fields show required markers and a choice list; picking a value changes the completeness', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const profile = new ProfilePage(app.page);
  // The button keeps its own name; the profile's follows it, and its name is what it shows (the file is its description).
  await expect(profile.button).toHaveText(/^Completeness\s*Vascular imaging lab$/);
  await expect(profile.button).toHaveAccessibleName('Completeness: Vascular imaging lab');
  await expect(profile.button).toHaveAccessibleDescription(/^Lab profile in force: acqmeta\.profile\.json/);
  await expect(profile.button).toHaveAttribute('title', /acqmeta\.profile\.json/);

  await editor.select('cells/multi-tiff_Channel_0.tif');
  const species = editor.field('Species');
  await expect(species).toHaveAttribute('aria-required', 'true');
  // The visible asterisk after the label (its accessible name stays "Species": the input says aria-required).
  // Runs in the page; typed structurally because the Node-side project has no DOM types.
  type Styles = { getComputedStyle(element: unknown, pseudo: string): { content: string } };
  const mark = (label: string) =>
    editor
      .panel()
      .locator(`label[for="${label}"] .field-label-text`)
      .evaluate((e) => (globalThis as unknown as Styles).getComputedStyle(e, '::after').content);
  expect(await mark('field-species')).toMatch(/^"\*"/);
  expect(await mark('field-age')).toBe('none');
  await expect(editor.field('Date')).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await expect(editor.field('Age')).not.toHaveAttribute('aria-required', 'true');

  let view = await profile.openCompleteness();
  await expect(profile.fieldLine('Species')).toHaveAccessibleName(
    /^Species \(required\): 5 valid · 3 invalid · 4 empty\./,
  );
  await view.getByRole('button', { name: 'Close' }).click();

  await species.click();
  await species.press('ArrowDown');
  const choices = app.page.getByRole('listbox', { name: 'Species choices' });
  await expect(choices.getByRole('option')).toHaveText(['mouse', 'rat']);
  await choices.getByRole('option', { name: 'rat' }).click();
  await expect(species).toHaveValue('rat');
  await expect(choices).toBeHidden();

  view = await profile.openCompleteness();
  await expect(profile.fieldLine('Species')).toHaveAccessibleName(
    /^Species \(required\): 6 valid · 3 invalid · 3 empty\./,
  );
  await profile.fieldLine('Species').click();
  await expect(view).toBeHidden();
  await expect(app.page.getByText('Lacking Species')).toBeVisible();
  // the table follows the filter on its next render
  await expect.poll(() => editor.shownPaths()).not.toContain('cells/multi-tiff_Channel_0.tif');
  expect(await editor.shownPaths()).toEqual(expect.arrayContaining([...COHORT]));
});

test('problems show as you type, with the suggestion one click away; a refused value is held back at save, an empty required field is not', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select('linescans/ls_01.tif');
  const before = readFileSync(app.file('linescans/ls_01.tif.json'), 'utf8');
  await editor.type('Species', 'Mose');
  await expect(
    editor.panel().getByText('Species "Mose" is not one of mouse, rat (did you mean "mouse"?)'),
  ).toBeVisible();
  await expect(editor.field('Species')).toHaveAttribute('aria-invalid', 'true');
  await editor.save();
  const review = editor.review();
  await expect(review).toHaveAccessibleName('Nothing can be saved yet');
  await expect(review).toContainText('linescans/ls_01.tif · Species');
  await expect(review).toContainText('lab profile');
  await review.getByRole('button', { name: 'Close' }).click();
  expect(readFileSync(app.file('linescans/ls_01.tif.json'), 'utf8')).toBe(before);

  await editor.panel().getByRole('button', { name: 'Use “mouse”' }).click();
  await expect(editor.field('Species')).toHaveValue('mouse');
  await expect(editor.panel().getByText(/is not one of mouse, rat/)).toBeHidden();
  await editor.field('Region').fill('');
  await expect(editor.panel().getByText('Region must be filled in')).toBeVisible();
  await editor.save();
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  expect(readFileSync(app.file('linescans/ls_01.tif.json'), 'utf8')).toBe(
    before.replace('"region": "cortex"', '"region": ""'),
  );
});

test('normalize "Mouse" → "mouse" over several images in one step, then save: only those lines change', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const profile = new ProfilePage(app.page);
  const before = COHORT.map((name) => readFileSync(app.file(`${name}.json`), 'utf8'));

  await profile.openCompleteness();
  const normalize = await profile.openNormalize('Species');
  await expect(normalize.getByRole('row', { name: /^Mouse/ })).toContainText('synonym in the profile');
  await expect(normalize.getByRole('combobox', { name: 'Mouse becomes', exact: true })).toHaveValue('mouse');
  await expect(normalize.getByRole('status')).toContainText('Mouse → mouse (3 images)');
  await normalize.getByRole('button', { name: 'Replace on 3 images' }).click();
  await expect(normalize).toBeHidden();
  await expect(profile.fieldLine('Species')).toHaveAccessibleName(/^Species \(required\): 8 valid · 4 empty\./);
  await profile.completeness.getByRole('button', { name: 'Close' }).click();
  await expect(app.page.getByRole('button', { name: 'Undo Normalize Species on 3 images' })).toBeVisible();

  await editor.saveReviewed(3);
  COHORT.forEach((name, i) => {
    expect(readFileSync(app.file(`${name}.json`), 'utf8')).toBe(
      before[i]!.replace('"species": "Mouse"', '"species": "mouse"'),
    );
  });
});

test('the Not ready chip and the Problems column; the Completeness view lists the folder rules and downloads the readme', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  const profile = new ProfilePage(app.page);
  const chip = editor.quickFilter('Not ready');
  await expect(chip).toContainText('12');
  await chip.click();
  await expect(editor.bodyRows()).toHaveCount(12);
  await expect(editor.row('cohort/m1.tif').getByRole('gridcell', { name: /problems:/ })).toContainText(
    'Species "Mouse" is not one of mouse, rat',
  );

  const view = await profile.openCompleteness();
  await expect(view.getByRole('region', { name: 'Folder layout' })).toContainText("the dataset's readme");
  await expect(view.getByRole('listitem').filter({ hasText: "the dataset's readme" })).toContainText('missing');
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    view.getByRole('button', { name: 'Dataset readme (.md)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-README\.md$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('- `acqmeta.profile.json` (Vascular imaging lab)');
  expect(text).toContain('- **Species**: mouse (4), Mouse (3), rat (1).');
  expect(text).toContain('**Licence:** **TODO**');
});

test('images held back by the same refusal are one line, and its suggestion is used for all in one step', async ({
  app,
}) => {
  const editor = new EditorPage(app.page);
  await editor.select(COHORT[0]);
  for (const name of COHORT.slice(1)) await editor.row(name).click({ modifiers: ['ControlOrMeta'] });
  await editor.type('Species', 'Mose');
  await editor.save();
  const review = editor.review();
  const held = review.getByRole('listitem');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('cohort/m1.tif, cohort/m2.tif and 1 more image · Species');
  await app.page.screenshot({ path: 'test-results/screens/light-held-values.png' });
  await held.getByRole('button', { name: 'Use “mouse” for all 3' }).click();
  await expect(editor.review()).toHaveAccessibleName('Save 3 files?');
  await expect(editor.review()).toContainText('Mouse → mouse');
  await editor.review().getByRole('button', { name: 'Save 3 files' }).click();
  await expect(app.page.getByText('All changes saved')).toBeVisible();
  for (const name of COHORT) expect(readFileSync(app.file(`${name}.json`), 'utf8')).toContain('"species": "mouse"');
});
