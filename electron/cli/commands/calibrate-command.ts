/**
 * `acqmeta calibrate <image-or-folder>... [--pixel-size X[,Y]] [--unit um|nm|mm] [--z-step S]
 * [--interval SECONDS] [--channels NAME,NAME...] [--dry-run]`: the calibration written into
 * each TIFF's own header, in place, without touching a pixel.
 */
import { randomUUID } from 'node:crypto';
import type { CalibrationOutcome, HeaderValueChange, ImageReview } from '../../../shared/tiff-calibration';
import { applyCalibration, reviewCalibration, tiffHeaderHere } from '../../services/calibrate';
import type { ImageEntry } from '../../services/folder';
import { journalPlaces, journalWrites } from '../../services/journal';
import { createProfileCache, createProfileFinder } from '../../services/profile';
import { releaseAtOnce, writeOnThisThread } from '../../services/sidecar';
import { UsageError } from '../args';
import { calibrationRequest } from '../calibrate-options';
import { reviewWhileRecovering } from '../calibrate-review';
import { calibrateTargets } from '../calibrate-targets';
import { timeCalibrate } from '../calibrate-timing';
import { EXIT, type CliIo, type Command } from '../cli-io';
import { latestHeaderRecords, recoverInterrupted } from '../header-recovery';
import { startProgress } from '../progress';

/** The options that ask for something to write. */
const VALUE_OPTIONS = ['--pixel-size', '--unit', '--z-step', '--interval', '--channels'];

/** The `calibrate` command. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  help: `Usage: acqmeta calibrate <image-or-folder>... [--pixel-size X[,Y]] [--unit um|nm|mm]
                         [--z-step S] [--interval SECONDS] [--channels NAME,NAME...] [--dry-run]

Writes the calibration into the header of each TIFF given, and of every TIFF under each folder
given, so that Fiji/ImageJ, QuPath, napari, CellProfiler and Bio-Formats read it: the pixel
size X and Y and its unit from the image's sidecar (--pixel-size and --unit first set those
sidecar fields, through the same save as acqmeta set), and the z step, frame interval and
channel names given. Where each goes depends on the file (see docs/calibration.md):

  ImageJ TIFF   its ImageJ description (unit=, spacing=, finterval=), the resolution tags,
                and the channel names as ImageJ's slice labels
  OME-TIFF      its OME-XML (PhysicalSizeX/Y/Z, TimeIncrement, Channel Name) and the
                resolution tags (ImageJ 1.x reads only those), in pixels per cm
  other TIFF    the resolution tags in pixels per cm; it has no place for a z step, an
                interval or names: those are refused for it (acqmeta convert makes an
                OME-TIFF copy that has)

No pixel is touched: the new header goes at the end of the file and the file's link to its
first IFD is pointed at it, after a check that no byte written is a strip's or a tile's. Each
write is journaled (the old bytes it replaces) before its first byte, and read back after;
acqmeta log lists it and acqmeta restore <image> --undo <id> puts the file back byte for byte.
A write cut short (a crash, a kill) leaves the old header in force, and the next calibrate,
restore, set or show of that image puts the file back as it was.

Refused, by name, with nothing written to them: vendor files (CZI, ND2, LIF, OIB, LSM, OIR),
an image whose sidecar holds no calibration (1 Pixels) without --pixel-size, a z step for an
image of one Z plane, an interval for one time point, channel names that are not one per
channel.

  --pixel-size X[,Y]   the size of one pixel (Y = X when not given), written into each
                       sidecar first
  --unit um|nm|mm      its unit (um when --pixel-size is given without it)
  --z-step S           the distance between Z planes, in the pixel size's unit
  --interval SECONDS   the time between frames
  --channels A,B,...   one name per channel, in the file's channel order
  --dry-run            show each image's header values, old → new, and write nothing

Exits 2 on a bad value (nothing written), 1 when some images were refused, 3 when a file
changed meanwhile or could not be written.`,
  syntax: {
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    flags: ['--dry-run'],
    options: VALUE_OPTIONS,
  },
  async run(args, io) {
    timeCalibrate();
    const request = calibrationRequest(args);
    const dryRun = args.flags.has('--dry-run');
    // one file after another: its writes take less time than a write worker's start-up would,
    // and no write follows another soon enough to use a lock kept for it
    writeOnThisThread();
    releaseAtOnce();
    // the arguments resolved once: their images, and their folders for the journal and the recovery
    const { entries, folders, roots } = await calibrateTargets(io.cwd, args.positionals);
    if (entries.length === 0) throw new UsageError('no images found');
    const places = journalPlaces({
      roots,
      onFallback: (root, dir) => io.err(`warning: ${root} cannot be written; its change journal is kept in ${dir}`),
    });
    const reviewOf = (some: readonly ImageEntry[]) => reviewCalibration(some, request);
    const reviewed = dryRun
      ? await reviewOf(entries)
      : await reviewWhileRecovering(entries, reviewOf, async () =>
          recoverInterrupted(entries, await latestHeaderRecords(folders, entries), places, io),
        );
    if (dryRun) {
      for (const { review } of reviewed) await reportImage(io, review, null);
      return summary(
        io,
        reviewed.map((r) => review(r.review)),
        true,
      );
    }
    const action = ['calibrate', ...VALUE_OPTIONS.flatMap((o) => args.options.get(o)?.map((v) => `${o} ${v}`) ?? [])];
    const batch = randomUUID();
    const progress = startProgress(io, 'Calibrating', reviewed.length);
    try {
      const save = {
        header: tiffHeaderHere,
        profiles: createProfileFinder(createProfileCache(), { root: io.cwd }),
        journal: journalWrites(places, { tool: 'acqmeta', action: action.join(' '), batch }),
      };
      const reports: Promise<void>[] = [];
      const outcomes = await applyCalibration(reviewed, request, {
        journal: { places, tool: 'acqmeta', action: action.join(' '), batch },
        save,
        onImage: (image, outcome) => {
          progress.tick();
          reports.push(reportImage(io, image.review, outcome));
        },
      });
      await Promise.all(reports);
      return summary(io, outcomes, false);
    } finally {
      progress.end();
    }
  },
};

/** A reviewed image as the outcome a dry run reports. */
function review(image: ImageReview): CalibrationOutcome {
  if (image.refusal !== null) return { kind: 'refused', reason: image.refusal };
  return image.changes.every((c) => c.old === c.new) ? { kind: 'unchanged' } : { kind: 'written' };
}

/** `unit [ImageJ description]: (none) → micron`. */
function changeLine(change: HeaderValueChange): string {
  return `  ${change.value} [${change.place}]: ${change.old} → ${change.new}`;
}

/** One image's lines: its header values old → new on stdout (outcome null: a dry run), a refusal or failure on stderr. */
async function reportImage(io: CliIo, image: ImageReview, outcome: CalibrationOutcome | null): Promise<void> {
  const shown = outcome ?? review(image);
  if (shown.kind === 'refused' || shown.kind === 'conflict' || shown.kind === 'io' || shown.kind === 'cancelled') {
    await io.out.flush();
    io.err(`${image.path}: ${shown.reason}`);
    return;
  }
  const verb = shown.kind === 'unchanged' ? 'unchanged' : outcome === null ? 'would write' : 'wrote';
  await io.out.line(
    `${verb} ${image.path} (${image.kind === 'imagej' ? 'ImageJ TIFF' : image.kind === 'ome' ? 'OME-TIFF' : 'TIFF'})`,
  );
  for (const change of image.changes) if (change.old !== change.new) await io.out.line(changeLine(change));
}

/** The closing line and the exit code: 3 on a conflict or disk error, 1 when some were refused. */
async function summary(io: CliIo, outcomes: readonly CalibrationOutcome[], dryRun: boolean): Promise<number> {
  const count = (kind: CalibrationOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const failed = count('conflict') + count('io');
  const parts = [
    `${count('written')} header${count('written') === 1 ? '' : 's'} ${dryRun ? 'to write' : 'written'}`,
    `${count('unchanged')} unchanged`,
    ...(count('refused') > 0 ? [`${count('refused')} refused`] : []),
    ...(failed > 0 ? [`${failed} not written (changed meanwhile or disk errors)`] : []),
  ];
  await io.out.line(dryRun ? `Dry run: ${parts.join(', ')}; nothing written.` : `${parts.join(', ')}.`);
  if (failed > 0) return EXIT.conflict;
  return count('refused') > 0 ? EXIT.problems : EXIT.ok;
}
