/**
 * The filter: words match every column (DType, dimensions, sidecar state, ...), `field:value`
 * terms pick one column, a help popover lists the syntax, and the quick filters (one at a
 * time, Warnings among them: a calibration mismatch, a read error, a format warning such as
 * ls_01's unknown ROI type) combine with the text.
 */
import { test, expect } from './support/app';
import { EditorPage } from './support/editor-page';

const OME = 'cells/multi-channel.ome.tif';
const IMAGEJ = 'cells/multi-tiff_Channel_0.tif';
const BLOBS = 'stacks/_blobs_3d_fiji_skeleton.tif';
const STUCK = 'stacks/stuck.tif';
const CHESS = 'chessboard_GRAY_U16.tif';
const HOSTILE = 'hostile/test_ifd_loop_to_self.tif';
const [LS1, LS2, LS3] = ['linescans/ls_01.tif', 'linescans/ls_02.tif', 'linescans/ls_03.tif'];

test('words match every column, and field:value terms match one', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const shown = async (text: string) => {
    await editor.filter.fill(text);
    return (await editor.shownPaths()).sort();
  };
  expect(await shown('uint16')).toEqual([CHESS, LS1, LS2, LS3, STUCK]);
  expect(await shown('Z:30')).toEqual([BLOBS]);
  expect(await shown('dtype:uint8')).toEqual([IMAGEJ, BLOBS].sort());
  expect(await shown('genotype:thy1')).toEqual([OME]);
  expect(await shown('Genotype:=THY1-GFP')).toEqual([OME]);
  expect(await shown('depth:>100')).toEqual([LS1, BLOBS]);
  expect(await shown('depth:<=100')).toEqual([OME, LS2]);
  expect(await shown('depth:75')).toEqual([OME]);
  expect(await shown('sidecar:none')).toEqual([IMAGEJ, HOSTILE]);
  expect(await shown('-sidecar:none channels:1')).toEqual([CHESS, LS1, LS2, LS3, BLOBS, STUCK]);
  expect(await shown('condition:"control"')).toEqual([BLOBS]);
  expect(await shown('"cell type":"" species:rat')).toEqual([BLOBS]);
  expect(await shown('loop')).toEqual([HOSTILE]);
  expect(await shown('genotpye:wt')).toEqual([]);
  await expect(app.page.getByRole('contentinfo')).toContainText('No field named “genotpye”: searched as text');
  expect(await shown('date:>someday')).toEqual([]);
  await expect(app.page.getByRole('contentinfo')).toContainText(
    'Date compares dates: “someday” is not one (type 2013, 2013-05 or 2013-05-06); searched as text',
  );
});

test('the filter explains its syntax and how the quick filters combine with it', async ({ app }) => {
  const editor = new EditorPage(app.page);
  await expect(editor.filter).toHaveAttribute('placeholder', /field:value/);
  await app.page.getByRole('button', { name: 'Filter syntax' }).click();
  const help = app.page.getByRole('dialog', { name: 'Filter syntax' });
  await expect(help).toContainText('depth:>100');
  await expect(help).toContainText('sidecar:none');
  await expect(help).toContainText('one at a time, and together with the text');
  await app.page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(
    app.page.getByRole('group', { name: 'Quick filters, one at a time, combined with the filter text' }),
  ).toBeVisible();
  await expect(editor.quickFilter('No sidecar')).toHaveAttribute(
    'title',
    /one at a time; an image must also match the filter text/,
  );

  await editor.filter.fill('cells/');
  await editor.quickFilter('No sidecar').click();
  expect(await editor.shownPaths()).toEqual([IMAGEJ]);
  await expect(app.page.getByRole('contentinfo')).toContainText('1 shown: “cells/” and No sidecar');
});

test('the Warnings quick filter shows the images marked with a warning', async ({ app }) => {
  const editor = new EditorPage(app.page);
  const warnings = editor.quickFilter('Warnings');
  await expect(warnings).toContainText('4');
  await warnings.click();
  expect((await editor.shownPaths()).sort()).toEqual([CHESS, HOSTILE, LS1, STUCK]);
  await expect(editor.quickFilter('No sidecar')).toHaveAttribute('aria-pressed', 'false');
});
