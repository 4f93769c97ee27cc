/** The Analyses section of the single-image editor (read-only): one block per analysis record. */
import { storedValueText, type AnalysisEntry, type NamedValue, type RoiEntry } from '../../../shared/analysis';
import { unitFromName } from '../../../shared/columns';
import { roiColor } from './roi-format';

interface AnalysesSectionProps {
  analyses: readonly AnalysisEntry[];
  rois: readonly RoiEntry[];
  /** Index (in the ROI list) of the selected ROI. */
  selected: number | null;
  onSelect(index: number | null): void;
}

function isNotFinite(value: NamedValue['value']): boolean {
  return value.kind === 'number' && /^-?(NaN|Infinity)$/.test(value.text);
}

/** Key, value as written and unit (from the name) of each value. */
function ValuesTable({ values, caption, units }: { values: readonly NamedValue[]; caption: string; units: boolean }) {
  return (
    <table className="values-table">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {values.map(({ key, value }) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td
              className={`mono${value.kind === 'number' ? ' is-number' : ''}${isNotFinite(value) ? ' is-not-finite' : ''}`}
            >
              {storedValueText(value)}
            </td>
            {units && <td className="values-unit">{unitFromName(key)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AnalysisBlock({
  record,
  roi,
  selected,
  onSelect,
}: {
  record: AnalysisEntry;
  roi: RoiEntry | undefined;
  selected: boolean;
  onSelect(index: number | null): void;
}) {
  const name = record.name || '(no name)';
  const where = record.roiId === null ? 'no ROI' : `ROI ${record.roiId}`;
  return (
    <article className={`analysis-block${selected ? ' is-selected' : ''}`} aria-label={`${name}, ${where}`}>
      <header className="analysis-head">
        <h4 className="analysis-name">{name}</h4>
        {roi?.bounds ? (
          <button
            type="button"
            className="roi-chip"
            aria-pressed={selected}
            title="Show this ROI on the image"
            onClick={() => onSelect(selected ? null : roi.index)}
          >
            <span className="roi-swatch" style={{ background: roiColor(roi.index) }} aria-hidden="true" />
            {where}
          </button>
        ) : (
          <span className="roi-chip is-static">
            {roi || record.roiId === null ? where : `${where} (not in the ROI list)`}
          </span>
        )}
        {record.channel !== null && <span className="muted small">channel {record.channel}</span>}
      </header>
      {record.summary.length > 0 ? (
        <ValuesTable values={record.summary} caption={`Summary of ${name}, ${where}`} units />
      ) : (
        <p className="muted small">No summary values.</p>
      )}
      {record.params.length > 0 && (
        <details className="disclosure">
          <summary>
            Detection parameters <span className="muted">({record.params.length})</span>
          </summary>
          <ValuesTable values={record.params} caption={`Detection parameters of ${name}, ${where}`} units={false} />
        </details>
      )}
    </article>
  );
}

/** The analysis records in the sidecar's order; hidden when there are none. */
export function AnalysesSection({ analyses, rois, selected, onSelect }: AnalysesSectionProps) {
  if (analyses.length === 0) return null;
  const selectedId = selected === null ? undefined : rois[selected]?.id;
  return (
    <section className="panel-section" aria-labelledby="section-analyses">
      <h3 id="section-analyses" className="section-title">
        Analyses <span className="section-count">{analyses.length}</span>
      </h3>
      <div className="analysis-list">
        {analyses.map((record) => (
          <AnalysisBlock
            key={record.index}
            record={record}
            roi={rois.find((roi) => roi.id !== null && roi.id === record.roiId)}
            selected={selectedId !== undefined && selectedId !== null && selectedId === record.roiId}
            onSelect={onSelect}
          />
        ))}
      </div>
    </section>
  );
}
