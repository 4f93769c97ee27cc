/**
 * Build upload…, end to end as a lab does it: a lab folder of two CZIs from one microscope, with
 * its channel table, the facility's catalogue entry and a qa_qc/ report, opened in the app; the
 * dataset's values typed and its person picked from the lab's people list in the Dataset panel
 * (saved as `acqmeta dataset --set … --contributors` saves them); reviewed (the files listed,
 * nothing required left) and built into a HuBMAP upload that the bundled directory schema and
 * the template's rules pass, its cells the values typed, its raw files the lab's byte for byte,
 * each OME-TIFF copy's every plane the source's. A build cancelled mid-way leaves nothing in or
 * beside the upload folder. Browser mode serving the lab folder itself builds with the upload
 * folder offered, beside it, untyped. No serious accessibility problem in the dialog.
 * Screenshots of the Dataset panel, the review, the progress and the end
 * (test-results/screens/*-build-upload-*.png; the docs' copies are in docs/screens/).
 */
import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CD7_CZI, CD7_TEXT, DATASET_TEXT, LAB, RESOLUTION, uploadLabFiles } from '../unit/electron/cli/upload-lab';
import { startServer, test, expect, type AppFixture } from './support/app';
import { dialogFindings } from './support/axe-themes';
import { EditorPage } from './support/editor-page';
import { loadUploadRules, omeTiffPlanes } from './support/upload-checks';

const SHOTS = 'test-results/screens';
const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

/** A screenshot of the page in the light theme. */
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/light-build-upload-${name}.png` });

/** The values and the person a user enters: those `acqmeta dataset --set … --contributors` keeps in the CLI's test. */
const DATASET = JSON.parse(DATASET_TEXT) as { values: Record<string, string>; people: Record<string, string>[] };
const PERSON = DATASET.people[0]!;
const LISTED = ['first_name', 'last_name', 'display_name', 'affiliation', 'orcid', 'email'];

/** A qa_qc/ report file besides the lab's resolution report. */
const FLATNESS = 'flat to 2 %\n';

/** The lab folder, a file in the qa_qc/ report folder HuBMAP's schema asks for, and the lab's people list at the share's root. */
test.use({
  extraFiles: {
    ...uploadLabFiles(),
    [`${LAB}/qa_qc/illumination_report/flatness.txt`]: FLATNESS,
    'acqmeta.people.tsv': `${LISTED.join('\t')}\n${LISTED.map((column) => PERSON[column]).join('\t')}\n`,
  },
});

/** Opens the lab folder through Open folder…. */
async function openLab(app: AppFixture) {
  const { page } = app;
  await page.getByRole('button', { name: 'Open folder…' }).click();
  const open = page.getByRole('dialog', { name: 'Open folder' });
  await open.getByLabel('Folder path').fill(app.file(LAB));
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('.toolbar-folder')).toHaveText(LAB);
  await expect(new EditorPage(page).bodyRows()).toHaveCount(2);
}

/** The Dataset panel's control of `column` (its label ends with the column's name). */
const valueField = (panel: Locator, column: string) => panel.getByLabel(new RegExp(`(^|\\s)${column}$`));

/** Types the dataset's values (or chooses them where the template lists terms) and picks its person from the lab's list, with every role; saves. */
async function enterDataset(app: AppFixture) {
  const { page } = app;
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  await page.getByRole('menu', { name: 'Spreadsheet' }).getByRole('menuitem', { name: 'Dataset values…' }).click();
  const panel = page.getByRole('dialog', { name: 'Dataset values' });
  await expect(panel.getByLabel('Columns of')).toHaveValue('hubmap:confocal');
  for (const [column, value] of Object.entries(DATASET.values)) {
    const field = valueField(panel, column);
    const tag = await field.evaluate((element) => (element as unknown as { tagName: string }).tagName);
    if (tag === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
    await expect(field).toHaveValue(value);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }
  const name = `${PERSON.display_name} (${PERSON.orcid})`;
  await panel.getByLabel(/^Add a person from .*acqmeta\.people\.tsv$/).selectOption({ label: name });
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  const people = panel.getByRole('table', { name: 'People of the dataset' });
  await expect(people.getByRole('rowheader')).toHaveText([PERSON.display_name!]);
  for (const role of ['Contact', 'Principal investigator', 'Operator'])
    await people.getByLabel(`${role}: ${PERSON.display_name}`).check();
  await shot(page, 'dataset');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toBeHidden();
  // the bytes `acqmeta dataset` writes for the same values and people
  expect(readFileSync(app.file(`${LAB}/acqmeta.dataset.json`), 'utf8')).toBe(DATASET_TEXT);
}

/** Opens the dialog from the Spreadsheet menu (or from Write submission files), the upload folder typed and reviewed. */
async function reviewUpload(app: AppFixture, from: 'menu' | 'submission files') {
  const { page } = app;
  await page.getByRole('button', { name: 'Spreadsheet' }).click();
  if (from === 'menu') await page.getByRole('menuitem', { name: 'Build upload…' }).click();
  else {
    await page.getByRole('menuitem', { name: 'Submission files (HuBMAP, HTAN)…' }).click();
    await page
      .getByRole('dialog', { name: 'Write submission files' })
      .getByRole('button', { name: 'Build upload…' })
      .click();
  }
  const dialog = page.getByRole('dialog', { name: 'Build upload' });
  await expect(dialog.getByLabel('Target')).toHaveValue('hubmap:confocal');
  await dialog.getByLabel('Upload folder').fill(app.file('upload'));
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    `Builds ${app.file('upload')}: 4 files linked, 2 images converted to 6 OME-TIFF copies, 11 metadata files written.`,
  );
  return dialog;
}

/** The columns whose cells keep to one line, and those holding paths, which break after a slash only. */
const ONE_LINE = ['Action', 'Size', 'Column', 'Needed'];
const PATHS = ['In the upload', 'From', 'Where'];

/** What of a drawn element the check of lines below reads (the spec is typed without the DOM's types). */
interface Drawn {
  textContent: string | null;
  children: ArrayLike<Drawn>;
  querySelectorAll(selector: string): ArrayLike<Drawn>;
}
/** The page's globals that check uses. */
interface PageGlobals {
  document: {
    createRange(): {
      setStart(node: Drawn, offset: number): void;
      setEnd(node: Drawn, offset: number): void;
      getBoundingClientRect(): { top: number; height: number };
    };
    createTreeWalker(root: Drawn, show: number): { nextNode(): Drawn | null };
  };
}

/**
 * The dialog's table cells drawn against those rules, as `column: line | line`: each line of a
 * cell is the characters the screen shows at one height.
 */
async function brokenCells(page: Page): Promise<string[]> {
  return page.locator('dialog[open] table').evaluateAll(
    (tables, [oneLine, paths]) => {
      const { document } = globalThis as unknown as PageGlobals;
      const SHOW_TEXT = 4;
      const linesOf = (cell: Drawn): string[] => {
        const lines: { top: number; text: string }[] = [];
        const walker = document.createTreeWalker(cell, SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            const last = lines.at(-1);
            if (last !== undefined && (box.height === 0 || Math.abs(box.top - last.top) < box.height / 2))
              last.text += text[i];
            else lines.push({ top: box.top, text: text[i] ?? '' });
          }
        }
        return lines.map((line) => line.text);
      };
      return (tables as unknown as Drawn[]).flatMap((table) => {
        const headers = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent ?? '');
        return Array.from(table.querySelectorAll('tbody tr')).flatMap((tr) =>
          Array.from(tr.children).flatMap((cell, c) => {
            const lines = linesOf(cell);
            const header = headers[c] ?? '';
            const bad =
              (oneLine?.includes(header) === true && lines.length > 1) ||
              (paths?.includes(header) === true && lines.slice(0, -1).some((line) => !line.endsWith('/')));
            return bad ? [`${header}: ${lines.join(' | ')}`] : [];
          }),
        );
      });
    },
    [ONE_LINE, PATHS],
  );
}

/** The right edges of the open dialog's tables past the dialog's own (none: no column is cut off). */
async function tablesPastDialog(page: Page): Promise<number[]> {
  const dialog = await page.locator('dialog[open]').boundingBox();
  const tables = await Promise.all(
    (await page.locator('dialog[open] table').all()).map((table) => table.boundingBox()),
  );
  return tables
    .flatMap((box) => (box === null || dialog === null ? [] : [box.x + box.width - (dialog.x + dialog.width)]))
    .filter((past) => past > 0);
}

/** While it names `before-check`, the write worker holds each sidecar write before its rename: the first OME-TIFF copy's. */
const gate = path.join(tmpdir(), `acqmeta-e2e-upload-gate-${process.pid}`);
test.use({ serverEnv: { ACQMETA_WRITE_GATE: gate } });
/** Arms the gate, once the Dataset panel's save (a write of the same worker) is done. */
const holdWrites = () => writeFileSync(gate, 'before-check\n');
test.afterEach(() => {
  rmSync(gate, { force: true });
  rmSync(`${gate}.reached`, { force: true });
});

test('dataset entered in the panel, reviewed, built with progress in bytes: an upload HuBMAP’s checks pass', async ({
  app,
}) => {
  const { page } = app;
  // the panel's entries, a build of six copies and every plane compared: the bound only catches a hang
  test.slow();
  await openLab(app);
  await enterDataset(app);
  const dialog = await reviewUpload(app, 'menu');
  const steps = dialog.getByRole('table', { name: 'What goes into the upload for hubmap:confocal' });
  for (const name of ['a', 'b']) await expect(steps).toContainText(`${LAB}/raw/images/${name}.czi`);
  // each CZI's three scenes: the copies by the names the build gives them
  const reviewed = (await steps.getByRole('row').allInnerTexts())
    .map((row) => row.split('\t').map((cell) => cell.trim()))
    .filter(([action]) => action === 'Convert')
    .map(([, copy]) => (copy ?? '').slice((copy ?? '').lastIndexOf('/') + 1))
    .sort();
  expect(reviewed).toHaveLength(6);
  await expect(steps).toContainText(`${LAB}/qa_qc/resolution_report/resolution.txt`);
  await expect(steps).toContainText(`${LAB}/raw/channel_layout.tsv`);
  await expect(dialog.getByRole('heading', { name: 'Nothing required is left. 1 optional item:' })).toBeVisible();
  expect(await dialogFindings(page)).toEqual([]);
  // names stay whole (a path wraps after a slash only), in the window and in a narrower one
  expect(await brokenCells(page)).toEqual([]);
  expect(await tablesPastDialog(page)).toEqual([]);
  await shot(page, 'review');
  await page.setViewportSize({ width: 1100, height: 800 });
  expect(await brokenCells(page)).toEqual([]);
  expect(await tablesPastDialog(page)).toEqual([]);
  await shot(page, 'review-narrow');
  await page.setViewportSize({ width: 1440, height: 900 });

  holdWrites();
  await dialog.getByRole('button', { name: 'Build upload' }).click();
  await expect.poll(() => readFileSync(`${gate}.reached`, { encoding: 'utf8', flag: 'a+' })).toContain('.ome.tiff');
  await expect(dialog.getByRole('progressbar', { name: 'Bytes built' })).toBeVisible();
  await expect(dialog).toContainText(/\d+(\.\d+)? (KiB|MiB) of \d+(\.\d+)? (KiB|MiB)/);
  expect(await dialogFindings(page)).toEqual([]);
  await shot(page, 'progress');
  rmSync(gate);

  await expect(dialog.getByRole('status')).toHaveText(
    'Upload built: 4 files linked, 2 images converted to 6 OME-TIFF copies, 11 metadata files written.',
    { timeout: 120_000 },
  );
  await expect(dialog.getByRole('heading', { name: 'Nothing required is left. 1 optional item:' })).toBeVisible();
  expect(await brokenCells(page)).toEqual([]);
  // browser mode has no file manager: the upload's path is shown
  await expect(dialog).toContainText(`In ${app.file('upload')}`);
  await expect(dialog.getByRole('button', { name: 'Open upload folder' })).toHaveCount(0);
  expect(await dialogFindings(page)).toEqual([]);
  await shot(page, 'done');

  // the upload: the metadata files at the top, one dataset folder HuBMAP's directory schema passes
  const { hubmapRules, ruledTable, sourcePlanes, uploadLayout } = await loadUploadRules();
  expect(readdirSync(app.file('upload')).sort()).toEqual([
    'antibodies.tsv',
    'confocal-metadata.tsv',
    'contributors.tsv',
    LAB,
  ]);
  const layout = await uploadLayout(app.file(`upload/${LAB}`), 'hubmap:confocal');
  expect(layout.problems).toEqual([]);
  expect(layout.leftOut).toEqual([]);
  // the cells: the values and the person entered in the panel, every cell by the template's rules
  const metadata = ruledTable(
    readFileSync(app.file('upload/confocal-metadata.tsv'), 'utf8'),
    'tsv',
    hubmapRules('confocal'),
  );
  expect(metadata.header).toEqual(hubmapRules('confocal').map((rule) => rule.name));
  expect(metadata.problems).toEqual([]);
  expect(metadata.rows).toEqual([
    expect.objectContaining({ ...DATASET.values, data_path: `./${LAB}`, contributors_path: './contributors.tsv' }),
  ]);
  const contributors = ruledTable(
    readFileSync(app.file('upload/contributors.tsv'), 'utf8'),
    'tsv',
    hubmapRules('contributors'),
  );
  expect(contributors.problems).toEqual([]);
  expect(contributors.rows).toEqual([expect.objectContaining(PERSON)]);
  expect(readFileSync(app.file(`upload/${LAB}/raw/channel_layout.tsv`), 'utf8')).toBe(
    'file\tchannel_id\tchannel_name\tmoiety\r\na.czi\tChannel:0:0\tDAPI\tDNA\r\nb.czi\tChannel:0:0\tDAPI\tDNA\r\n',
  );
  // the lab's files byte for byte
  for (const name of ['a.czi', 'b.czi'])
    expect(readFileSync(app.file(`upload/${LAB}/raw/images/${name}`))).toEqual(
      readFileSync(app.file(`${LAB}/${name}`)),
    );
  expect(readFileSync(app.file(`upload/${LAB}/extras/microscope_hardware.json`), 'utf8')).toBe(CD7_TEXT);
  expect(readFileSync(app.file(`upload/${LAB}/qa_qc/resolution_report/resolution.txt`), 'utf8')).toBe(RESOLUTION);
  expect(readFileSync(app.file(`upload/${LAB}/qa_qc/illumination_report/flatness.txt`), 'utf8')).toBe(FLATNESS);
  // each OME-TIFF copy, every plane, the samples of its source's scene; scene 0 also as an independent reader has it
  const images = app.file(`upload/${LAB}/lab_processed/images`);
  const copies = readdirSync(images)
    .filter((f) => f.endsWith('.ome.tiff'))
    .sort();
  expect(copies).toEqual(reviewed);
  const planes = omeTiffPlanes(copies.map((copy) => path.join(images, copy)));
  for (const copy of copies) {
    const [, stem, scene] = /^([ab])_(\d+)_/.exec(copy) ?? [];
    expect(planes.get(path.join(images, copy)), copy).toEqual(
      await sourcePlanes(app.file(`${LAB}/${stem}.czi`), Number(scene)),
    );
  }
  const reference = JSON.parse(readFileSync(path.join(FORMATS, 'expected-planes.json'), 'utf8'));
  for (const stem of ['a', 'b'])
    expect(planes.get(path.join(images, `${stem}_0_Scene_0.ome.tiff`))).toEqual([
      reference[`czi/${CD7_CZI}`][0].sha256,
    ]);
});

test('opened from Write submission files, cancelled mid-build: nothing is left in or beside the upload folder', async ({
  app,
}) => {
  const { page } = app;
  const before = readdirSync(app.folder).sort();
  await openLab(app);
  const dialog = await reviewUpload(app, 'submission files');
  holdWrites();
  await dialog.getByRole('button', { name: 'Build upload' }).click();
  await expect.poll(() => readFileSync(`${gate}.reached`, { encoding: 'utf8', flag: 'a+' })).toContain('.ome.tiff');
  // the gate is let go once the server has the cancel, not when the page shows it asked
  const cancelled = page.waitForResponse((response) => response.url().includes('/api/cancelUpload'));
  await dialog.getByRole('button', { name: 'Cancel build' }).click();
  await expect(dialog).toContainText('Cancelling…');
  expect((await cancelled).ok()).toBe(true);
  rmSync(gate);
  await expect(dialog.getByRole('status')).toHaveText('Cancelled: nothing was left in the upload folder.');
  expect(readdirSync(app.folder).sort()).toEqual(before);
});

test('browser mode serving the lab folder itself: built with the upload folder offered, beside it', async ({
  folder,
  sharedBrowser,
}, testInfo) => {
  test.skip(sharedBrowser === null, 'browser mode only: the desktop app serves no folder');
  const lab = folder.file(LAB);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-e2e-cache-'));
  const { url, server } = await startServer(lab, folder.configDir, { ACQMETA_CACHE_DIR: cacheDir });
  const context = await sharedBrowser!.newContext({ viewport: testInfo.project.use.viewport ?? null });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await expect(new EditorPage(page).bodyRows()).toHaveCount(2);
    await page.getByRole('button', { name: 'Spreadsheet' }).click();
    await page.getByRole('menuitem', { name: 'Build upload…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Build upload' });
    await expect(dialog.getByLabel('Upload folder')).toHaveValue(`${lab}-upload`);
    await dialog.getByRole('button', { name: 'Review' }).click();
    await expect(dialog.getByRole('status')).toContainText(`Builds ${lab}-upload: `);
    await dialog.getByRole('button', { name: 'Build upload' }).click();
    await expect(dialog.getByRole('status')).toContainText('Upload built: ', { timeout: 120_000 });
    await expect(dialog).toContainText(`In ${lab}-upload`);
    await page.screenshot({ path: `${SHOTS}/light-build-upload-served-root.png` });
    for (const name of ['a.czi', 'b.czi'])
      expect(readFileSync(path.join(`${lab}-upload`, LAB, 'raw', 'images', name))).toEqual(
        readFileSync(path.join(lab, name)),
      );
  } finally {
    await context.close();
    server.kill('SIGTERM');
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
