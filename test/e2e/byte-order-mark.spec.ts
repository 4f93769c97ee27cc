/**
 * A sidecar that begins with a byte order mark: read and edited as any other, said to be one
 * CloudScope refuses, and written without the mark in one click, nothing else in it changed.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const IMAGE = 'cells/multi-tiff_Channel_0.tif';
/** A valid sidecar of the folder's, put beside an image that has none. */
const SIDECAR = readFileSync(
  new URL('../fixtures/e2e-folder/cells/multi-channel.ome.tif.json', import.meta.url),
  'utf8',
);
const SHOTS = 'test-results/screens';

test.use({ extraFiles: { [`${IMAGE}.json`]: `\uFEFF${SIDECAR}` } });

test('a sidecar with a BOM is saved without it, in one click', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const panel = editor.panel();
  await editor.select(IMAGE);
  await expect(panel.getByText(/^Byte order mark \(BOM\) at the start: Python's json/)).toBeVisible();
  const offer = panel.getByRole('status').filter({ hasText: 'without its byte order mark' });
  await expect(offer).toContainText('so that CloudScope can read it');
  await expect(panel.getByRole('textbox').first()).toBeEditable();
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: `${SHOTS}/${scheme}-byte-order-mark.png` });
  }
  await offer.getByRole('button', { name: 'Save without the BOM' }).click();
  await expect(app.page.getByText(`Saved ${IMAGE} without its byte order mark.`)).toBeVisible();
  await expect(offer).toHaveCount(0);
  await expect(panel.getByText(/^Byte order mark/)).toHaveCount(0);
  expect(readFileSync(app.file(`${IMAGE}.json`), 'utf8')).toBe(SIDECAR);
});
