/**
 * `acqmeta restore <image> --rebuild [--dry-run]`: writes a damaged or deleted sidecar anew from
 * the image's header and each field's last value the change journal knows, the damaged file
 * kept beside it, through the one save path (journaled as `restore --rebuild`).
 */
import { rebuildFromJournal, type RebuildLine } from '../../shared/journal';
import { editableField } from '../../shared/fields/field-table';
import { readFolderJournal } from '../services/journal';
import { createProfileCache, createProfileFinder } from '../services/profile';
import { scanImage } from '../services/rows';
import { readSidecarFile, sidecarNameFor } from '../services/sidecar';
import { createTiffScanner } from '../services/tiff';
import { UsageError } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';
import { describeStored } from './row-format';
import { imageOrFolderArgument, imageTargets } from './targets';
import { cliWriter } from './write-changes';
import { writeAndReport } from './write-report';

/** `  Genotype: Thy1  (record 5b0c…, 2026-11-24 09:15 UTC, set --set genotype=Thy1)`, or `(image header)`. */
function rebuildLine(line: RebuildLine): string {
  const spec = editableField(line.field);
  const { from: source } = line;
  const from =
    source === 'header'
      ? 'image header'
      : source === 'default'
        ? 'a new sidecar'
        : `record ${source.id}, ${source.time.slice(0, 10)} ${source.time.slice(11, 16)} UTC, ${source.action}`;
  return `  ${spec?.displayName ?? line.field}: ${describeStored(line.value, spec)}  (${from})`;
}

/** Rebuilds the sidecar of the image `given` from the journal of its folder; resolves to the exit code. */
export async function rebuildSidecar(given: string, dryRun: boolean, io: CliIo): Promise<number> {
  const { folder, image } = await imageOrFolderArgument(io.cwd, given);
  if (image === null) throw new UsageError('--rebuild takes one image, not a folder');
  const { records, problems } = await readFolderJournal(folder);
  for (const problem of problems) io.err(`warning: ${problem}`);
  const own = records.filter((r) => r.path === image);
  if (own.length === 0) throw new CliError(EXIT.usage, `${given}: the change journal has no record of it`);
  const [entry] = await imageTargets(io.cwd, [given]);
  if (entry === undefined) throw new CliError(EXIT.usage, `${given}: not an image`);
  const file = await readSidecarFile(entry.absPath);
  const name = sidecarNameFor(entry.absPath);
  if (file.state === 'ok')
    throw new CliError(EXIT.problems, `${name} can be read: nothing to rebuild (restore --before puts fields back)`);
  const scanner = createTiffScanner();
  try {
    const scan = await scanImage(scanner, entry.absPath);
    if (!scan.ok) throw new CliError(EXIT.problems, `${given}: cannot rebuild ${name}: ${scan.message}`);
    const plan = rebuildFromJournal(own, scan.info.header, scan.info.fileCalibration);
    const profiles = createProfileFinder(createProfileCache(), { root: folder });
    const writer = cliWriter(profiles, scanner, dryRun, { action: 'restore --rebuild', roots: [folder], io });
    const request =
      file.state === 'invalid'
        ? { changes: plan.changes, expected: file.version, replaceDamaged: {} }
        : { changes: plan.changes, expected: null, create: true };
    return await writeAndReport(
      [{ entry }],
      io,
      dryRun,
      (item, batch) => writer.write(item.entry, request, batch),
      (_, outcome) => [
        `${dryRun ? 'would rebuild' : 'rebuilt'} ${name} from the change journal:`,
        ...plan.lines.map(rebuildLine),
        ...('damagedKeptAs' in outcome ? [`the damaged file is kept as ${outcome.damagedKeptAs}`] : []),
      ],
    );
  } finally {
    await scanner.close();
  }
}
