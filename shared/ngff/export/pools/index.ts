/**
 * A collection's pooled analysis tables (`acqstore/analysis_tables/velocity.csv` and
 * `sum_intensity.csv`), as acqstore 0.2's analysis pools write them from the images' sidecars.
 */
import type { PyCell } from './pandas-cells';
import type { PoolSource } from './pool-source';
import { sumIntensityCsv, sumIntensityRows, type KeyedRow } from './sum-intensity-pool';
import { velocityCsv, velocityRows } from './velocity-pool';

export { UnreadableValue } from './pandas-cells';
export type { PoolSource } from './pool-source';

/** The pooled tables of a collection, its images added in the collection's order. */
export class PoolTables {
  private readonly velocity: PyCell[][] = [];
  private readonly sumIntensity: KeyedRow[] = [];

  /** Adds an image's rows; throws {@link UnreadableValue} (adding none) for a sidecar acqstore would not pool. */
  add(source: PoolSource): void {
    const velocity = velocityRows(source);
    const sumIntensity = sumIntensityRows(source);
    this.velocity.push(...velocity);
    this.sumIntensity.push(...sumIntensity);
  }

  /** The tables' text by name (the names of `ANALYSIS_TABLES`). */
  texts(): { velocity: string; sum_intensity: string } {
    return { velocity: velocityCsv(this.velocity), sum_intensity: sumIntensityCsv(this.sumIntensity) };
  }
}
