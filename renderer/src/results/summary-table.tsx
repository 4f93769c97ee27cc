/** The figures of the results summary: per group, n in what it counts, then mean, median and SD in the result's unit. */
import type { GroupStats, SampleUnit } from '../../../shared/analysis';
import { plural } from '../lib/format';
import { formatFigure } from '../lib/result-format';
import { groupLabel } from './strip-plot';
import { DataTable, type Column } from '../kit';

/** What n counts at each sample unit, singular and plural. */
const COUNTED: Readonly<Record<SampleUnit, readonly [string, string]>> = {
  roi: ['ROI', 'ROIs'],
  image: ['image', 'images'],
  animal: ['animal', 'animals'],
};

/** `n` with what it counts: `1 ROI`, `3 images`, `2 animals`. */
export function countOf(n: number, unit: SampleUnit): string {
  const [one, many] = COUNTED[unit];
  return plural(n, one, many);
}

/** A figure's column: to 4 significant digits, the full value on hover, `—` for none. */
function figureColumn(header: string, figure: (g: GroupStats) => number | null): Column<GroupStats> {
  return {
    header,
    title: (g) => (figure(g) === null ? undefined : String(figure(g))),
    cell: (g) => {
      const value = figure(g);
      return value === null ? '—' : formatFigure(value);
    },
  };
}

/** The table; `caption` names it, `unit` (e.g. `µm`, or empty) heads the figures' columns. */
export function SummaryTable({
  groups,
  caption,
  groupName,
  sampleUnit,
  unit,
}: {
  groups: readonly GroupStats[];
  caption: string;
  groupName: string;
  sampleUnit: SampleUnit;
  unit: string;
}) {
  const inUnit = (name: string) => (unit ? `${name} (${unit})` : name);
  const columns: Column<GroupStats>[] = [
    { header: groupName, rowHeader: true, cell: (g) => groupLabel(g.group) },
    { header: 'n', cell: (g) => countOf(g.n, sampleUnit) },
    figureColumn(inUnit('Mean'), (g) => g.mean),
    figureColumn(inUnit('Median'), (g) => g.median),
    figureColumn(inUnit('SD'), (g) => g.sd),
  ];
  return (
    <DataTable
      plain
      className="results-table"
      caption={caption}
      columns={columns}
      rows={groups}
      rowKey={(g) => g.group}
      headedWhenEmpty
    />
  );
}
