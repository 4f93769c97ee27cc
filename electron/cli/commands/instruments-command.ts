/**
 * `acqmeta instruments <folder> [--json]`: the lab's microscope catalogue in force for a folder
 * (its files, microscopes and their parts) and its problems; `acqmeta instruments draft <image>
 * [-o <file>] [--force]`: a description drafted from what an image records.
 */
import path from 'node:path';
import {
  draftInstrument,
  INSTRUMENTS_FOLDER,
  type InstrumentComponentKind,
  type InstrumentDescription,
} from '../../../shared/instruments';
import { deviceNameProblem } from '../../../shared/windows-names';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { readImage } from '../../services/rows';
import { createTiffScanner } from '../../services/tiff';
import { lastOption, UsageError, type ParsedArgs } from '../args';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { forceOf, FORCE, writeOutput } from '../file-output';
import { problemLines } from '../instrument-format';
import { folderArgument, imageArgument } from '../targets';

/** How a count of each kind of part reads: singular, plural. */
const KIND_WORDS: Record<InstrumentComponentKind, [string, string]> = {
  objective: ['objective', 'objectives'],
  'light-source': ['light source', 'light sources'],
  'excitation-filter': ['excitation filter', 'excitation filters'],
  'emission-filter': ['emission filter', 'emission filters'],
  dichroic: ['dichroic', 'dichroics'],
  'filter-cube': ['filter cube', 'filter cubes'],
  detector: ['detector', 'detectors'],
  software: ['software', 'software'],
  other: ['other part', 'other parts'],
};

/** The number of parts of each kind, in the order of {@link KIND_WORDS}, kinds with none left out. */
function kindCounts(description: InstrumentDescription): Partial<Record<InstrumentComponentKind, number>> {
  const counts: Partial<Record<InstrumentComponentKind, number>> = {};
  for (const kind of Object.keys(KIND_WORDS) as InstrumentComponentKind[]) {
    const n = description.components.filter((c) => c.kind === kind).length;
    if (n > 0) counts[kind] = n;
  }
  return counts;
}

/** The `instruments` command. */
export const instrumentsCommand: Command = {
  name: 'instruments',
  help: `Usage: acqmeta instruments <folder> [--json]
       acqmeta instruments draft <image> [-o <file>] [--force]

The first form lists the microscope catalogue in force for <folder> (the nearest
${INSTRUMENTS_FOLDER}/ folder of Micro-Meta App descriptions, in it or above it): each
file, the microscope it describes and its parts counted by kind, then the catalogue's problems
(each with its file and JSON path). See docs/instruments.md.

  --json   one JSON object: the folder in force (null when none), each file and the problems

The second form drafts a description from what <image> records of its hardware (the stand,
the objective, a light source per excitation line), in the Micro-Meta App's layout with fresh
IDs, and prints it; what the file records that the draft cannot carry goes to stderr.

  -o <file>   write it there instead (atomically; put it in ${INSTRUMENTS_FOLDER}/ to use it)
  --force     replace the file that exists there

Exits 1 when the catalogue has errors, or the image records no hardware; 2 when the
file -o names exists already and --force is not given, or is a name Windows keeps for a
device (con.json, nul.json, com1.json, …) (nothing written).`,
  syntax: { positionals: { min: 1, max: 2 }, flags: ['--json', FORCE], options: ['-o'] },
  async run(args, io) {
    const [first, second] = args.positionals as [string, string | undefined];
    const output = lastOption(args, '-o');
    if (first === 'draft' && second !== undefined) return draft(io, second, output, args);
    if (second !== undefined) throw new UsageError(`unknown action "${first}" (known: draft)`);
    if (args.flags.has(FORCE) || output !== undefined) throw new UsageError('-o and --force are for instruments draft');
    const root = await folderArgument(io.cwd, first);
    const finder = createProfileFinder(createProfileCache(), { root });
    const catalogue = await finder.instrumentsFor(path.join(root, INSTRUMENTS_FOLDER));
    const files = (catalogue?.files ?? []).map(({ file, description }) => ({
      file,
      name: description?.name ?? null,
      stand: description?.stand ?? null,
      components: description === null ? null : kindCounts(description),
    }));
    const problems = catalogue?.problems ?? [];
    if (args.flags.has('--json'))
      await io.out.line(JSON.stringify({ folder: catalogue?.folder ?? null, files, problems }, null, 2));
    else if (catalogue === null) await io.out.line(`No ${INSTRUMENTS_FOLDER}/ is in force for ${first}.`);
    else {
      await io.out.line(
        `Instrument catalogue: ${catalogue.folder}/ (${files.length} file${files.length === 1 ? '' : 's'})`,
      );
      for (const { file, name, stand, components } of files) {
        const model = [stand?.manufacturer, stand?.model].filter(Boolean).join(' ');
        const parts = Object.entries(components ?? {}).map(
          ([kind, n]) => `${n} ${KIND_WORDS[kind as InstrumentComponentKind][n === 1 ? 0 : 1]}`,
        );
        const what =
          name === null
            ? 'not usable'
            : `${name}${model === '' ? '' : ` (${model})`}: ${parts.join(', ') || 'no parts'}`;
        await io.out.line(`  ${file}: ${what}`);
      }
      const lines = problemLines(problems);
      if (lines.length > 0) await io.out.line('Problems:');
      for (const line of lines) await io.out.line(`  ${line}`);
    }
    return problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
  },
};

/** `instruments draft`: the draft of `given`, printed or written to `output`. */
async function draft(io: CliIo, given: string, output: string | undefined, args: ParsedArgs): Promise<number> {
  const refused = output === undefined ? null : deviceNameProblem(path.basename(output));
  if (refused !== null) throw new CliError(EXIT.usage, `${output}: ${refused}; nothing written`);
  const force = await forceOf(args, io, output);
  const { root, entry } = await imageArgument(io.cwd, given);
  const scanner = createTiffScanner();
  try {
    const { scan } = await readImage(root, entry, scanner, createProfileFinder(createProfileCache(), { root }));
    const { text, notes } = draftInstrument(scan?.ok === true ? scan.info.acquisition : null);
    for (const note of notes) io.err(`${given}: ${note}`);
    if (text === null) return EXIT.problems;
    if (output === undefined) await io.out.line(text);
    else {
      await writeOutput(io, output, new TextEncoder().encode(text), force);
      io.err(`wrote ${output}`);
    }
    return EXIT.ok;
  } finally {
    await scanner.close();
  }
}
