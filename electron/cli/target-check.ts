/**
 * `acqmeta validate <folder> --target hubmap:<assay>[-v<version>]`: the folder's layout
 * checked against a repository's directory schema, with the verdict of HuBMAP's own
 * `directory_validator.py` ([docs/submissions.md](../../docs/submissions.md)).
 */
import {
  HUBMAP_DIRECTORY_SCHEMAS,
  checkUploadLayout,
  compileGlob,
  findTarget,
  targetName,
  targetNames,
  verdictCounts,
  type DirectorySchema,
} from '../../shared/submission';
import { listDatasetPaths } from '../services/folder';
import type { ParsedArgs } from './args';
import { CliError, EXIT, type CliIo } from './cli-io';
import { printable } from './output';

/** The assays bundled, each a target for its latest version: `hubmap:confocal`, … */
export const TARGET_ASSAYS: readonly string[] = [
  ...new Set(HUBMAP_DIRECTORY_SCHEMAS.schemas.map((s) => `hubmap:${s.assay}`)),
].sort();

/** The schema `--target` names; else a usage error that lists the known targets. */
function targetSchema(given: string): DirectorySchema {
  const schema = findTarget(given);
  if (schema !== null) return schema;
  throw new CliError(
    EXIT.usage,
    `unknown target ${JSON.stringify(given)}; known: ${TARGET_ASSAYS.join(', ')}, each also as <name>-v<version> (--list-targets lists them)`,
  );
}

/** Prints every target, a short name with the version it stands for. */
export async function listTargets(io: CliIo): Promise<number> {
  for (const name of targetNames()) {
    const schema = findTarget(name) as DirectorySchema;
    const latest = targetName(schema);
    await io.out.line(name === latest ? name : `${name.padEnd(latest.length)}  (${latest}, the latest bundled)`);
  }
  return EXIT.ok;
}

/** Checks `root` against `--target`; one line (or JSON object) per problem; exit 1 on any. */
export async function checkTarget(root: string, args: ParsedArgs, io: CliIo): Promise<number> {
  const targets = args.options.get('--target') ?? [];
  if (targets.length !== 1) throw new CliError(EXIT.usage, '--target may be given once');
  const schema = targetSchema(targets[0] as string);
  const ignore = args.options.get('--ignore') ?? [];
  for (const glob of ignore) {
    try {
      compileGlob(glob);
    } catch (error) {
      throw new CliError(EXIT.usage, (error as Error).message);
    }
  }
  const problems = await checkLayout(root, schema, { ignore, json: args.flags.has('--json') }, io);
  return problems > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Checks the layout of `root` against `schema` as HuBMAP's upload does: one line (or JSON
 * object) per problem on stdout; on stderr, AcqMeta's own files, left out of an upload, then the
 * verdict; resolves to the number of problems.
 */
export async function checkLayout(
  root: string,
  schema: DirectorySchema,
  { ignore, json }: { ignore: readonly string[]; json: boolean },
  io: CliIo,
): Promise<number> {
  let paths: string[];
  try {
    paths = await listDatasetPaths(root);
  } catch (error) {
    throw new CliError(EXIT.conflict, (error as Error).message);
  }
  const verdict = checkUploadLayout(paths, schema, ignore);
  const name = targetName(schema);
  for (const problem of verdict.problems) {
    if (json) await io.out.line(JSON.stringify(problem));
    else if ('missing' in problem) await io.out.line(`.: missing ${printable(problem.missing)} (required by ${name})`);
    else await io.out.line(`${printable(problem.not_allowed)}: not allowed by ${name}`);
  }
  await io.out.flush();
  for (const own of verdict.leftOut) io.err(`${printable(own)}: AcqMeta's own, left out of an upload`);
  const counts = verdictCounts(verdict);
  const checked = `${verdict.checked} path${verdict.checked === 1 ? '' : 's'} checked`;
  io.err(`${name}: ${counts.length === 0 ? 'the folder layout matches' : counts.join(', ')} (${checked})`);
  return verdict.problems.length;
}
