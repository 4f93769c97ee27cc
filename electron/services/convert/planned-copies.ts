/**
 * The OME-TIFF copies a conversion would write, named before anything is converted: each source
 * described by the convert worker (its images, one per scene or series) and the whole run
 * planned as {@link convertImages} plans it, so a review lists exactly the files a build makes.
 */
import type { ArchivalExtension } from '../../../shared/api';
import type { ConvertSource } from './convert-images';
import { ConvertWorker } from './convert-worker-client';
import { planOutputs, type PlannedOutput } from './output-plan';

/** Per source of `sources`, in order, the output path of each of its images in `outputFolder`, or why it is not written. */
export async function plannedCopies(
  sources: readonly ConvertSource[],
  outputFolder: string,
  extension: ArchivalExtension,
): Promise<PlannedOutput[][]> {
  const worker = new ConvertWorker();
  try {
    const described = await Promise.all(
      sources.map((source) =>
        worker.describe(source.absPath).catch((error: unknown) => ({
          images: [{ index: 0, name: source.relPath, ok: false as const, reason: (error as Error).message }],
        })),
      ),
    );
    return planOutputs(
      outputFolder,
      extension,
      sources.map((source, k) => ({ ...source, folder: source.folder ?? '', images: described[k]?.images ?? [] })),
    );
  } finally {
    await worker.close();
  }
}
