/** The review's list of what the sidecars being created hold besides the values typed. */
import { HEADER_FIELDS, type FieldValues } from '../../../shared/fields/field-table';
import { storedCalibrationText } from '../../../shared/sidecar';
import type { CreatedGroup } from '../store';
import { displayValue, plural } from '../lib/format';
import { DataTable, type Column } from '../kit';

/** Value sets listed per group before the rest are counted. */
const SHOWN_SETS = 4;

const GROUP_NAMES: Readonly<Record<CreatedGroup['group'], string>> = {
  accepted: 'Accepted',
  calibration: 'Calibration',
  header: 'Header',
};
const DISPLAY_NAMES = new Map(HEADER_FIELDS.map((f) => [f.name, f.displayName]));
const CALIBRATION_KEYS = HEADER_FIELDS.filter((f) => f.editable).map((f) => f.name);

/** One set of values: `yes`, `1.0 × 1.0 Pixels`, or each value after its field's name. */
function ValueSet({ group, values }: { group: CreatedGroup['group']; values: FieldValues }) {
  if (group === 'accepted') return <>{values.accepted === false ? 'no (rejected)' : 'yes (accepted)'}</>;
  if (group === 'calibration' && CALIBRATION_KEYS.every((key) => key in values)) {
    const uncalibrated = values.physical_label_x === 'Pixels' && values.physical_label_y === 'Pixels';
    return <>{`${storedCalibrationText(values)} ${uncalibrated ? '(not calibrated)' : 'per pixel'}`}</>;
  }
  return (
    <span>
      {Object.entries(values).map(([name, value], i) => (
        <span key={name}>
          {i > 0 && <span className="created-sep"> · </span>}
          <span className="created-value">
            <span className="created-name">{DISPLAY_NAMES.get(name) ?? name}</span> {displayValue(value)}
          </span>
        </span>
      ))}
    </span>
  );
}

/** A line of the table: a set of values and its count, or the count of a group's sets not listed. */
interface Line {
  group: CreatedGroup['group'];
  values: FieldValues | null;
  hidden: number;
  count: number;
}

/** Each group's first sets of values, then one line for the rest. */
function lines(groups: readonly CreatedGroup[]): Line[] {
  return groups.flatMap(({ group, counts }) => {
    const shown: Line[] = counts
      .slice(0, SHOWN_SETS)
      .map((c) => ({ group, values: c.values, hidden: 0, count: c.count }));
    const rest = counts.slice(SHOWN_SETS);
    if (rest.length === 0) return shown;
    return [...shown, { group, values: null, hidden: rest.length, count: rest.reduce((n, c) => n + c.count, 0) }];
  });
}

const COLUMNS: readonly Column<Line>[] = [
  {
    header: 'Values',
    cell: ({ group, values, hidden }) =>
      values === null ? (
        <span className="muted">
          {GROUP_NAMES[group]}: {plural(hidden, 'other set')} of values
        </span>
      ) : (
        <>
          <span className="created-group">{GROUP_NAMES[group]}</span> <ValueSet group={group} values={values} />
        </>
      ),
  },
  { header: 'Images', className: 'num', headerClassName: 'num', cell: (line) => line.count },
];

/**
 * Every value the created sidecars get without being typed: Accepted (CloudScope's default),
 * the calibration the file declares (else 1.0 / Pixels) and the header read from each image,
 * with how many files get each; `typed` says whether values typed are listed above it.
 */
export function CreatedValuesTable({
  groups,
  created,
  typed,
}: {
  groups: readonly CreatedGroup[];
  created: number;
  typed: boolean;
}) {
  const subject = created === 1 ? 'The new sidecar' : `The ${created} new sidecars`;
  return (
    <DataTable
      caption={`${subject} ${typed ? 'will also hold' : 'will hold'}`}
      className="review-created"
      columns={COLUMNS}
      rows={lines(groups)}
      rowKey={(line, i) => `${line.group}-${i}`}
      more="Every other experiment field empty; no ROIs, no analyses."
    />
  );
}
