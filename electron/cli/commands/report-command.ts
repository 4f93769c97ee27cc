/**
 * `acqmeta report <folder> [--json]`: how complete a folder's metadata is against the lab
 * profile in force.
 */
import type { ProfileFieldRules } from '../../../shared/api';
import { editableField } from '../../../shared/fields/field-table';
import { completeness, type Completeness, type ImageStatus } from '../../../shared/profile';
import { createProfileCache, createProfileFinder, type LoadedProfile } from '../../services/profile';
import { EXIT, type Command } from '../cli-io';
import { imageStatuses } from '../image-status';
import { profileOption } from '../profile-option';
import { startProgress } from '../progress';
import { describeStored } from '../row-format';
import { folderArgument } from '../targets';

/** Values listed per field in the readable report before the rest are counted. */
const SHOWN_VALUES = 8;

/** The `report` command. */
export const reportCommand: Command = {
  name: 'report',
  help: `Usage: acqmeta report <folder> [--json] [--profile <file>]

Reads every image's sidecar under <folder> and reports, against the lab profile in force
(as acqmeta validate finds it):
  - per field: how many images have it filled, valid, invalid, and empty (* = required);
  - per field: the values in use and how many images use each;
  - how many images are ready: no problem with the sidecar nor with the profile.
Images without a sidecar count as empty.

  --json             one JSON object: {"folder", "images", "ready", "ready_images": [...],
                     "profiles": [{"source", "title", "problems"}], "fields": [{"field",
                     "display_name", "required", "filled", "valid", "invalid", "empty",
                     "values": [{"value", "images"}]}]}
  --profile <file>   apply this profile to every image

Exits 0 (the report is information; acqmeta validate exits 1 on problems).`,
  syntax: { positionals: { min: 1, max: 1 }, flags: ['--json'], options: ['--profile'] },
  async run(args, io) {
    const given = args.positionals[0] as string;
    const root = await folderArgument(io.cwd, given);
    const cache = createProfileCache();
    const finder = createProfileFinder(cache, { root, override: await profileOption(args, io, cache) });
    const images: ImageStatus[] = [];
    const profiles = new Set<LoadedProfile>();
    const progress = startProgress(io, 'read', null);
    try {
      for await (const image of imageStatuses(root, finder)) {
        images.push(image);
        if (image.profile !== null) profiles.add(image.profile);
        progress.tick();
      }
    } finally {
      progress.end();
    }
    const rules: ProfileFieldRules[] = [...profiles].flatMap((p) => p.profile.compiled?.fields ?? []);
    const report = completeness(images, rules);
    const lines = args.flags.has('--json')
      ? [JSON.stringify(reportRecord(given, report, [...profiles]), null, 2)]
      : reportLines(given, report, [...profiles]);
    for (const line of lines) await io.out.line(line);
    return EXIT.ok;
  },
};

function reportRecord(folder: string, report: Completeness, profiles: LoadedProfile[]): Record<string, unknown> {
  return {
    folder,
    images: report.images,
    ready: report.ready.length,
    ready_images: report.ready,
    profiles: profiles.map(({ profile }) => ({
      source: profile.source,
      title: profile.title,
      problems: profile.problems,
    })),
    fields: report.fields.map((f) => ({
      field: f.field,
      display_name: f.displayName,
      required: f.required,
      filled: f.filled,
      valid: f.valid,
      invalid: f.invalid,
      empty: f.empty,
      values: f.values,
    })),
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}

function reportLines(folder: string, report: Completeness, profiles: LoadedProfile[]): string[] {
  const lines = [
    `${folder}: ${report.images} image${report.images === 1 ? '' : 's'}, ${report.ready.length} ready (${percent(report.ready.length, report.images)})`,
  ];
  for (const { profile } of profiles) {
    lines.push(
      `Lab profile: ${profile.source}${profile.title === null ? '' : ` (${profile.title})`}${profile.compiled === null ? ' (cannot be used)' : ''}`,
    );
    lines.push(...profile.problems.map((p) => `  ${p}`));
  }
  if (profiles.length === 0) lines.push('No lab profile in force (acqmeta profile init makes a starter one).');
  const width = Math.max(...report.fields.map((f) => f.displayName.length)) + 2;
  const cell = (value: string | number) => String(value).padStart(8);
  lines.push('', `${'field'.padEnd(width)}${cell('filled')}${cell('valid')}${cell('invalid')}${cell('empty')}`);
  for (const f of report.fields) {
    lines.push(
      `${`${f.displayName}${f.required ? ' *' : ''}`.padEnd(width)}${cell(f.filled)}${cell(f.valid)}${cell(f.invalid)}${cell(f.empty)}`,
    );
  }
  if (report.fields.some((f) => f.required)) lines.push('(* required by the profile)');
  const used = report.fields.filter((f) => f.values.length > 0 && editableField(f.field)?.multiline !== true);
  if (used.length > 0) lines.push('', 'Values in use (images)');
  for (const f of used) {
    const spec = editableField(f.field);
    const shown = f.values.slice(0, SHOWN_VALUES).map((v) => `${describeStored(v.value, spec)} (${v.images})`);
    const more = f.values.length > SHOWN_VALUES ? `, … ${f.values.length - SHOWN_VALUES} more` : '';
    lines.push(`  ${f.displayName}: ${shown.join(', ')}${more}`);
  }
  return lines;
}
