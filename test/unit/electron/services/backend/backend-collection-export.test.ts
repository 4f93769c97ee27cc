/**
 * startCollectionExport's outcome as the app receives it: the images written, each image left
 * out named with why, and what a copy leaves out (a sidecar's reference-image block) said.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../../../shared/api';
import { labBackendPerTest } from './backend-harness';

const bench = labBackendPerTest();

describe('startCollectionExport', () => {
  it('writes the images it can, and names those left out and what a copy leaves out', async () => {
    const { h, copy } = bench;
    const sidecar = path.join(copy.lab, 'cells', 'multi-channel.ome.tif.json');
    const own = await readFile(sidecar, 'utf8');
    const block = '  "reference_image_metadata": {\n    "path": "ref/x.tif",\n    "zoom": 2.0\n  },\n';
    await writeFile(sidecar, own.replace('  "rois": [', `${block}  "rois": [`));
    await writeFile(path.join(copy.lab, 'broken.tif'), 'not a TIFF at all');
    const paths = ['cells/multi-channel.ome.tif', 'broken.tif', 'plain.tiff'];
    const { jobId } = await h.ok('startCollectionExport', { paths, destination: 'lab.ome.zarr', force: false });
    const done = (await h.waitFor((e) => e.type === 'collection-export-done' && e.jobId === jobId)) as Extract<
      ApiEvent,
      { type: 'collection-export-done' }
    >;
    expect(done.outcome).toMatchObject({
      kind: 'written',
      images: 2,
      refusals: [{ path: 'broken.tif', image: null }],
      notes: [
        {
          path: 'cells/multi-channel.ome.tif',
          image: null,
          note: "its sidecar's reference_image_metadata is left out of the copy: the collection holds no reference image",
        },
      ],
    });
    const manifest = JSON.parse(
      await readFile(path.join(copy.lab, 'lab.ome.zarr', 'acqstore', 'acq_image_collection.json'), 'utf8'),
    );
    expect(manifest.acq_images.map((e: { source: { relative_path: string } }) => e.source.relative_path)).toEqual([
      'cells/multi-channel.ome.tif',
      'plain.tiff',
    ]);
  });
});
