/** The editor for one image: title, problems, preview, header, then every field group. */
import { useEffect, useMemo } from 'react';
import type { ImageRow } from '../../../../shared/api';
import { calibrationMismatch } from '../../../../shared/sidecar/calibration';
import { activeMark } from '../../store/disk-slice';
import { isEditable } from '../../store/edit-logic';
import { useApp } from '../../store/store-context';
import { baseName, dirName } from '../../lib/format';
import { SidecarBadge } from '../sidecar-badge';
import { CalibrationOffer } from './calibration-offer';
import { DiskChangeNote } from './disk-change-note';
import { EDIT_GROUPS, FieldSection } from './field-section';
import { HeaderSection } from './header-section';
import { PreviewSection } from './preview-section';

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
        <p className="small">Repair or remove the file outside AcqMeta to edit this image.</p>
      </div>
    );
  }
  // The calibration mismatch is said (with its one-click fix) by the CalibrationOffer below.
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
      {noSidecarPossible && <p className="small">No sidecar can be created: it needs the image header, which cannot be read.</p>}
    </div>
  );
}

/** Editor for the one selected image. */
export function SingleEditor({ path }: { path: string }) {
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const loadDetail = useApp((s) => s.loadDetail);
  const known = useApp((s) => s.details[path] !== undefined);
  const disk = useApp((s) => activeMark(s, path)?.change ?? null);
  const paths = useMemo(() => [path], [path]);

  useEffect(() => {
    if (known) return;
    const timer = setTimeout(() => void loadDetail(path), 60);
    return () => clearTimeout(timer);
  }, [path, known, loadDetail]);

  if (!row) return null;
  const readOnly = !isEditable(row);
  return (
    <div className="panel-scroll">
      <div className="panel-heading">
        <div className="panel-heading-text">
          <h2 className="panel-title" title={path}>
            {baseName(path)}
          </h2>
          {dirName(path) && <p className="panel-subtitle">{dirName(path)}</p>}
        </div>
        <SidecarBadge row={row} edits={edits} disk={disk} />
      </div>
      <DiskChangeNote path={path} />
      <Problems row={row} />
      {!readOnly && <CalibrationOffer paths={paths} />}
      {row.kind === 'tiff' && row.header !== null && <PreviewSection row={row} />}
      <HeaderSection row={row} />
      {EDIT_GROUPS.map((group) => (
        <FieldSection key={group} group={group} paths={paths} readOnly={readOnly} />
      ))}
    </div>
  );
}
