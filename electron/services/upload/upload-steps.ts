/**
 * An upload's plan as the app reviews it before the build: each file written, linked, copied or
 * converted, where it goes in the upload folder, and how many bytes the build goes through
 * against the free space where it goes. A vendor file is linked when the upload folder is on
 * the lab folder's disk (no bytes move), else copied; the build itself falls back to a copy
 * where a disk refuses links, so the review may count a link that ends up a copy. Each vendor
 * file's OME-TIFF copies are named as the conversion names them (one per scene or series).
 */
import { stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { UploadStep } from '../../../shared/api';
import { CHANNEL_LAYOUT_FILE, OME_IMAGES, omeChannelsFileName } from '../../../shared/upload';
import { plannedCopies } from '../convert';
import type { UploadPlan } from './upload-plan';

/** The plan's steps with their byte counts, and the disk's free space. */
export interface UploadSteps {
  readonly steps: UploadStep[];
  readonly bytes: number;
  readonly needed: number;
  readonly free: number | null;
  /** The images the build could not convert, each with the reason (the build stops at them). */
  readonly refused: string[];
}

/** The bytes a build of `plan` goes through: the lab files once, and the vendor files again when they are converted. */
export function progressTotal(plan: UploadPlan): number {
  const raw = plan.raw.reduce((sum, file) => sum + file.bytes, 0);
  return raw + plan.kept.reduce((sum, file) => sum + file.bytes, 0) + (plan.layout.omeCopies ? raw : 0);
}

/** An OME-TIFF copy of `file` at `copy`, and its channels file when the image has channels to list (as the build writes them). */
function copySteps(copy: string, file: { source: string; bytes: number }, channels: boolean): UploadStep[] {
  const convert: UploadStep = { action: 'convert', path: copy, source: file.source, bytes: file.bytes };
  return channels
    ? [convert, { action: 'write', path: omeChannelsFileName(copy), source: null, bytes: null }]
    : [convert];
}

/** The nearest folder of `folder` or above it that exists. */
async function nearestExisting(folder: string): Promise<string> {
  const found = await stat(folder).then(
    () => true,
    () => false,
  );
  const parent = path.dirname(folder);
  return found || parent === folder ? folder : nearestExisting(parent);
}

/** What building `plan` at the absolute folder `upload` does, step by step (see the module comment). */
export async function uploadSteps(plan: UploadPlan, upload: string): Promise<UploadSteps> {
  const at = await nearestExisting(path.dirname(upload));
  const [lab, there, disk] = await Promise.all([stat(plan.root), stat(at), statfs(at).catch(() => null)]);
  const link = lab.dev === there.dev;
  const files = [...plan.raw, ...plan.kept];
  const images = `${plan.dataset}/${OME_IMAGES}`;
  const copies = plan.layout.omeCopies
    ? await plannedCopies(
        plan.raw.map((file) => ({ relPath: file.source, absPath: file.absPath })),
        path.join(upload, ...images.split('/')),
        '.ome.tiff',
      )
    : [];
  const refused = plan.raw.flatMap((file, k) =>
    (copies[k] ?? []).flatMap((copy) => ('refused' in copy ? [`${file.source}: not converted, ${copy.refused}`] : [])),
  );
  const steps: UploadStep[] = [
    ...plan.parts.map((part) => ({
      action: 'write' as const,
      path: `${part.inDataset === true ? `${plan.dataset}/` : ''}${part.name}`,
      source: null,
      bytes: null,
    })),
    ...files.map((file) => ({
      action: link ? ('link' as const) : ('copy' as const),
      path: file.target,
      source: file.source,
      bytes: file.bytes,
    })),
    ...plan.keptFolders.map((folder) => ({ action: 'folder' as const, path: `${folder}/`, source: null, bytes: null })),
    ...plan.raw.flatMap((file, k) =>
      (copies[k] ?? []).flatMap((copy) =>
        'output' in copy
          ? copySteps(`${images}/${path.basename(copy.output)}`, file, plan.channels.has(file.source))
          : [],
      ),
    ),
    ...(plan.layout.channelLayout
      ? [{ action: 'write' as const, path: `${plan.dataset}/${CHANNEL_LAYOUT_FILE}`, source: null, bytes: null }]
      : []),
  ];
  const copied = link ? 0 : files.reduce((sum, file) => sum + file.bytes, 0);
  const needed = copied + (plan.layout.omeCopies ? plan.raw.reduce((sum, file) => sum + file.bytes, 0) : 0);
  return { steps, bytes: progressTotal(plan), needed, free: disk === null ? null : disk.bavail * disk.bsize, refused };
}
