/**
 * The OMERO bulk annotation table (`omero metadata populate Project:<id> --file x.csv`).
 *
 * OMERO.populate finds each image of a Project by `Dataset Name` and `Image Name`, and takes the
 * type of every column from a first row `# header s,s,d,l,…` (s text, d double, l long, b bool).
 * Here a dataset is one folder of images (the images directly in the exported folder: the
 * folder's own name, else the subfolder's path such as `raw/day1`) and an image is named by its
 * file name, as OMERO names a single-series file it imports. Field columns are named by sidecar
 * key: OMERO can query columns whose names have no spaces. OMERO tables have no empty numbers;
 * `omero metadata populate --allow_nan` stores an empty number cell as NaN.
 *
 * Cells are written as they are, without the escape against formulas of the spreadsheet exports:
 * populate reads the file with Python's `csv` module and stores a text cell's characters as
 * they are, so a `'` in front would end up in OMERO (see docs/spreadsheets.md).
 */
import { EDITABLE_FIELDS, type FieldSpec } from '../fields/field-table';
import { startsLikeFormula } from './formula-escape';
import { unreachable, valueText } from './sheet-cell';
import type { ExportRow } from './table-export';

/** The OMERO table as text cells, and the names of number columns with empty cells. */
export interface OmeroTable {
  table: string[][];
  /** Fields with empty number cells (populate needs `--allow_nan`). */
  emptyNumbers: string[];
  /** Text cells that a spreadsheet program would read as formulas. */
  formulaLike: number;
}

/** The OMERO column type of a field: a whole-number column with empty cells becomes `d` (NaN). */
function columnType(spec: FieldSpec, hasEmpty: boolean): string {
  switch (spec.type) {
    case 'str':
      return 's';
    case 'float':
      return 'd';
    case 'int':
      return hasEmpty ? 'd' : 'l';
    case 'bool':
      return 'b';
    default:
      return unreachable(spec.type);
  }
}

/** `raw/day1/m3.tif` → `raw/day1`; `m3.tif` → the folder's own name. */
export function omeroDatasetName(path: string, folderName: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? folderName : path.slice(0, slash);
}

/** Builds the OMERO bulk annotation table for the images of the folder named `folderName`. */
export function omeroTable(rows: readonly ExportRow[], folderName: string): OmeroTable {
  const cells = rows.map((row) => EDITABLE_FIELDS.map((f) => valueText(row.values[f.name], f)));
  const numeric = (spec: FieldSpec) => spec.type === 'int' || spec.type === 'float';
  const hasEmpty = EDITABLE_FIELDS.map((spec, c) => numeric(spec) && cells.some((r) => r[c] === ''));
  const types = EDITABLE_FIELDS.map((spec, c) => columnType(spec, hasEmpty[c] === true));
  const data = rows.map((row, r) => [
    omeroDatasetName(row.path, folderName),
    row.path.slice(row.path.lastIndexOf('/') + 1),
    ...(cells[r] as string[]),
  ]);
  const textColumns = ['s', 's', ...types].map((type) => type === 's');
  return {
    table: [
      [`# header s`, 's', ...types],
      ['Dataset Name', 'Image Name', ...EDITABLE_FIELDS.map((f) => f.name)],
      ...data,
    ],
    emptyNumbers: EDITABLE_FIELDS.filter((_, c) => hasEmpty[c]).map((f) => f.name),
    formulaLike: data.reduce((n, row) => n + row.filter((t, c) => textColumns[c] && startsLikeFormula(t)).length, 0),
  };
}
