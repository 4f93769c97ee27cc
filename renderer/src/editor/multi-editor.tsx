/** The editor for many images at once: each field shows the common value or "(multiple values)". */
import { useShallow } from 'zustand/react/shallow';
import { selectCalibrationOffer } from './select-calibration-offer';
import { selectFieldProblems } from '../profile';
import { selectEditablePaths, selectEditView, selectSelection, useApp } from '../store';
import { plural } from '../lib/format';
import { AcquisitionTallySection } from './acquisition-section';
import { DateFillOffer } from './date-fill';
import { CalibrationNote } from './calibration-offer';
import { EDIT_GROUPS, FieldSection } from './field-section';
import { CreateSidecars } from './create-sidecars';
import { SelectionHistorySection } from './history-section';
import { PanelActions } from './panel-actions';

/** Whether everything the editor shows about `paths` has been read (a long selection is read in slices the first time). */
function useViewsRead(paths: readonly string[]): boolean {
  return useApp(
    (s) =>
      selectEditView(paths)(s) !== null &&
      selectFieldProblems(paths)(s) !== null &&
      selectCalibrationOffer(paths)(s) !== null,
  );
}

function SelectionSummary({ paths }: { paths: readonly string[] }) {
  const counts = useApp(
    useShallow((s) => {
      const { missing, unsaved } = selectEditView(paths)(s) ?? { missing: 0, unsaved: 0 };
      return { missing, unsaved };
    }),
  );
  return (
    <>
      <CreateSidecars paths={paths} count={counts.missing} />
      {counts.unsaved > 0 && (
        <p className="muted small summary-list">{plural(counts.unsaved, 'image')} with unsaved changes</p>
      )}
    </>
  );
}

function Skipped() {
  const counts = useApp(
    useShallow((s) => {
      const { corrupt, unreadable, removing } = selectSelection(s);
      return { corrupt, unreadable, removing };
    }),
  );
  const parts = [
    counts.corrupt === 0
      ? null
      : `${plural(counts.corrupt, 'selected image')} with a sidecar that cannot be read (corrupt, or another version)`,
    counts.unreadable === 0
      ? null
      : `${plural(counts.unreadable, 'selected image')} whose header cannot be read, so no sidecar can be made`,
    counts.removing === 0
      ? null
      : `${plural(counts.removing, 'selected image')} whose sidecar Save will remove (Undo keeps it)`,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return (
    <div className="callout callout-warning callout-stack">
      <p className="callout-title">Left unchanged</p>
      <ul className="plain-list">
        {parts.map((part) => (
          <li key={part}>{part}</li>
        ))}
      </ul>
    </div>
  );
}

/** Editor for a selection of several images. */
export function MultiEditor() {
  const selected = useApp((s) => s.selected.size);
  const paths = useApp(selectEditablePaths);
  const read = useViewsRead(paths);
  return (
    <div className="panel-scroll">
      <div className="panel-heading">
        <div className="panel-heading-text">
          <h2 className="panel-title">
            {paths.length > 0 ? `Editing ${plural(paths.length, 'image')}` : `${plural(selected, 'image')} selected`}
          </h2>
          <p className="panel-subtitle">
            Typing in a field sets it for every selected image. Fields that differ show “(multiple values)”.
          </p>
        </div>
      </div>
      {paths.length > 0 && <PanelActions single={false} />}
      <Skipped />
      {read ? (
        <>
          <SelectionSummary paths={paths} />
          <AcquisitionTallySection paths={paths} />
          {EDIT_GROUPS.map((group) => (
            <FieldSection key={group} group={group} paths={paths} readOnly={paths.length === 0}>
              {group === 'Calibration' && paths.length > 0 && <CalibrationNote paths={paths} />}
              {group === 'Experiment' && paths.length > 0 && <DateFillOffer paths={paths} />}
            </FieldSection>
          ))}
          {paths.length > 0 && <SelectionHistorySection paths={paths} />}
        </>
      ) : (
        <p className="panel-reading muted" role="status">
          Reading the values of {plural(paths.length, 'image')}…
        </p>
      )}
    </div>
  );
}
