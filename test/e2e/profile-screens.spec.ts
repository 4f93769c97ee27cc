/**
 * Screenshots of the lab-profile screens in both themes (test-results/screens/*-profile-*.png;
 * the copies the docs show are in docs/screens/). The assertions check each screen shows its state.
 */
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';
import { cohortFiles, ProfilePage, vascularProfile } from './support/profile-page';

const SHOTS = 'test-results/screens';

test.use({ extraFiles: { ...vascularProfile(), ...cohortFiles() } });

for (const scheme of ['light', 'dark'] as const) {
  test(`lab profile screens in the ${scheme} theme`, async ({ app }) => {
    const page = app.page;
    const editor = new EditorPage(page);
    const profile = new ProfilePage(page);
    const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${scheme}-profile-${name}.png` });
    await page.emulateMedia({ colorScheme: scheme });

    await editor.select('cohort/m1.tif');
    await expect(editor.panel().getByRole('button', { name: 'Use “mouse”' })).toBeVisible();
    const sex = editor.field('Sex');
    await sex.click();
    await sex.press('ArrowDown');
    await expect(page.getByRole('listbox', { name: 'Sex choices' })).toBeVisible();
    await shot('fields');
    await sex.press('Escape');

    await editor.type('Sex', 'F');
    await expect(page.getByRole('option', { name: 'F → female' })).toBeVisible();
    await shot('synonym');
    await sex.press('Escape');

    const view = await profile.openCompleteness();
    await expect(profile.fieldLine('Species')).toBeVisible();
    await shot('completeness');
    // Runs in the page; typed structurally because the Node-side project has no DOM types.
    await view.locator('.completeness-fields').evaluate((e) => {
      const box = e as unknown as { scrollTop: number; scrollHeight: number };
      box.scrollTop = box.scrollHeight;
    });
    await shot('completeness-folder');

    const normalize = await profile.openNormalize('Species');
    await expect(normalize.getByRole('status')).toContainText('Mouse → mouse');
    await shot('normalize');
    await normalize.getByRole('button', { name: 'Cancel' }).click();
    await profile.completeness.getByRole('button', { name: 'Close' }).click();

    await editor.quickFilter('Not ready').click();
    await editor.select('cohort/m2.tif');
    await editor.type('Species', 'hamster');
    await expect(editor.panel().getByText('Species "hamster" is not one of mouse, rat')).toBeVisible();
    await shot('table');
    await editor.save();
    await expect(editor.review()).toContainText('lab profile');
    await shot('review');
  });
}
