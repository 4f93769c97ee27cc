/**
 * The Results dialog: a quick look at one summary value pooled over the selection or the
 * folder (n, mean, median, SD per group and a strip plot), and the export of the results table.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RESULTS_FORMATS } from '../../../shared/analysis';
import type { ImageRow, ResultsFormat } from '../../../shared/api';
import { unitFromName } from '../../../shared/columns';
import { downloadTableFile } from '../lib/download';
import { formatCount, plural } from '../lib/format';
import type { AnalysisResults } from './result-matrix';
import {
  defaultChoice,
  GROUPINGS,
  rowsResults,
  summarize,
  type ResultsSummary,
  type SummaryChoice,
} from './results-summary';
import { useApp, useAppStore } from '../store';
import { Modal, ModalActions, RadioRows } from '../kit';
import { animalFieldName, SampleUnitChoice } from './sample-unit-choice';
import { StripPlot } from './strip-plot';
import { SummaryTable } from './summary-table';

type Scope = 'selection' | 'folder';

/** The rows of the scope, in folder order. */
function useScopeRows(scope: Scope): ImageRow[] {
  return useApp(
    useShallow((s) => {
      const paths = scope === 'folder' ? s.rowOrder : s.rowOrder.filter((p) => s.selected.has(p));
      return paths.map((p) => s.rows[p]).filter((row) => row !== undefined);
    }),
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="results-control">
      <label htmlFor={id} className="modal-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SummaryProps {
  rows: readonly ImageRow[];
  results: readonly AnalysisResults[];
  choice: SummaryChoice;
  setChoice(choice: SummaryChoice): void;
}

/** What the figures count and what was left out of them, in words. */
function summaryNote(choice: SummaryChoice, summary: ResultsSummary): string {
  const animal = animalFieldName(choice.animalField);
  const counted = {
    roi: 'n counts ROIs (one analysis record each) with a finite value.',
    image: 'The ROIs of each image are averaged first; n counts images.',
    animal: `The ROIs of each image are averaged, then the images of each animal (by ${animal}); n counts animals.`,
  }[choice.unit];
  const left = [
    summary.notFinite > 0 && `${plural(summary.notFinite, 'record')} with NaN or Infinity left out.`,
    summary.withoutAnimal > 0 && `${plural(summary.withoutAnimal, 'image')} without a ${animal} left out.`,
  ].filter((part) => part !== false);
  return [counted, 'SD is the sample standard deviation.', ...left].join(' ');
}

function Summary({ rows, results, choice, setChoice }: SummaryProps) {
  const analysis = results.find((a) => a.analysis === choice.analysis);
  const summary = summarize(rows, results, choice);
  const resultOptions = results.flatMap((a) =>
    a.keys.map((key) => ({ value: JSON.stringify([a.analysis, key]), label: `${a.analysis} · ${key}` })),
  );
  const whereOptions = [
    { value: '', label: 'All ROIs' },
    ...(analysis?.wheres ?? []).map((w) => ({ value: w.id, label: w.label })),
  ];
  const groupName = GROUPINGS.find((g) => g.value === choice.groupBy)?.label ?? choice.groupBy;
  const unit = unitFromName(choice.key);
  const title = `${choice.key} by ${groupName.toLowerCase()}`;
  const each = { roi: 'each value an ROI', image: 'each value an image’s mean', animal: 'each value an animal’s mean' };
  const noAnimal = choice.unit === 'animal' && choice.animalField === '';
  return (
    <>
      <div className="results-controls">
        <Select
          id="results-value"
          label="Result"
          value={JSON.stringify([choice.analysis, choice.key])}
          options={resultOptions}
          onChange={(value) => {
            const [name = '', key = ''] = JSON.parse(value) as string[];
            setChoice({ ...choice, analysis: name, key, where: name === choice.analysis ? choice.where : null });
          }}
        />
        <Select
          id="results-roi"
          label="ROI"
          value={choice.where ?? ''}
          options={whereOptions}
          onChange={(where) => setChoice({ ...choice, where: where === '' ? null : where })}
        />
        <Select
          id="results-group"
          label="Group by"
          value={choice.groupBy}
          options={GROUPINGS}
          onChange={(groupBy) => setChoice({ ...choice, groupBy })}
        />
      </div>
      <SampleUnitChoice
        unit={choice.unit}
        animalField={choice.animalField}
        onChange={(sampleUnit, animalField) => setChoice({ ...choice, unit: sampleUnit, animalField })}
      />
      {noAnimal ? (
        <p className="results-empty">Choose the field that names each image’s animal.</p>
      ) : (
        <>
          <StripPlot groups={summary.groups} title={`Strip plot of ${title}; the table below gives the numbers`} />
          <SummaryTable
            groups={summary.groups}
            caption={`${choice.analysis} · ${title}, ${each[choice.unit]}`}
            groupName={groupName}
            sampleUnit={choice.unit}
            unit={unit}
          />
          <p className="muted small results-note">{summaryNote(choice, summary)}</p>
        </>
      )}
    </>
  );
}

/** The dialog, until `onClose`. */
export function ResultsForm({ onClose }: { onClose(): void }) {
  const store = useAppStore();
  const selectedCount = useApp((s) => s.selected.size);
  const exporting = useApp((s) => s.exportingResults);
  const [scope, setScope] = useState<Scope>(selectedCount > 1 ? 'selection' : 'folder');
  const rows = useScopeRows(scope);
  const results = useMemo(() => rowsResults(rows), [rows]);
  const fallback = useMemo(() => defaultChoice(rows, results), [rows, results]);
  const [picked, setChoice] = useState<SummaryChoice | null>(null);
  const choice =
    picked !== null && results.some((a) => a.analysis === picked.analysis && a.keys.includes(picked.key))
      ? picked
      : fallback;
  const withResults = rows.filter((row) => row.results !== undefined).length;
  const invalid = rows.filter((row) => row.sidecar === 'invalid').length;

  const exportAs = async (format: ResultsFormat) => {
    const paths = scope === 'folder' ? null : rows.map((row) => row.path);
    const file = await store.getState().exportResults(paths, format);
    if (file !== null) downloadTableFile(file);
  };

  return (
    <Modal labelledBy="results-title" title="Results" describedBy="results-scope-text" onCancel={onClose} wide>
      <fieldset className="results-scope">
        <legend className="sr-only">Images</legend>
        <RadioRows
          name="results-scope"
          value={scope}
          onChange={setScope}
          choices={[
            { value: 'selection', label: `Selected images (${selectedCount})`, disabled: selectedCount === 0 },
            { value: 'folder', label: 'All images in the folder' },
          ]}
        />
      </fieldset>
      <p id="results-scope-text" className="muted small">
        {formatCount(withResults)} of {plural(rows.length, 'image')} {withResults === 1 ? 'has' : 'have'} analyses
        {invalid > 0 && `; ${plural(invalid, 'invalid sidecar')} left out`}.
      </p>
      {choice === null ? (
        <p className="results-empty">These images have no analysis results.</p>
      ) : (
        <Summary rows={rows} results={results} choice={choice} setChoice={setChoice} />
      )}
      <p className="muted small results-note">
        The exported table has one row per analysis record with the image&apos;s fields; NaN values are empty cells,
        Infinity is written inf.
      </p>
      <ModalActions onCancel={onClose} cancelLabel="Close" focusCancel>
        {RESULTS_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="btn"
            disabled={exporting || withResults === 0}
            onClick={() => void exportAs(format)}
          >
            Export {format.toUpperCase()}
          </button>
        ))}
      </ModalActions>
    </Modal>
  );
}
