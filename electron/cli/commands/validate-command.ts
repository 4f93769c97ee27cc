/**
 * `acqmeta validate <folder> [--profile <file>]`: checks every sidecar under a folder, and
 * with a lab profile in force every image and the folder's layout too; with `--target`, the
 * folder's layout against a repository's directory schema instead.
 */
import path from 'node:path';
import { PROFILE_FILE_NAME } from '../../../shared/profile';
import { isInside } from '../../services/disk';
import { listFiles } from '../../services/folder';
import {
  createProfileCache,
  createProfileFinder,
  folderProblems,
  targetInForce,
  type LoadedProfile,
  type ProfileFinder,
} from '../../services/profile';
import { createTiffScanner } from '../../services/tiff';
import { CliError, EXIT, type CliIo, type Command } from '../cli-io';
import { imageStatuses } from '../image-status';
import { profileOption } from '../profile-option';
import { startProgress } from '../progress';
import { checkLayout, checkTarget, listTargets, TARGET_ASSAYS } from '../target-check';
import { folderArgument } from '../targets';

/** The `validate` command. */
export const validateCommand: Command = {
  name: 'validate',
  help: `Usage: acqmeta validate <folder> [--profile <file>]
       acqmeta validate <folder> --target <target> [--ignore <glob>]... [--json]
       acqmeta validate --list-targets

Reads every sidecar next to an image under <folder> (subfolders included) and checks it
against the sidecar format, against its image (the header the sidecar recorded and its
calibration, compared with what the image file declares now), and, where one is in force,
the lab profile: the
${PROFILE_FILE_NAME} in the image's folder or in the nearest parent folder that has one
(above <folder> too). One line per problem, each problem once:

  <sidecar>: <Display name>: <message>      a value CloudScope would reject
  <sidecar>: <message>                      a structural problem (corrupt JSON, wrong
                                            version, missing keys, ...)
  <sidecar>: The sidecar records shape ...  the sidecar does not describe the image beside
                                            it (copied beside another image, or the image
                                            replaced); both values are named
  <sidecar>: File declares ... per pixel    the calibration differs from the file's
  <sidecar>: <Field> <value> <rule>         a rule of the profile, e.g.
      raw/m3.tif.json: Species "Mouse" is not one of mouse, rat (did you mean "mouse"?)
  <image> (no sidecar): <Field> ...         under a profile, an image without a sidecar is
                                            checked as the defaults a new one would hold
  <profile>: line L, column C: <message>    a profile that cannot be used (not applied)
  <folder>: missing <what>: ...             a required file of the profile's folder rules
  <file>: matches none of the folder ...    a file outside the rules (x-folder-closed)

Folder rules are checked for the profiles in <folder> and its subfolders. Without a profile,
images without a sidecar are fine. A summary goes to stderr.

When the profile in force for <folder> names a submission target ("x-target":
"hubmap:confocal"), the folder's layout is also checked against that target's directory
schema, with the lines --target prints and a line on stderr naming the profile it came from.

  --profile <file>   apply this profile to every image (its folder rules to <folder>)

With --target, checks only the folder's layout against a repository's directory schema,
with the verdict of HuBMAP's directory_validator.py: every file under <folder> (hidden
ones too) must match one of the schema's patterns, and every required pattern some path.
Targets, each for the latest version bundled (add -v<version> for another, e.g.
hubmap:confocal-v2.0; --list-targets lists them all):

${TARGET_ASSAYS.map((name) => `  ${name}`).join('\n')}

One line per problem:

  .: missing <pattern> (required by <target>)   no path matches a required pattern
  <path>: not allowed by <target>               a path no pattern matches

  --target <target>  the repository and assay (exit 2 for an unknown one, listing them);
                     instead of the profile's x-target
  --ignore <glob>    leave paths that match this fnmatch glob out of "not allowed"
                     (repeatable; as the ingest tools' dataset ignore globs)
  --json             one JSON object per problem: {"kind": "directory", "missing":
                     "<pattern>"} or {"kind": "directory", "not_allowed": "<path>"}
  --list-targets     list the targets bundled

Exits 0 when nothing is wrong, 1 otherwise.`,
  syntax: {
    positionals: { min: 0, max: 1 },
    flags: ['--json', '--list-targets'],
    options: ['--profile', '--target', '--ignore'],
  },
  async run(args, io) {
    if (args.flags.has('--list-targets')) return listTargets(io);
    if (args.positionals.length === 0) throw new CliError(EXIT.usage, 'missing argument');
    const root = await folderArgument(io.cwd, args.positionals[0] as string);
    if (args.options.has('--target')) {
      if (args.options.has('--profile'))
        throw new CliError(EXIT.usage, '--profile and --target check different things: give one');
      return checkTarget(root, args, io);
    }
    if (args.flags.has('--json') || args.options.has('--ignore')) {
      throw new CliError(EXIT.usage, '--json and --ignore go with --target');
    }
    const cache = createProfileCache();
    const override = await profileOption(args, io, cache);
    const finder = createProfileFinder(cache, { root, override });
    const scanner = createTiffScanner();
    const progress = startProgress(io, 'checked', null);
    const tally = { checked: 0, failing: 0, other: 0 };
    const reported = new Set<LoadedProfile>();
    const reportProfile = async (loaded: LoadedProfile | null) => {
      if (loaded === null || reported.has(loaded)) return;
      reported.add(loaded);
      tally.other += loaded.profile.problems.length;
      for (const problem of loaded.profile.problems) await io.out.line(problem);
    };
    try {
      await reportProfile(override ?? null);
      for await (const image of imageStatuses(root, finder, scanner)) {
        await reportProfile(image.profile);
        // Without a usable profile, an image without a sidecar has nothing to check.
        if (image.hasSidecar || image.profile?.profile.compiled != null) tally.checked++;
        const problems = [...image.errors, ...image.profileProblems.map((p) => p.message)];
        if (problems.length > 0) tally.failing++;
        for (const problem of problems) await io.out.line(`${image.where}: ${problem}`);
        progress.tick();
      }
    } finally {
      progress.end();
      await scanner.close();
    }
    for (const loaded of await profilesWithFolderRules(root, finder, override, reported)) {
      await reportProfile(loaded);
      const problems = await folderProblems(loaded, override === undefined ? loaded.dir : root, finder);
      tally.other += problems.length;
      for (const problem of problems) await io.out.line(`${problem.path}: ${problem.message}`);
    }
    tally.other += await checkProfileTarget(root, finder, io);
    await io.out.flush();
    const what = reported.size === 0 ? 'sidecar' : 'image';
    const images = `${tally.checked} ${what}${tally.checked === 1 ? '' : 's'} checked, ${tally.failing} with problems`;
    io.err(
      tally.other === 0
        ? images
        : `${images}; ${tally.other} problem${tally.other === 1 ? '' : 's'} with profiles or folder layout`,
    );
    return tally.failing + tally.other > 0 ? EXIT.problems : EXIT.ok;
  },
};

/**
 * Checks the layout of `root` against the `x-target` of the profile in force for it, as
 * `--target` would, saying where the target came from; resolves to the number of problems.
 */
async function checkProfileTarget(root: string, finder: ProfileFinder, io: CliIo): Promise<number> {
  const inForce = await targetInForce(finder, root);
  if (inForce === null) return 0;
  const { target, profile } = inForce;
  const from = `the target ${target.name} comes from the lab profile ${profile} (x-target)`;
  if (target.directory === null) {
    io.err(`${from}; it has no directory schema, so the folder layout is not checked against it`);
    return 0;
  }
  io.err(`${from}; --target checks another`);
  return checkLayout(root, target.directory, { ignore: [], json: false }, io);
}

/**
 * The profiles whose folder rules are checked: `--profile`'s, else every profile file in
 * the folder or its subfolders (one with no image under it still has rules to break).
 */
async function profilesWithFolderRules(
  root: string,
  finder: ProfileFinder,
  override: LoadedProfile | undefined,
  seen: ReadonlySet<LoadedProfile>,
): Promise<LoadedProfile[]> {
  if (override !== undefined) return [override];
  const found = new Set([...seen].filter((loaded) => isInside(root, loaded.dir)));
  for await (const file of listFiles(root)) {
    if (file.name !== PROFILE_FILE_NAME) continue;
    const loaded = await finder.forFolder(path.dirname(file.absPath));
    if (loaded !== null) found.add(loaded);
  }
  return [...found];
}
