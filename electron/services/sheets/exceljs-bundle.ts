/**
 * exceljs on its own: the build makes this file a bundle of its own (dist/electron/exceljs.cjs,
 * about 3 MB) that `xlsx-file.ts` loads on first use, so starting the command line or the app
 * does not parse it (see build/scripts/node-bundle-options.mjs).
 */
import ExcelJS, { type Workbook } from 'exceljs';

/** A new, empty workbook. */
export function newWorkbook(): Workbook {
  return new ExcelJS.Workbook();
}
