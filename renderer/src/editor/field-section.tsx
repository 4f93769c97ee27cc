/** A titled group of fields (Calibration, Animal, ...) in field-table order. */
import type { ReactNode } from 'react';
import { EDITABLE_FIELDS, FIELD_GROUPS, type FieldGroup } from '../../../shared/fields/field-table';
import { CalibrationGrid } from './calibration-grid';
import { FieldRow } from './field-row';
import { FlagField } from './flag-field';

/** The editable groups, in display order. */
export const EDIT_GROUPS: readonly FieldGroup[] = FIELD_GROUPS.filter((group) =>
  EDITABLE_FIELDS.some((f) => f.group === group),
);

interface FieldSectionProps {
  group: FieldGroup;
  paths: readonly string[];
  readOnly: boolean;
  /** Shown between the title and the fields. */
  children?: ReactNode;
}

/** One group's section (Calibration as an X/Y grid). */
export function FieldSection({ group, paths, readOnly, children }: FieldSectionProps) {
  const headingId = `section-${group.toLowerCase()}`;
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {group}
      </h3>
      {children}
      {group === 'Calibration' ? (
        <CalibrationGrid paths={paths} readOnly={readOnly} />
      ) : (
        <div className="field-list">
          {EDITABLE_FIELDS.filter((f) => f.group === group).map((field) =>
            field.type === 'bool' ? (
              <FlagField key={field.name} field={field} paths={paths} readOnly={readOnly} />
            ) : (
              <FieldRow key={field.name} field={field} paths={paths} readOnly={readOnly} />
            ),
          )}
        </div>
      )}
    </section>
  );
}
