/**
 * The Submission check: the open folder's layout against a HuBMAP directory schema, as a
 * person meets it — what is missing and what is not allowed — and again after they add a
 * required file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/app';

const SHOTS = 'test-results/screens';

test('checks the folder against a HuBMAP schema, names what is missing, and sees a file added', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Completeness/ }).click();
  await page.screenshot({ path: `${SHOTS}/light-completeness-submission-button.png` });
  await page.getByRole('button', { name: 'Submission check…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submission check: folder layout' });
  await expect(dialog.getByRole('status')).toContainText(/required patterns missing, \d+ paths not allowed/);
  await expect(dialog.getByRole('status')).toContainText('checked against hubmap:confocal-v2.3');
  const hardware = dialog.getByRole('row').filter({ hasText: 'extras/microscope_hardware.json' });
  await expect(hardware).toContainText('Missing');
  // the lab's images lie where the schema allows none: each is named
  await expect(dialog.getByRole('region', { name: /^Not allowed by the schema/ })).toContainText('cells/');
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: `${SHOTS}/light-submission-check.png` });

  const hardwareFile = app.file('extras/microscope_hardware.json');
  mkdirSync(path.dirname(hardwareFile), { recursive: true });
  writeFileSync(hardwareFile, '{}');
  await dialog.getByRole('button', { name: 'Check again' }).click();
  await expect(hardware).toContainText('Present');

  await dialog.getByLabel('Target').selectOption('hubmap:histology');
  await expect(dialog.getByRole('status')).toContainText(/checked against hubmap:histology-v\d/);
  await expect(dialog.getByRole('table')).toHaveAccessibleName(/^Patterns of hubmap:histology-v/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // the target chosen is the one the check opens on next
  await page.getByRole('button', { name: /^Completeness/ }).click();
  await page.getByRole('button', { name: 'Submission check…' }).click();
  await expect(dialog.getByLabel('Target')).toHaveValue('hubmap:histology');
});

test.describe('under a lab profile that names its target', () => {
  test.use({
    extraFiles: { 'acqmeta.profile.json': JSON.stringify({ title: 'IMC deposit', 'x-target': 'hubmap:imc-2d' }) },
  });

  test('Completeness lists what the target requires and where each value comes from; the check opens on it', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('button', { name: /^Completeness/ }).click();
    const section = page.getByRole('region', { name: 'For hubmap:imc-2d' });
    await expect(section).toContainText('named by acqmeta.profile.json');
    await expect(section.getByRole('status')).toContainText(
      /\d+ of \d+ required columns filled from the files, \d+ to fill/,
    );
    await expect(section.getByRole('row', { name: /^metadata_schema_id/ })).toContainText(/[0-9a-f-]{36}\s*template/);
    const sample = section.getByRole('row', { name: /^parent_sample_id/ });
    await expect(sample).toContainText('to fill');
    await expect(sample).toContainText('no file or sidecar supplies it');
    await page.setViewportSize({ width: 1280, height: 900 });
    // the view's list scrolled to the section's heading (scrollIntoView would move the dialog too)
    const list = page.locator('.completeness-fields');
    const [heading, top] = await Promise.all([section.getByRole('heading').boundingBox(), list.boundingBox()]);
    await list.evaluate(
      (element, by) => void ((element as unknown as { scrollTop: number }).scrollTop += by),
      (heading?.y ?? 0) - (top?.y ?? 0),
    );
    await page.screenshot({ path: `${SHOTS}/light-completeness-target.png` });

    await page.getByRole('button', { name: 'Submission check…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submission check: folder layout' });
    await expect(dialog.getByLabel('Target')).toHaveValue('hubmap:imc-2d');
    await expect(dialog.getByRole('status')).toContainText(/checked against hubmap:imc-2d-v\d/);
    // the lab profile is AcqMeta's own: listed apart, never "not allowed"
    await expect(dialog.getByRole('region', { name: /^AcqMeta’s own files, left out of an upload/ })).toContainText(
      'acqmeta.profile.json',
    );
    await expect(dialog.getByRole('region', { name: /^Not allowed by the schema/ })).not.toContainText(
      'acqmeta.profile.json',
    );
    await page.screenshot({ path: `${SHOTS}/light-submission-check-left-out.png` });
  });
});
