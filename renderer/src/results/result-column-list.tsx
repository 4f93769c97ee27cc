/** The "Results" part of the column chooser: a summary key by ROI grid of checkboxes per analysis. */
import { useMemo } from 'react';
import { resultColumnKey, resultLabel } from '../../../shared/columns';
import { matrixKey, resultMatrix, type AnalysisResults } from './result-matrix';
import { selectResultKeys } from './result-selectors';
import { useApp } from '../store';
import { DataTable, type Column } from '../kit';

/** The grid's columns: the summary value heading each row, then a checkbox per ROI or place. */
function gridColumns(
  results: AnalysisResults,
  visible: readonly string[],
  setColumnVisible: (key: string, visible: boolean) => void,
): readonly Column<string>[] {
  return [
    { header: <span className="sr-only">Summary value</span>, rowHeader: true, cell: (key) => key },
    ...results.wheres.map((where): Column<string> => ({
      header: where.label,
      cell: (key) => {
        const resultKey = matrixKey(results.analysis, key, where);
        const columnKey = resultColumnKey(resultKey);
        return (
          results.present.has(resultKey) && (
            <input
              type="checkbox"
              aria-label={resultLabel(resultKey) ?? resultKey}
              checked={visible.includes(columnKey)}
              onChange={(e) => setColumnVisible(columnKey, e.target.checked)}
            />
          )
        );
      },
    })),
  ];
}

function AnalysisGrid({ results }: { results: AnalysisResults }) {
  const visible = useApp((s) => s.visibleColumns);
  const setColumnVisible = useApp((s) => s.setColumnVisible);
  return (
    <DataTable
      plain
      className="result-grid"
      caption={results.analysis}
      columns={gridColumns(results, visible, setColumnVisible)}
      rows={results.keys}
      rowKey={(key) => key}
    />
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
