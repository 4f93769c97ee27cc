/**
 * "Export": the folder or the selection, as CSV, TSV, XLSX or OMERO CSV (optionally with the
 * acquisition columns, read from the image files), or as a dataset readme or Methods draft,
 * downloaded; a repository's submission files are a dialog of their own, opened from here.
 */
import { useState } from 'react';
import type { TableExportFormat } from '../../../shared/api';
import { DATASET_DRAFTS, type DatasetDraft } from '../../../shared/sheets/dataset-drafts';
import type { ExportScope } from './tables-slice';
import { selectSaveSummary, useApp, useAppStore } from '../store';
import { downloadTableFile } from '../lib/download';
import { plural } from '../lib/format';
import { CheckRow, type Choice, ChoiceGroup, Modal, ModalActions, RadioRows } from '../kit';

const FORMATS: readonly Choice<TableExportFormat>[] = [
  { value: 'xlsx', label: 'Excel workbook (.xlsx)', hint: 'Numbers as number cells, text as text' },
  { value: 'csv', label: 'CSV (.csv)', hint: 'Comma-separated, UTF-8' },
  { value: 'tsv', label: 'TSV (.tsv)', hint: 'Tab-separated, UTF-8' },
  {
    value: 'omero',
    label: 'OMERO bulk annotations (.csv)',
    hint: 'For omero metadata populate only: not for spreadsheets or import',
  },
];

const DRAFTS: readonly Choice<DatasetDraft>[] = [
  {
    value: 'readme',
    label: 'Dataset readme (.md)',
    hint: 'What the images are and what their sidecars say, with TODOs',
  },
  {
    value: 'methods',
    label: 'Methods draft (.md)',
    hint: 'Microscope, objectives, channels, pixel sizes and group sizes, as the files tell',
  },
];

const isDraft = (format: TableExportFormat | DatasetDraft): format is DatasetDraft =>
  (DATASET_DRAFTS as readonly string[]).includes(format);

/** The dialog, shown while `exportPrompt` is set. */
export function ExportDialog() {
  const open = useApp((s) => s.exportPrompt);
  return open ? <ExportForm /> : null;
}

function ExportForm() {
  const store = useAppStore();
  const total = useApp((s) => s.rowOrder.length);
  const selected = useApp((s) => s.selected.size);
  const unsaved = useApp((s) => selectSaveSummary(s).files);
  const [scope, setScope] = useState<ExportScope>(selected > 1 ? 'selection' : 'folder');
  const [format, setFormat] = useState<TableExportFormat | DatasetDraft>('xlsx');
  const [acquisition, setAcquisition] = useState(false);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().closeExportPrompt();
  /** Downloads the table; with `saveFirst`, after saving every unsaved image (nothing is exported if one fails). */
  const download = async (saveFirst: boolean) => {
    setBusy(true);
    if (saveFirst && !(await store.getState().saveAll())) {
      setBusy(false);
      store.getState().notify('error', 'Nothing was exported: not every image could be saved.');
      return;
    }
    const file = isDraft(format)
      ? await store.getState().exportReadme(scope, format)
      : await store.getState().exportTable(format, scope, acquisition);
    setBusy(false);
    if (file && isDraft(format)) close();
    if (!file) return;
    downloadTableFile(file);
    for (const note of file.notes) store.getState().notify('success', `${file.fileName}: ${note}.`);
  };
  return (
    <Modal labelledBy="export-title" title="Export" onCancel={close} onSubmit={() => void download(unsaved > 0)}>
      <ChoiceGroup legend="Images">
        <RadioRows
          name="export-scope"
          value={scope}
          onChange={setScope}
          choices={[
            { value: 'folder', label: `All ${plural(total, 'image')} of the folder` },
            { value: 'selection', label: `The ${plural(selected, 'selected image')}`, disabled: selected === 0 },
          ]}
        />
      </ChoiceGroup>
      <ChoiceGroup legend="Format">
        <RadioRows name="export-format" choices={[...FORMATS, ...DRAFTS]} value={format} onChange={setFormat} />
        <p className="small export-submission">
          For a repository:{' '}
          <button
            type="button"
            className="btn btn-small"
            aria-haspopup="dialog"
            onClick={() => {
              close();
              void store.getState().openSubmissionExport();
            }}
          >
            Submission files (HuBMAP, HTAN)…
          </button>
        </p>
      </ChoiceGroup>
      <ChoiceGroup legend="Columns">
        <CheckRow
          label="Acquisition columns (read from the files)"
          hint={
            isDraft(format)
              ? 'The drafts describe the acquisition already'
              : 'Instrument, objective, NA, channels, z step, interval, date: read-only, an import ignores them'
          }
          checked={acquisition && !isDraft(format)}
          disabled={isDraft(format)}
          onChange={setAcquisition}
        />
      </ChoiceGroup>
      {unsaved > 0 && (
        <p className="callout callout-warning bulk-callout small">
          The table holds what is saved on disk: {plural(unsaved, 'image')} {unsaved === 1 ? 'has' : 'have'} unsaved
          changes. “Save and download” saves them first.
        </p>
      )}
      <ModalActions onCancel={close}>
        {unsaved > 0 ? (
          <>
            <button type="submit" className="btn btn-primary" disabled={busy} data-autofocus>
              {busy ? 'Exporting…' : 'Save and download'}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void download(false)}>
              Download saved values
            </button>
          </>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={busy} data-autofocus>
            {busy ? 'Exporting…' : 'Download'}
          </button>
        )}
      </ModalActions>
    </Modal>
  );
}
