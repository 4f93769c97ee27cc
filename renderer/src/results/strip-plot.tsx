/** A strip plot: every value of each group as a dot on one shared axis, the group's mean as a bar. */
import type { GroupStats } from '../../../shared/analysis';
import { formatMeasure } from '../../../shared/columns';
import { niceAxis } from './nice-ticks';

/** The plot's box in SVG units: its width, the margins left (group names), right and top, a group's row, the axis. */
const BOX = { width: 640, left: 132, right: 16, top: 8, row: 34, axis: 30 } as const;

/** The label of a group as the plot and the table show it. */
export function groupLabel(group: string): string {
  return group === '' ? '(no value)' : group;
}

/** A small vertical offset per dot, the same on every draw, so equal values stay apart. */
function jitter(i: number): number {
  return ((i * 7) % 9) - 4;
}

/** The plot; `title` names it for assistive technology (the table beside it has the numbers). */
export function StripPlot({ groups, title }: { groups: readonly GroupStats[]; title: string }) {
  const values = groups.flatMap((g) => g.values);
  if (values.length === 0) return <p className="muted small">No finite values to plot.</p>;
  const axis = niceAxis(Math.min(...values), Math.max(...values));
  const x = (v: number) => BOX.left + ((v - axis.min) / (axis.max - axis.min)) * (BOX.width - BOX.left - BOX.right);
  const height = BOX.top + groups.length * BOX.row + BOX.axis;
  const bottom = BOX.top + groups.length * BOX.row;
  return (
    <svg className="strip-plot" viewBox={`0 0 ${BOX.width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {axis.ticks.map((tick) => (
        <g key={tick} className="strip-tick">
          <line x1={x(tick)} x2={x(tick)} y1={BOX.top} y2={bottom} />
          <text x={x(tick)} y={bottom + 16} textAnchor="middle">
            {formatMeasure(tick)}
          </text>
        </g>
      ))}
      {groups.map((group, row) => {
        const mid = BOX.top + row * BOX.row + BOX.row / 2;
        return (
          <g key={group.group}>
            <text className="strip-group" x={BOX.left - 10} y={mid + 4} textAnchor="end">
              {groupLabel(group.group).length > 18
                ? `${groupLabel(group.group).slice(0, 17)}…`
                : groupLabel(group.group)}
            </text>
            {group.values.map((value, i) => (
              <circle key={i} className="strip-dot" cx={x(value)} cy={mid + jitter(i)} r={4} />
            ))}
            {group.mean !== null && (
              <line className="strip-mean" x1={x(group.mean)} x2={x(group.mean)} y1={mid - 12} y2={mid + 12} />
            )}
          </g>
        );
      })}
      <line className="strip-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={bottom} y2={bottom} />
    </svg>
  );
}
