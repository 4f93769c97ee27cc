/**
 * What a conversion did: the files written (with their size, pyramid levels and whether every
 * plane was read back equal), the images skipped because their copy exists, and those refused
 * with the reason.
 */
import type { ConvertRefusal, ConvertSummary } from '../../../shared/api';
import { folderName, formatBytes } from '../lib/format';
import { DataTable, PathNotes, type Column } from '../kit';
import { summaryHeadline } from './convert-text';

/** A copy's path below the output folder (`a/img.ome.tiff`): copies keep their source's folder there. */
export function copyPath(output: string, outputFolder: string): string {
  const folder = outputFolder.replace(/[\\/]+$/, '');
  const rest = output.startsWith(folder) ? output.slice(folder.length) : '';
  return /^[\\/]./.test(rest) ? rest.slice(1) : folderName(output);
}

/** `b.lif` or `b.lif, image Series 2`. */
function sourceText(source: string, image: string | null): string {
  return image === null ? source : `${source}, image ${image}`;
}

/** The refusals of `kind` as notes: the source and why. */
function refusalNotes(summary: ConvertSummary, kind: ConvertRefusal['kind']) {
  return summary.refused
    .filter((r) => r.kind === kind)
    .map((r) => ({ path: sourceText(r.source, r.image), text: r.reason }));
}

/** The columns of the files written, given the output folder: file, source, size, levels, check. */
function writtenColumns(outputFolder: string): Column<ConvertSummary['written'][number]>[] {
  return [
    { header: 'File', className: 'mono', cell: (file) => copyPath(file.output, outputFolder) },
    { header: 'From', className: 'mono', cell: (file) => sourceText(file.source, file.image) },
    { header: 'Size', cell: (file) => `${formatBytes(file.bytes)}${file.bigtiff ? ' (BigTIFF)' : ''}` },
    {
      header: <span title="Reduced-resolution levels besides full resolution (0: full resolution only)">Levels</span>,
      cell: (file) => file.levels,
    },
    { header: 'Check', cell: (file) => (file.verified ? 'verified' : 'not read back') },
  ];
}

/** The summary of an ended job. */
export function ConvertSummaryView({ summary }: { summary: ConvertSummary }) {
  return (
    <>
      <p className="layout-verdict" role="status">
        {summaryHeadline(summary)}
      </p>
      <p className="muted small">
        In <span className="mono">{summary.outputFolder}</span>
        {summary.cancelled ? '; the image under way when cancelled was not written.' : '.'}
      </p>
      {summary.written.length > 0 && (
        <div className="convert-scroll">
          <DataTable
            caption="Written"
            className="convert-written"
            columns={writtenColumns(summary.outputFolder)}
            rows={summary.written}
            rowKey={(file) => file.output}
          />
        </div>
      )}
      <PathNotes
        title="Skipped: a file is already there (“Replace existing files” writes it again)"
        notes={refusalNotes(summary, 'exists')}
      />
      <PathNotes title="Not converted" notes={refusalNotes(summary, 'refused')} />
    </>
  );
}
