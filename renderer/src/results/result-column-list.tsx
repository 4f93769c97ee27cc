/** The "Results" part of the column chooser: a summary key by ROI grid of checkboxes per analysis. */
import { useMemo } from 'react';
import { resultLabel } from '../lib/result-format';
import { resultColumnKey } from '../lib/result-columns';
import { matrixKey, resultMatrix, type AnalysisResults } from './result-matrix';
import { selectResultKeys } from './result-selectors';
import { useApp } from '../store';

function AnalysisGrid({ results }: { results: AnalysisResults }) {
  const visible = useApp((s) => s.visibleColumns);
  const setColumnVisible = useApp((s) => s.setColumnVisible);
  return (
    <table className="result-grid">
      <caption className="result-grid-caption">{results.analysis}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Summary value</span>
          </th>
          {results.wheres.map((where) => (
            <th key={where.id} scope="col">
              {where.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.keys.map((key) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            {results.wheres.map((where) => {
              const resultKey = matrixKey(results.analysis, key, where);
              const columnKey = resultColumnKey(resultKey);
              return (
                <td key={where.id}>
                  {results.present.has(resultKey) && (
                    <input
                      type="checkbox"
                      aria-label={resultLabel(resultKey) ?? resultKey}
                      checked={visible.includes(columnKey)}
                      onChange={(e) => setColumnVisible(columnKey, e.target.checked)}
                    />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Result columns to choose, when the folder's sidecars have analyses. */
export function ResultColumnList() {
  const keys = useApp(selectResultKeys);
  const matrix = useMemo(() => resultMatrix(keys), [keys]);
  if (matrix.length === 0) return null;
  return (
    <fieldset className="column-group result-columns">
      <legend className="section-title">Results</legend>
      {matrix.map((results) => (
        <AnalysisGrid key={results.analysis} results={results} />
      ))}
    </fieldset>
  );
}
