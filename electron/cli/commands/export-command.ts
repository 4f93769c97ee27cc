/**
 * `acqmeta export <folder> [--format csv|tsv|xlsx|omero|readme|methods|channels|prov|<target>] [--acquisition] [-o file]`:
 * every image's fields (and, on request, its acquisition) as a table, the folder's draft
 * dataset readme or Methods text, its channel table, its change journal as PROV-JSON, a
 * repository's metadata file (HuBMAP, HTAN) with its companion files and to-do, or the images
 * as a CloudScope collection (`cloudscope-collection`).
 */
import path from 'node:path';
import { CHANNEL_TABLE_NAME } from '../../../shared/channels/channel-table';
import { DATASET_DRAFTS, type DatasetDraft } from '../../../shared/sheets/dataset-drafts';
import { TABLE_EXPORT_FORMATS, type TableExportFormat } from '../../../shared/sheets/table-export';
import { exportFormatOfName } from '../../services/sheets/table-file';
import { DRAFT_IMAGES } from '../../services/sheets/folder-draft';
import { exportFolder, type FolderExport } from '../../services/sheets/folder-export';
import { exportReadme } from '../../services/sheets/readme-export';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { createTiffScanner } from '../../services/tiff';
import { lastOption, UsageError } from '../args';
import { CHANNELS_FORMAT, exportChannelTable, isChannelTableName } from '../channel-export';
import { EXIT, type Command } from '../cli-io';
import { forceOf, FORCE, refuseWorkbookOnTerminal, writeOutput } from '../file-output';
import { exportProv, isProvFileName, PROV_FORMAT } from '../prov-export';
import { exportSubmission } from '../submission-output';
import { COLLECTION_FORMAT, exportCollectionCommand } from '../collection-export';
import { folderArgument, walkFolder } from '../targets';
import { isSubmissionFormat, SUBMISSION_FORMATS, type SubmissionFormat } from '../../../shared/submission';

const DRY_RUN = '--dry-run';

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  help: `Usage: acqmeta export <folder> [--format csv|tsv|xlsx|omero|readme|methods|channels|prov]
                      [--acquisition] [-o <file> [--force]]
       acqmeta export <folder> --format ${SUBMISSION_FORMATS.join('|')}
                      [-o <file> [--force]] [--dry-run]
       acqmeta export <folder> --format ${COLLECTION_FORMAT} -o <name>.ome.zarr [--force]

Writes one row per image under <folder> (subfolders included): the first column "path" is
the image path relative to <folder>, then one column per editable field, named by its
sidecar key. Images without a sidecar show the defaults. Images whose sidecar is invalid are
left out and reported on stderr.

  --format csv|tsv   UTF-8 text, RFC 4180 quoting, CRLF line ends; text that begins with
                     =, +, -, @, a tab or a carriage return (or with ') gets a leading ',
                     so that spreadsheet programs do not run it as a formula (import
                     takes it off again); numbers are written as they are
  --format xlsx      an Excel workbook: text cells stay text (never formulas), numbers are
                     numbers, an empty cell is no value (needs -o, or stdout not being a
                     terminal)
  --format omero     an OMERO bulk annotation CSV: a "# header" row of column types, then
                     "Dataset Name" (the image's subfolder, or <folder>'s own name for images
                     directly in it), "Image Name" (the file name) and one column per field,
                     for: omero metadata populate Project:<id> --file <file>
                     (add --allow_nan when number columns have empty cells: stderr says so);
                     text is written as it is, for OMERO to store as it is, so do not
                     open this file in a spreadsheet program (stderr says when it matters)
  --format readme    a draft dataset readme in Markdown: image count, formats, axes and
                     sizes, data types, channels, pixel sizes (uncalibrated images named),
                     acquisition dates, how the images were taken as their files recorded
                     it (instrument, objective, channels, z step, interval, with counts),
                     the values of each field with counts, completeness against the lab
                     profile in force, the file layout, and places marked **TODO** for what
                     no file tells (the instrument, objective or probes where no file names
                     them, sample preparation, licence); reads every image's header
  --format methods   a draft of a paper's Methods text in Markdown: microscope, objectives,
                     channels with excitation/emission, pixel size, z step and interval as
                     the files recorded them (with image counts where they differ), and
                     the images per group of the lab profile's required fields (species,
                     genotype, sex, condition, treatment without a profile); **TODO** marks
                     what no file tells
  --format channels  the channel table (${CHANNEL_TABLE_NAME}) in force for <folder>: its
                     own, else the nearest one in a folder above it, copied byte for byte;
                     where none applies, the draft the app's Channel table dialog shows:
                     one row per channel of the layout most images share, with the channel
                     names, fluorophores and wavelengths their files recorded (headers of at
                     most ${DRAFT_IMAGES.toLocaleString('en-US')} images are read). stderr says which it was, and where
                     the images differ (channel counts, or channels named otherwise); save
                     it with -o <folder>/${CHANNEL_TABLE_NAME} to put it in force; that write
                     is journaled (acqmeta log lists it, restore --before takes it back)
  --format prov      the change journal of the images under <folder> (acqmeta log) as a
                     W3C PROV-JSON document: each sidecar version an entity, each action
                     (batch) an activity, each user@host a prov:Person and each program a
                     prov:SoftwareAgent (docs/cli.md, "PROV-JSON"); without journaled
                     changes, a document without records (stderr says so)
  --format hubmap:confocal|hubmap:lightsheet|hubmap:histology|hubmap:imc-2d|
           hubmap:segmentation-mask
                     HuBMAP's metadata TSV for <folder> as one dataset: one row, the
                     template's columns in order, metadata_schema_id and the template's
                     defaults filled, and the values all images agree on (instrument vendor
                     and model; for imc-2d the channel count and bytes per pixel), each
                     written only when the template's own regex, bounds and terms accept it.
                     With -o, beside it: contributors.tsv (header only: add the people) and,
                     where the template has antibodies_path, antibodies.tsv (one row per
                     antibody of the channel table in force); contributors_path and
                     antibodies_path name them, data_path names <folder> when the metadata
                     file is in the folder that holds it
  --format htan:imaging-level-2
                     HTAN's Imaging Level 2 manifest (CSV): one row per image, its file,
                     microscope, objective, magnification, NA, immersion, pixel sizes, sizes,
                     Z and T flags and pixel type, each checked by the manifest's valid values;
                     with -o, beside it: imaging-level-3-channels.csv (MITI channel metadata
                     from the channel table in force), named in Channel Metadata Filename.
                     For these, every cell still to fill in every file is listed on stderr
                     and, with -o, in <file>.todo.txt: a required value no file, sidecar or
                     channel table supplies, a value the template does not accept (with "did
                     you mean" for a near miss), images that differ, a channel table that does
                     not fit the images. Nothing is invented. Exits 1 while a required cell is
                     empty (the files are written all the same)
  --format ${COLLECTION_FORMAT}
                     the images as one acqstore collection for CloudScope Web: an NGFF 0.5
                     image per file (levels halved while 16 or more, 256-pixel Blosc chunks),
                     its sidecar inside it, the manifests acqstore writes; staged beside
                     <name>.ome.zarr, checked against acqstore's contract and read back
                     plane by plane, then renamed into place. One image that cannot be
                     exported is named and nothing is written (exit 1); OME-Zarr stores in
                     the folder are left out. --force replaces only a collection AcqMeta
                     wrote. Ctrl-C cleans up and exits 130
  --dry-run          (HuBMAP, HTAN) print the metadata file and the to-do, list the files
                     it would write; write nothing
  --acquisition      (csv, tsv, xlsx, omero) add what each image file records, after the
                     fields: acquisition_instrument, acquisition_objective, acquisition_na,
                     acquisition_channels, acquisition_z_step_um, acquisition_interval_s,
                     acquisition_acquired (the app table's Acquisition columns); NA, z step
                     and interval are numbers (OMERO type d), the rest text (s); a value the
                     file does not record is an empty cell. Read-only: import ignores them.
                     Reads every image's header
  -o <file>          write to <file> instead of stdout (through a temp file renamed into
                     place); without --format, its name ending (.csv, .tsv, .xlsx, .md,
                     .json for prov) picks the format, and the name ${CHANNEL_TABLE_NAME}
                     picks channels; a file that exists is left as it is (exit 2)
  --force            let -o replace a file that exists (and its companions and to-do file;
                     without it, each that exists is named and nothing is written)

The csv, tsv and xlsx tables can be edited and read back with acqmeta import.
Exits 1 when some images were left out; for channels, also when the table in force cannot be
read as a channel table, or when the images differ from the draft.`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--acquisition', FORCE, DRY_RUN], options: ['--format', '-o'] },
  async run(args, io) {
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    const outFile = lastOption(args, '-o');
    const format = exportFormat(lastOption(args, '--format'), outFile);
    const acquisition = args.flags.has('--acquisition');
    if (acquisition && format === CHANNELS_FORMAT)
      throw new UsageError('--acquisition adds columns to a table (csv, tsv, xlsx, omero), not to the channel table');
    if (acquisition && format === PROV_FORMAT)
      throw new UsageError('--acquisition adds columns to a table (csv, tsv, xlsx, omero), not to the change journal');
    if (acquisition && isDraft(format))
      throw new UsageError(
        `--acquisition adds columns to a table (csv, tsv, xlsx, omero); a ${format} describes the acquisition already`,
      );
    const dryRun = args.flags.has(DRY_RUN);
    if (dryRun && !isSubmissionFormat(format))
      throw new UsageError(
        `--dry-run shows a HuBMAP or HTAN export (${SUBMISSION_FORMATS.join(', ')}) before it is written`,
      );
    if (acquisition && isSubmissionFormat(format))
      throw new UsageError(`--acquisition adds columns to a table (csv, tsv, xlsx, omero), not to a ${format} file`);
    if (acquisition && format === COLLECTION_FORMAT)
      throw new UsageError('--acquisition adds columns to a table (csv, tsv, xlsx, omero), not to a collection');
    if (format === COLLECTION_FORMAT) return exportCollectionCommand(root, outFile, io, args.flags.has(FORCE));
    const force = await forceOf(args, io, outFile);
    if (isSubmissionFormat(format)) return exportSubmission(root, format, outFile, io, { force, dryRun });
    const target = { root, shown: args.positionals[0] as string, outFile, io, force };
    if (format === CHANNELS_FORMAT) return exportChannelTable(target);
    if (format === PROV_FORMAT) return exportProv(target);
    refuseWorkbookOnTerminal(format, outFile, io);
    const result = isDraft(format) ? await draftOf(root, format) : await tableOf(root, format, acquisition);
    for (const { path: relPath, message } of result.skipped) io.err(`${relPath}: left out, ${message}`);
    await writeOutput(io, outFile, result.file.bytes, force);
    if (outFile !== undefined) {
      io.err(
        isDraft(format)
          ? `${format} of ${result.count} images written to ${outFile}`
          : `${result.count} images written to ${outFile}`,
      );
    }
    for (const note of result.file.notes) io.err(note);
    return result.skipped.length > 0 ? EXIT.problems : EXIT.ok;
  },
};

/** What `export` writes: a table format, a dataset draft, the channel table, the journal as PROV-JSON, or a submission file. */
type ExportFormat =
  | TableExportFormat
  | DatasetDraft
  | typeof CHANNELS_FORMAT
  | typeof PROV_FORMAT
  | SubmissionFormat
  | typeof COLLECTION_FORMAT;

const EXPORT_FORMATS: readonly ExportFormat[] = [
  ...TABLE_EXPORT_FORMATS,
  ...DATASET_DRAFTS,
  CHANNELS_FORMAT,
  PROV_FORMAT,
  ...SUBMISSION_FORMATS,
  COLLECTION_FORMAT,
];

const isDraft = (format: ExportFormat): format is DatasetDraft =>
  (DATASET_DRAFTS as readonly string[]).includes(format);

function exportFormat(given: string | undefined, outFile: string | undefined): ExportFormat {
  if (given === undefined) {
    if (outFile === undefined) return 'csv';
    if (isChannelTableName(outFile)) return CHANNELS_FORMAT;
    if (isProvFileName(outFile)) return PROV_FORMAT;
    return /\.(md|markdown)$/i.test(outFile) ? 'readme' : exportFormatOfName(outFile);
  }
  if ((EXPORT_FORMATS as readonly string[]).includes(given)) return given as ExportFormat;
  throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${given}")`);
}

/** The folder's table; with `acquisition`, every header read by a scanner of its own for the acquisition columns. */
async function tableOf(root: string, format: TableExportFormat, acquisition: boolean): Promise<FolderExport> {
  if (!acquisition) return exportFolder(root, path.basename(root), walkFolder(root), format);
  const scanner = createTiffScanner();
  try {
    return await exportFolder(root, path.basename(root), walkFolder(root), format, { acquisition: scanner });
  } finally {
    await scanner.close();
  }
}

/** A draft of the folder (readme or methods), every header read by a scanner of its own. */
async function draftOf(root: string, draft: DatasetDraft): Promise<FolderExport> {
  const scanner = createTiffScanner();
  try {
    const finder = createProfileFinder(createProfileCache(), { root });
    const { file, count } = await exportReadme(root, path.basename(root), walkFolder(root), scanner, finder, { draft });
    return { file, count, skipped: [] };
  } finally {
    await scanner.close();
  }
}
