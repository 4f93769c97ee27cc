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
 *
 * On request the acquisition columns follow (`acquisition_objective`, …: what the image files
 * record), numbers as `d` columns, words as `s`.
 */
import { ACQUISITION_VALUE_COLUMNS, acquisitionValue } from '../acquisition/acquisition-columns';
import { EDITABLE_FIELDS, type FieldSpec } from '../fields/field-table';
import { startsLikeFormula } from './formula-escape';
import { unreachable, valueText } from './sheet-cell';
import type { ExportOptions, ExportRow } from './table-export';

/** The OMERO table as text cells, and the names of number columns with empty cells. */
export interface OmeroTable {
  table: string[][];
  /** Number columns with empty cells (populate needs `--allow_nan`). */
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

/** One column of the OMERO table: its name, its type, its cells as text, and whether it is a number column with empty cells. */
interface OmeroColumn {
  name: string;
  type: string;
  cells: string[];
  emptyNumbers: boolean;
}

/** The field columns, named by sidecar key. */
function fieldColumns(rows: readonly ExportRow[]): OmeroColumn[] {
  return EDITABLE_FIELDS.map((spec) => {
    const cells = rows.map((row) => valueText(row.values[spec.name], spec));
    const hasEmpty = (spec.type === 'int' || spec.type === 'float') && cells.includes('');
    return { name: spec.name, type: columnType(spec, hasEmpty), cells, emptyNumbers: hasEmpty };
  });
}

/** The acquisition columns: numbers `d` (an unknown one empty, NaN with `--allow_nan`), words `s`. */
function acquisitionColumns(rows: readonly ExportRow[]): OmeroColumn[] {
  return ACQUISITION_VALUE_COLUMNS.map((column) => {
    const cells = rows.map((row) => String(acquisitionValue(column, row.acquisition) ?? ''));
    const numeric = column.number !== undefined;
    return { name: column.name, type: numeric ? 'd' : 's', cells, emptyNumbers: numeric && cells.includes('') };
  });
}

/**
 * Builds the OMERO bulk annotation table for the images of the folder named `folderName`; with
 * `options.acquisition`, the acquisition columns follow the fields.
 */
export function omeroTable(rows: readonly ExportRow[], folderName: string, options: ExportOptions = {}): OmeroTable {
  const columns = [...fieldColumns(rows), ...(options.acquisition === true ? acquisitionColumns(rows) : [])];
  const types = columns.map((c) => c.type);
  const data = rows.map((row, r) => [
    omeroDatasetName(row.path, folderName),
    row.path.slice(row.path.lastIndexOf('/') + 1),
    ...columns.map((c) => c.cells[r] as string),
  ]);
  const textColumns = ['s', 's', ...types].map((type) => type === 's');
  return {
    table: [[`# header s`, 's', ...types], ['Dataset Name', 'Image Name', ...columns.map((c) => c.name)], ...data],
    emptyNumbers: columns.filter((c) => c.emptyNumbers).map((c) => c.name),
    formulaLike: data.reduce((n, row) => n + row.filter((t, c) => textColumns[c] && startsLikeFormula(t)).length, 0),
  };
}
