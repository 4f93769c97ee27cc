/** The editor for one image: title, problems, preview, header, then every field group. */
import { useEffect, useMemo } from 'react';
import type { ImageRow } from '../../../../shared/api';
import { useApp } from '../../store/store-context';
import { baseName, dirName } from '../../lib/format';
import { SidecarBadge } from '../sidecar-badge';
import { CalibrationOffer } from './calibration-offer';
import { EDIT_GROUPS, FieldSection } from './field-section';
import { HeaderSection } from './header-section';
import { PreviewSection } from './preview-section';

function Problems({ row }: { row: ImageRow }) {
  if (row.sidecar === 'invalid') {
    return (
      <div className="callout callout-danger" role="alert">
        This sidecar is corrupt and will not be changed: {row.errors.join(' ') || 'it cannot be read.'}
      </div>
    );
  }
  if (row.errors.length === 0) return null;
  return (
    <div className="callout callout-warning">
      <ul className="plain-list">
        {row.errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}

/** Editor for the one selected image. */
export function SingleEditor({ path }: { path: string }) {
  const row = useApp((s) => s.rows[path]);
  const edits = useApp((s) => s.edits[path]);
  const loadDetail = useApp((s) => s.loadDetail);
  const known = useApp((s) => s.details[path] !== undefined);
  const paths = useMemo(() => [path], [path]);

  useEffect(() => {
    if (known) return;
    const timer = setTimeout(() => void loadDetail(path), 60);
    return () => clearTimeout(timer);
  }, [path, known, loadDetail]);

  if (!row) return null;
  const readOnly = row.sidecar === 'invalid';
  return (
    <div className="panel-scroll">
      <div className="panel-heading">
        <div className="panel-heading-text">
          <h2 className="panel-title" title={path}>
            {baseName(path)}
          </h2>
          {dirName(path) && <p className="panel-subtitle">{dirName(path)}</p>}
        </div>
        <SidecarBadge row={row} edits={edits} />
      </div>
      <Problems row={row} />
      {row.kind === 'tiff' && row.header !== null && <PreviewSection row={row} />}
      <HeaderSection row={row} />
      {EDIT_GROUPS.map((group) => (
        <FieldSection key={group} group={group} paths={paths} readOnly={readOnly}>
          {group === 'Calibration' && !readOnly && <CalibrationOffer paths={paths} />}
        </FieldSection>
      ))}
    </div>
  );
}
