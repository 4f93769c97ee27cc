/**
 * Where an upload goes: a folder that is not there yet, or, with `--force`, an upload built
 * before (a metadata file at its top) that does not hold the lab folder. The upload is built in
 * a staging folder beside it and renamed into place, the old one moved aside first and put back
 * if the new one cannot go in, so that a cancel or a failure never leaves half an upload.
 */
import { lstat, readdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../disk';
import { KEPT_ASIDE } from '../collection';
import { UploadRefused } from './upload-plan';

/** Whether the folder `upload` looks like an upload: a metadata file (HuBMAP's `*metadata.tsv`, HTAN's manifest) at its top. */
async function isUpload(upload: string, metadataName: string): Promise<boolean> {
  const names = await readdir(upload).catch(() => [] as string[]);
  return names.includes(metadataName);
}

/**
 * Fails, naming why, unless the upload may be built at `upload` for the lab folder `root`;
 * resolves to whether an upload there is to be replaced.
 */
export async function checkUploadFolder(
  upload: string,
  root: string,
  metadataName: string,
  force: boolean,
): Promise<boolean> {
  const [realRoot, realParent] = await Promise.all([
    realpath(root),
    realpath(path.dirname(upload)).catch(() => path.dirname(upload)),
  ]);
  const realUpload = path.join(realParent, path.basename(upload));
  if (isInside(realRoot, realUpload) || realUpload === realRoot)
    throw new UploadRefused([`${upload} lies in the lab folder ${root}: an upload goes outside it`]);
  if (isInside(realUpload, realRoot))
    throw new UploadRefused([`${upload} holds the lab folder ${root}: it is not replaced`]);
  const stats = await lstat(upload).catch(() => null);
  if (stats === null) return false;
  if (!force) throw new UploadRefused([`${upload} already exists (--force replaces an upload built before)`]);
  if (!stats.isDirectory() || !(await isUpload(upload, metadataName)))
    throw new UploadRefused([
      `${upload} is not an upload built before (no ${metadataName} at its top): it is not replaced`,
    ]);
  return true;
}

/** Puts the built upload `staged` at `upload`; with `replace`, the old one goes to the staging folder and is removed once the new one is in. */
export async function installUpload(staged: string, upload: string, replace: boolean, staging: string): Promise<void> {
  if (!replace) {
    await rename(staged, upload);
    return;
  }
  const old = path.join(staging, KEPT_ASIDE);
  await rename(upload, old);
  try {
    await rename(staged, upload);
  } catch (error) {
    await rename(old, upload).catch(() => {
      // the caller must keep the staging folder: the old upload is in it
      throw Object.assign(
        new Error(
          `the upload could not be replaced (${(error as Error).message}), nor the old one put back: it is kept at ${old}`,
        ),
        { keptAt: old },
      );
    });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
