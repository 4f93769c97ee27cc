/**
 * The tables of the instrument catalogue dialog: the problems listed above them, the
 * description's and stand's fields, and one table per component type.
 */
import type { InstrumentComponentSpec, InstrumentFieldSpec } from '../../../shared/api-instruments';
import type { InstrumentProblem } from '../../../shared/instruments';
import {
  cellKey,
  isObject,
  isRequired,
  problemsAt,
  type ComponentGroup,
  type EditTarget,
  type JsonObject,
} from './instrument-grid';
import type { InstrumentCatalogueEditor, InstrumentFileEditor } from './instrument-editor';
import { useAppStore } from '../store';
import { FieldHeading, InstrumentCell } from './instrument-cells';
import { DataTable, numberColumn, removeColumn, type Column } from '../kit';

/** Problems above the tables shown at once; more are folded under their count. */
const OPEN_PROBLEMS = 3;

/** The dialog's state once the catalogue is read. */
export type Ready = InstrumentCatalogueEditor & { info: NonNullable<InstrumentCatalogueEditor['info']> };

/** The description's own field the editor shows above its stand's: the microscope's name. */
export const DESCRIPTION_FIELDS: InstrumentFieldSpec[] = [
  { key: 'Name', label: 'Microscope name', type: 'text', requiredFromTier: 1 },
];

/** Problems listed above the tables; more than {@link OPEN_PROBLEMS} are folded under their count. */
export function ProblemList({
  problems,
  label,
  place = (at) => at,
}: {
  problems: readonly InstrumentProblem[];
  label: string;
  place?: (at: string) => string;
}) {
  if (problems.length === 0) return null;
  const errors = problems.some((p) => p.severity === 'error');
  const list = (
    <ul className="plain-list instrument-problems" aria-label={label}>
      {problems.map((p, i) => (
        <li key={i}>
          {p.at !== '' && <span className="instrument-problem-place">{place(p.at)}: </span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
  return (
    <div className={`callout ${errors ? 'callout-danger' : 'callout-warning'} callout-stack bulk-callout`}>
      {problems.length > OPEN_PROBLEMS ? (
        <details className="disclosure">
          <summary className="callout-title">
            {label}: {problems.length}
          </summary>
          {list}
        </details>
      ) : (
        <>
          <p className="callout-title">{label}</p>
          {list}
        </>
      )}
    </div>
  );
}

/** The description's name and its stand's fields, as a form. */
export function StandFields({ editor, file, tier }: { editor: Ready; file: InstrumentFileEditor; tier: number }) {
  const root = file.shown.root!;
  const stand = isObject(root.MicroscopeStand) ? root.MicroscopeStand : {};
  const fields: { target: EditTarget; at: string; field: InstrumentFieldSpec; value: unknown }[] = [
    ...DESCRIPTION_FIELDS.map((field) => ({
      target: 'instrument' as const,
      at: field.key,
      field,
      value: root[field.key],
    })),
    ...editor.info.specs.stand.map((field) => ({
      target: 'stand' as const,
      at: `MicroscopeStand.${field.key}`,
      // the stand's own name, told apart from the microscope's
      field: field.key === 'Name' ? { ...field, label: 'Stand name' } : field,
      value: stand[field.key],
    })),
  ];
  return (
    <div className="instrument-stand" role="group" aria-label="The microscope and its stand">
      {fields.map(({ target, at, field, value }) => (
        <label key={at} className="instrument-stand-field">
          <span className="small">
            <FieldHeading field={field} required={isRequired(field, tier)} />
          </span>
          <InstrumentCell
            target={target}
            field={field}
            value={value}
            typed={editor.typed[cellKey(file.file, target, field.key)]}
            problems={problemsAt(file.shown.problems, at)}
            required={isRequired(field, tier)}
            label={target === 'instrument' || field.key === 'Name' ? field.label : `Stand ${field.label}`}
            readOnly={editor.saving}
          />
        </label>
      ))}
    </div>
  );
}

function componentName(component: JsonObject, spec: InstrumentComponentSpec, row: number): string {
  const name = component.Name;
  return typeof name === 'string' && name.trim() !== '' ? name : `${spec.label} ${row + 1}`;
}

/** A component of a group and where it stands in the file. */
type GroupRow = ComponentGroup['rows'][number];

/** The component's ID, or null when it has none (it can then be neither edited nor removed here). */
const idOf = ({ component }: GroupRow): string | null =>
  typeof component.ID === 'string' && component.ID !== '' ? component.ID : null;

/** One type's components: a row each, a column per field. */
export function GroupTable({
  editor,
  file,
  group,
  tier,
}: {
  editor: Ready;
  file: InstrumentFileEditor;
  group: ComponentGroup;
  tier: number;
}) {
  const store = useAppStore();
  const { spec, rows } = group;
  const name = (row: GroupRow, i: number) => componentName(row.component, spec, i);
  const columns: Column<GroupRow>[] = [
    numberColumn(),
    removeColumn({
      label: (row, i) => `Remove ${name(row, i)}`,
      title: (row, i) =>
        idOf(row) === null ? 'A component without an ID cannot be removed here' : `Remove ${name(row, i)}`,
      disabled: (row) => editor.saving || idOf(row) === null,
      remove: (row) => {
        const id = idOf(row);
        if (id !== null) store.getState().removeInstrumentComponent(id);
      },
    }),
    ...spec.fields.map((field): Column<GroupRow> => ({
      header: <FieldHeading field={field} required={isRequired(field, tier)} />,
      cell: (row, i) => {
        const id = idOf(row);
        return (
          <InstrumentCell
            target={{ id: id ?? '' }}
            field={field}
            value={row.component[field.key]}
            typed={id === null ? undefined : editor.typed[cellKey(file.file, { id }, field.key)]}
            problems={problemsAt(file.shown.problems, `${row.at}.${field.key}`)}
            required={isRequired(field, tier)}
            label={`${field.label}, ${name(row, i)}`}
            readOnly={editor.saving || id === null}
          />
        );
      },
    })),
  ];
  return (
    <section className="instrument-group" aria-label={`${spec.label}s`}>
      <h3 className="instrument-group-title">
        {spec.label} <span className="muted small">({rows.length})</span>
      </h3>
      <div className="scroll-box channel-grid-scroll instrument-grid-scroll">
        <DataTable
          label={`${spec.label}s, one row each`}
          className="channel-grid instrument-grid"
          columns={columns}
          rows={rows}
          rowKey={(row) => idOf(row) ?? row.at}
        />
      </div>
    </section>
  );
}
