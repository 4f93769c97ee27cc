/** The editor for one image: title, problems, preview, header, then every field group. */
import { useEffect, useMemo, useState } from 'react';
import type { ImageRow } from '../../../shared/api';
import { previewsPixels } from '../../../shared/image-format';
import { calibrationMismatch } from '../../../shared/sidecar';
import { sidecarNameShownFor } from '../../../shared/sidecar-location';
import { baseName } from '../../../shared/columns';
import { activeMark, isEditable, useApp } from '../store';
import { dirName } from '../lib/format';
import { imageCalibration } from './roi-format';
import { SidecarBadge } from '../kit';
import { AcquisitionSection } from './acquisition-section';
import { AnalysesSection } from './analyses-section';
import { DateFillOffer } from './date-fill';
import { CalibrationNote, CalibrationWarning } from './calibration-offer';
import { ByteOrderMarkOffer } from './byte-order-mark-offer';
import { CreateSidecars } from './create-sidecars';
import { DamagedSidecarView } from './damaged-sidecar';
import { DiskChangeNote } from './disk-change-note';
import { EDIT_GROUPS, FieldSection } from './field-section';
import { HeaderSection } from './header-section';
import { HistorySection } from './history-section';
import { PanelActions } from './panel-actions';
import { PreviewSection } from './preview-section';
import { RoiOverlay } from './roi-overlay';
import { RoisSection } from './rois-section';

function Problems({ row }: { row: ImageRow }) {
  if (row.sidecar === 'invalid') {
    return (
      <div className="callout callout-danger callout-stack" role="alert">
        <p className="callout-title">This sidecar is left untouched</p>
        <ul className="plain-list">
          {(row.errors.length > 0 ? row.errors : ['It cannot be read.']).map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
        <p className="small">
          AcqMeta leaves it as it is. Below are its text and the values that can still be read from it; once the file is
          corrected in a text editor, AcqMeta reads it again.
        </p>
      </div>
    );
  }
  // The calibration mismatch is said (with its one-click fix) by the CalibrationWarning below.
  const mismatch = calibrationMismatch(row.values, row.fileCalibration);
  const errors = row.errors.filter((error) => error !== mismatch);
  if (errors.length === 0) return null;
  const noSidecarPossible = !isEditable(row);
  return (
    <div className={`callout callout-warning${noSidecarPossible ? ' callout-stack' : ''}`}>
      <ul className="plain-list">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
      {noSidecarPossible && (
        <p className="small">No sidecar can be created: it needs the image header, which cannot be read.</p>
      )}
    </div>
  );
}

/** Editor for the one selected image. */
export function SingleEditor({ path }: { path: string }) {
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const loadDetail = useApp((s) => s.loadDetail);
  const known = useApp((s) => s.details[path] !== undefined);
  const measured = useApp((s) => (s.details[path]?.status === 'ready' ? s.details[path].value : null));
  const disk = useApp((s) => activeMark(s, path)?.change ?? null);
  const removing = useApp((s) => Object.hasOwn(s.removals, path));
  const paths = useMemo(() => [path], [path]);
  // The ROI selected in the list or on the preview (its index in the ROI list).
  const [roi, setRoi] = useState<number | null>(null);

  useEffect(() => {
    if (known) return;
    const timer = setTimeout(() => void loadDetail(path), 60);
    return () => clearTimeout(timer);
  }, [path, known, loadDetail]);

  if (!row) return null;
  // a sidecar Save will remove takes no edits: Undo keeps it
  const readOnly = !isEditable(row) || removing;
  // Folded away with the preview, when there is one.
  const roiList = measured && (
    <RoisSection rois={measured.rois} calibration={imageCalibration(row.values)} selected={roi} onSelect={setRoi} />
  );
  return (
    <div className="panel-scroll">
      <div className="panel-heading">
        <div className="panel-heading-text">
          <h2 className="panel-title" title={path}>
            {baseName(path)}
          </h2>
          {dirName(path) && <p className="panel-subtitle">{dirName(path)}</p>}
          {row.exportedFrom !== undefined && <p className="panel-subtitle">Exported from {row.exportedFrom}</p>}
        </div>
        <SidecarBadge row={row} edits={edits} disk={disk} removing={removing} />
      </div>
      {removing && (
        <div className="callout callout-warning" role="status">
          <p className="small">
            Save removes {sidecarNameShownFor(path)}, undoing its creation, while it still holds what AcqMeta wrote.
            Undo keeps it.
          </p>
        </div>
      )}
      {!readOnly && <PanelActions single />}
      <DiskChangeNote path={path} />
      <Problems row={row} />
      {!readOnly && <CreateSidecars paths={paths} count={row.sidecar === 'missing' ? 1 : 0} />}
      {!readOnly && measured?.sidecarByteOrderMark === true && <ByteOrderMarkOffer path={path} />}
      {!readOnly && <CalibrationWarning path={path} />}
      {previewsPixels(row.format) && row.header !== null ? (
        <PreviewSection
          row={row}
          overlay={(image) =>
            measured && (
              <RoiOverlay
                rois={measured.rois}
                width={image.sourceWidth}
                height={image.sourceHeight}
                selected={roi}
                onSelect={setRoi}
              />
            )
          }
        >
          {roiList}
        </PreviewSection>
      ) : (
        roiList
      )}
      <HeaderSection row={row} />
      {/* the detail read's acquisition says where each value was read; the row's does not */}
      <AcquisitionSection
        path={path}
        acquisition={measured?.row.acquisition ?? row.acquisition}
        match={measured?.instrumentMatch ?? null}
      />
      {row.sidecar === 'invalid' ? (
        measured?.damaged ? (
          <DamagedSidecarView damaged={measured.damaged} />
        ) : (
          <p className="small muted panel-note">
            {measured ? 'The sidecar was not read, so none of its values is shown.' : 'Reading the sidecar…'}
          </p>
        )
      ) : (
        EDIT_GROUPS.map((group) => (
          <FieldSection key={group} group={group} paths={paths} readOnly={readOnly}>
            {group === 'Calibration' && !readOnly && <CalibrationNote paths={paths} />}
            {group === 'Experiment' && !readOnly && <DateFillOffer paths={paths} />}
          </FieldSection>
        ))
      )}
      <HistorySection path={path} editable={!readOnly} />
      {measured && (
        <AnalysesSection analyses={measured.analyses} rois={measured.rois} selected={roi} onSelect={setRoi} />
      )}
    </div>
  );
}
