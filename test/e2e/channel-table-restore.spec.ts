/**
 * A channel table restored from the folder's History: saved twice from its dialog, then put
 * back to before the second save after a review of the rows by Channel ID, byte for byte; and
 * refused, nothing written, when another program changed the file since AcqMeta wrote it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { openChannelTable } from './support/channel-table-page';

const ND2 = readFileSync(new URL('../fixtures/formats/nd2/pims_nd2_cluster.nd2', import.meta.url));
const IMAGES = ['raw/run-a.nd2', 'raw/run-b.nd2'];
const CSV = 'raw/acqmeta.channels.csv';
const REVIEW = `Restore ${CSV} to before “Channel table of raw”`;

test.use({ extraFiles: Object.fromEntries(IMAGES.map((name) => [name, ND2])) });

/** Saves the table of raw with `target` as channel `channel`'s Target Name. */
async function saveTarget(page: Page, channel: number, target: string) {
  const dialog = await openChannelTable(page, IMAGES[0]!);
  await dialog.getByLabel(`Target Name, channel ${channel}`).fill(target);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Saves twice (the second changes Channel:0:1), runs `between`, opens History and the review of
 * restoring before the second save; the table's text after the first save.
 */
async function reviewBeforeSecondSave(page: Page, file: string, between?: () => void) {
  await saveTarget(page, 1, 'DNA');
  const first = readFileSync(file, 'utf8');
  await saveTarget(page, 2, 'membrane');
  expect(readFileSync(file, 'utf8')).not.toBe(first);
  between?.();
  await page.getByRole('button', { name: 'History of the folder…' }).click();
  const timeline = page.getByRole('dialog', { name: 'History of the folder' });
  const writes = timeline.getByRole('table', { name: 'Channel tables written, newest first' });
  const second = writes.getByRole('row').filter({ hasText: 'rows 1 changed (Channel:0:1)' });
  await second.getByRole('button', { name: 'Restore to before this' }).click();
  return { first, writes, review: page.getByRole('dialog', { name: REVIEW }) };
}

test('restoring before the second save puts the first save’s bytes back, after a review', async ({ app }) => {
  const page = app.page;
  const { first, writes, review } = await reviewBeforeSecondSave(page, app.file(CSV));
  const rows = review.getByRole('table', { name: 'Rows, by Channel ID' }).getByRole('row');
  await expect(rows).toHaveText(['Changed backChannel:0:1']);
  await expect(review.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/light-channel-table-restore-review.png' });
  await review.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText(`Restored ${CSV} to before “Channel table of raw”.`)).toBeVisible();
  expect(readFileSync(app.file(CSV), 'utf8')).toBe(first);
  await expect(writes.getByRole('row')).toHaveCount(4);
  await expect(writes.getByRole('row').nth(1)).toContainText('Restore before “Channel table of raw”');
  await page.screenshot({ path: 'test-results/screens/light-channel-table-restored-timeline.png' });
});

test('a table another program changed since is not restored: the review says so', async ({ app }) => {
  const theirs = 'Channel ID,Channel Name\r\nChannel:0:0,edited elsewhere\r\n';
  const { review } = await reviewBeforeSecondSave(app.page, app.file(CSV), () => writeFileSync(app.file(CSV), theirs));
  await expect(review.getByRole('alert')).toContainText(
    `Cannot restore: ${CSV} changed since AcqMeta wrote it (record `,
  );
  await expect(review.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
  await app.page.screenshot({ path: 'test-results/screens/light-channel-table-restore-refused.png' });
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toBeHidden();
  expect(readFileSync(app.file(CSV), 'utf8')).toBe(theirs);
});
