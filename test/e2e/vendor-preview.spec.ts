/**
 * Previews of the files microscopes write: a CZI (a zstd-compressed mosaic) and an ND2 show a
 * decoded plane as a TIFF does, the ND2's sliders step through its z slices and channels, and a
 * CZI whose tiles use a codec the preview cannot decode shows why instead of a picture.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const FORMATS = '../fixtures/formats';
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`${FORMATS}/${name}`, import.meta.url)));
const SHOTS = 'test-results/screens';

const CZI = 'raw/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi';
const ND2 = 'raw/pims_nd2_cluster.nd2';
const JPEGXR = 'raw/jpegxr.czi';

/** A CZI whose subblock directory says every tile is JPEG XR (compression 4). */
function jpegXrCzi(): Uint8Array {
  const bytes = fixture('czi/czitools_100x100.czi');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = Number(view.getBigInt64(32 + 52, true));
  let at = directory + 32 + 128;
  for (let i = 0; i < view.getInt32(directory + 32, true); i++) {
    view.setInt32(at + 18, 4, true);
    at += 32 + 20 * view.getInt32(at + 28, true);
  }
  return bytes;
}

test.use({
  extraFiles: {
    [CZI]: fixture('czi/czitools_S3_1Pos_2Mosaic_T1_Z1_CH1.czi'),
    [ND2]: fixture('nd2/pims_nd2_cluster.nd2'),
    [JPEGXR]: jpegXrCzi(),
  },
});

/** The drawn canvas: its size, how many grey levels it shows, and a fingerprint of its pixels. */
async function picture(canvas: Locator): Promise<{ width: number; height: number; levels: number; pixels: string }> {
  // Runs in the page; typed structurally because the Node-side project has no DOM types.
  type Canvas = {
    width: number;
    height: number;
    toDataURL(): string;
    getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
  };
  return canvas.evaluate((element) => {
    const c = element as unknown as Canvas;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) levels.add(data[i] as number);
    return { width: c.width, height: c.height, levels: levels.size, pixels: c.toDataURL() };
  });
}

/** Opens the preview section of the selected image when it is folded. */
async function openPreview(editor: EditorPage): Promise<void> {
  const toggle = editor.panel().getByRole('button', { name: /^Preview/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

test('a CZI and an ND2 show a decoded plane, and the ND2 sliders show other planes', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(CZI);
  await openPreview(editor);
  await expect(editor.preview()).toHaveAccessibleName('Preview, 295 × 122 pixels');
  // the canvas is drawn once it is in the page: wait for the drawing, not for a time
  await expect.poll(async () => (await picture(editor.preview())).levels).toBeGreaterThan(50);
  expect(await picture(editor.preview())).toMatchObject({ width: 295, height: 122 });
  await app.page.screenshot({ path: `${SHOTS}/vendor-preview.png` });

  await editor.select(ND2);
  await openPreview(editor);
  await expect(editor.preview()).toHaveAccessibleName('Preview, 38 × 31 pixels');
  const panel = editor.panel();
  await expect(panel.getByRole('slider', { name: 'Channel' })).toHaveAttribute('max', '1');
  await expect(panel.getByRole('slider', { name: 'Time point' })).toHaveAttribute('max', '2');
  const z = panel.getByRole('slider', { name: 'Z slice' });
  await expect(z).toHaveAttribute('max', '9');
  await expect.poll(async () => (await picture(editor.preview())).levels).toBeGreaterThan(1);
  const first = await picture(editor.preview());
  expect(first).toMatchObject({ width: 38, height: 31 });

  await z.focus();
  for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowRight');
  await expect(panel.getByText('5 / 10')).toBeVisible();
  await expect(editor.preview()).not.toHaveClass(/is-stale/);
  await expect.poll(async () => (await picture(editor.preview())).pixels).not.toBe(first.pixels);
  const slice = await picture(editor.preview());
  expect(slice.levels).toBeGreaterThan(50);

  const channel = panel.getByRole('slider', { name: 'Channel' });
  await channel.focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(panel.getByText('2 / 2')).toBeVisible();
  await expect(editor.preview()).not.toHaveClass(/is-stale/);
  await expect.poll(async () => (await picture(editor.preview())).pixels).not.toBe(slice.pixels);
});

test('a CZI whose tiles the preview cannot decode says why instead of showing a picture', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await editor.select(JPEGXR);
  await openPreview(editor);
  await expect(editor.panel().getByText(/^Preview unavailable:/)).toHaveText(
    'Preview unavailable: jpegxr.czi: no preview for this compression (jpegxr)',
  );
  await expect(editor.preview()).toHaveCount(0);
});
