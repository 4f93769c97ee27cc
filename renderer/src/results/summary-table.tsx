/** The figures of the results summary: per group, n in what it counts, then mean, median and SD in the result's unit. */
import type { GroupStats, SampleUnit } from '../../../shared/analysis';
import { plural } from '../lib/format';
import { formatFigure } from '../lib/result-format';
import { groupLabel } from './strip-plot';

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

/** A figure to 4 significant digits, the full value on hover. */
function Figure({ value }: { value: number | null }) {
  return value === null ? <td>—</td> : <td title={String(value)}>{formatFigure(value)}</td>;
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
  return (
    <table className="results-table">
      <caption className="results-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupName}</th>
          <th scope="col">n</th>
          <th scope="col">{inUnit('Mean')}</th>
          <th scope="col">{inUnit('Median')}</th>
          <th scope="col">{inUnit('SD')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">{groupLabel(g.group)}</th>
            <td>{countOf(g.n, sampleUnit)}</td>
            <Figure value={g.mean} />
            <Figure value={g.median} />
            <Figure value={g.sd} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
