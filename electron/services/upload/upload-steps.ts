/**
 * An upload's plan as the app reviews it before the build: each file written, linked, copied or
 * converted, where it goes in the upload folder, and how many bytes the build goes through
 * against the free space where it goes. A vendor file is linked when the upload folder is on
 * the lab folder's disk (no bytes move), else copied; the build itself falls back to a copy
 * where a disk refuses links, so the review may count a link that ends up a copy.
 */
import { stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { UploadStep } from '../../../shared/api';
import { CHANNEL_LAYOUT_FILE, OME_IMAGES } from '../../../shared/upload';
import { stemOf } from '../convert';
import type { UploadPlan } from './upload-plan';

/** The plan's steps with their byte counts, and the disk's free space. */
export interface UploadSteps {
  readonly steps: UploadStep[];
  readonly bytes: number;
  readonly needed: number;
  readonly free: number | null;
}

/** The bytes a build of `plan` goes through: the lab files once, and the vendor files again when they are converted. */
export function progressTotal(plan: UploadPlan): number {
  const raw = plan.raw.reduce((sum, file) => sum + file.bytes, 0);
  return raw + plan.kept.reduce((sum, file) => sum + file.bytes, 0) + (plan.layout.omeCopies ? raw : 0);
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
    ...(plan.layout.omeCopies
      ? plan.raw.map((file) => ({
          action: 'convert' as const,
          path: `${images}/${stemOf(file.source.slice(file.source.lastIndexOf('/') + 1))}.ome.tiff`,
          source: file.source,
          bytes: file.bytes,
        }))
      : []),
    ...(plan.layout.channelLayout
      ? [{ action: 'write' as const, path: `${plan.dataset}/${CHANNEL_LAYOUT_FILE}`, source: null, bytes: null }]
      : []),
  ];
  const needed = steps
    .filter((step) => step.action === 'copy' || step.action === 'convert')
    .reduce((sum, step) => sum + (step.bytes ?? 0), 0);
  return { steps, bytes: progressTotal(plan), needed, free: disk === null ? null : disk.bavail * disk.bsize };
}
