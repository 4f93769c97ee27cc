/**
 * A collection's pooled analysis tables (`acqstore/analysis_tables/velocity.csv` and
 * `sum_intensity.csv`), as acqstore 0.2's analysis pools write them from the images' sidecars.
 */
import { formatTableVerbatim } from '../../../sheets/table-text';
import { loadAsAcqstore } from './acqstore-load';
import { PandasTable, type PyCell } from './pandas-cells';
import type { PoolSource } from './pool-source';
import { compareRows, sumIntensityRows, SUM_INTENSITY_COLUMNS, type SortedRow } from './sum-intensity-pool';
import { velocityRows, VELOCITY_COLUMNS } from './velocity-pool';

export { UnreadableValue } from './pandas-cells';
export type { PoolSource } from './pool-source';

/** A row's text around its `pool_row`, which is numbered once the table is in order. */
interface RowText {
  /** The `pool_row_id` field. */
  head: string;
  /** The fields after `pool_row`. */
  tail: string;
}

/** The row's text, its `pool_row` (rendered as 0) cut out. */
function rowText(table: PandasTable, cells: readonly PyCell[]): RowText {
  const line = table.row(cells);
  const id = cells[0];
  const head = formatTableVerbatim([[id?.kind === 'str' ? id.value : '']], 'csv', '');
  return { head, tail: line.slice(head.length + ',0,'.length) };
}

/** The lines of rows in order, `pool_row` numbered from 0. */
function* numbered(rows: Iterable<RowText>): Generator<string> {
  let n = 0;
  for (const row of rows) yield `${row.head},${n++},${row.tail}`;
}

/** The pooled tables of a collection, its images added in the collection's order. */
export class PoolTables {
  private readonly velocity = new PandasTable(VELOCITY_COLUMNS);
  private readonly sumIntensity = new PandasTable(SUM_INTENSITY_COLUMNS);
  private readonly velocityRows: RowText[] = [];
  private readonly sumIntensityRows: (Omit<SortedRow, 'cells'> & RowText)[] = [];

  /** Throws {@link UnreadableValue} for a sidecar acqstore's pools cannot hold; adds nothing. */
  check(source: PoolSource): void {
    this.checked(source);
  }

  /**
   * Adds an image's rows; throws {@link UnreadableValue} (adding none) for a sidecar acqstore's
   * pools cannot hold. The rows are made twice (checked, then kept as text) rather than held.
   */
  add(source: PoolSource): void {
    const loaded = this.checked(source);
    for (const cells of velocityRows(source, loaded)) this.velocityRows.push(rowText(this.velocity, cells));
    for (const { cells, ...key } of sumIntensityRows(source, loaded))
      this.sumIntensityRows.push({ ...key, ...rowText(this.sumIntensity, cells) });
  }

  /** The sidecar as acqstore loads it, once its rows are known to be ones pandas writes. */
  private checked(source: PoolSource): ReturnType<typeof loadAsAcqstore> {
    const loaded = loadAsAcqstore(source.sidecar);
    for (const cells of velocityRows(source, loaded)) PandasTable.check(cells);
    for (const row of sumIntensityRows(source, loaded)) PandasTable.check(row.cells);
    return loaded;
  }

  /** Each table's text, in pieces, by name (the names of `ANALYSIS_TABLES`). */
  texts(): { velocity: Iterable<string>; sum_intensity: Iterable<string> } {
    const sorted = [...this.sumIntensityRows].sort(compareRows);
    return {
      velocity: this.velocity.csv(numbered(this.velocityRows)),
      sum_intensity: this.sumIntensity.csv(numbered(sorted)),
    };
  }
}
