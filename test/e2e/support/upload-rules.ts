/**
 * The checks of a built upload that need AcqMeta's own code, bundled for the end-to-end tests
 * by upload-checks.ts (Playwright's loader cannot load the bundled JSON facts these modules
 * import): the dataset folder by HuBMAP's directory schema as the command line checks it, the
 * written tables by the template's rules, and a vendor file's planes as the converter reads them.
 */
import { createHash } from 'node:crypto';
import { listDatasetPaths } from '../../../electron/services/folder';
import { sourceImages } from '../../../electron/services/convert';
import { withFileSource } from '../../../electron/services/tiff';
import { checkUploadLayout, findTarget, type UploadVerdict } from '../../../shared/submission';

export { hubmapRules, ruledTable } from '../../unit/electron/cli/template-rules';

/** The dataset folder `folder` checked by `target`'s bundled directory schema, as `acqmeta submission` checks it. */
export async function uploadLayout(folder: string, target: string): Promise<UploadVerdict> {
  return checkUploadLayout(await listDatasetPaths(folder), findTarget(target)!);
}

/** The SHA-256 of each plane's samples of image `index` of the vendor file `file` (C fastest, then Z, then T), as AcqMeta reads them. */
export async function sourcePlanes(file: string, index: number): Promise<string[]> {
  return withFileSource(file, async (source) => {
    const image = (await sourceImages(source, file)).find((candidate) => candidate.index === index);
    if (image?.ok !== true) throw new Error(`${file}: image ${index} cannot be read`);
    const { sizeC, sizeZ, sizeT } = image.pixels;
    const digests: string[] = [];
    for (let plane = 0; plane < sizeC * sizeZ * sizeT; plane++) {
      const values = await image.readPlane(plane);
      digests.push(
        createHash('sha256')
          .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
          .digest('hex'),
      );
    }
    return digests;
  });
}
