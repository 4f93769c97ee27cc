/**
 * Per-image methods: getImageDetail, reloadRow, getPreview.
 */
import { readAnalyses, readRois } from '../../../shared/analysis';
import type { ApiHandlers, ImageDetail } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { isNgffInfo, isTiffInfo, isVendorInfo, IMAGE_FORMAT_NAMES, previewsPixels } from '../../../shared/image-format';
import { buildImageRow, composeRow, readImage } from '../rows';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';
import { resolveImage } from '../folder';
import { instrumentMatchOf } from '../profile';

/** Handlers of the per-image methods. */
export function imageHandlers(
  context: BackendContext,
): Pick<ApiHandlers, 'getImageDetail' | 'reloadRow' | 'getPreview'> {
  return {
    async getImageDetail(request): Promise<ImageDetail> {
      const folder = requireFolder(context);
      const entry = await resolveImage(folder, request.path);
      const { scan, read, profile, channels, instruments, damaged } = await readImage(
        folder.root,
        entry,
        context.scanner,
        profileFinder(context, folder),
      );
      const scanned = scan?.ok === true ? scan.info : null;
      const match = instrumentMatchOf(instruments, scanned?.acquisition);
      const row = composeRow(entry, scan, read, profile, channels, match);
      const vendor = scanned !== null && isVendorInfo(scanned) ? scanned.vendor : null;
      const info = scanned !== null && isTiffInfo(scanned) ? scanned : null;
      return {
        row,
        pageCount: info?.pageCount ?? null,
        compression: info?.compression ?? '',
        tiled: info?.tiled ?? false,
        byteOrder: info?.byteOrder ?? null,
        bigTiff: info?.bigTiff ?? false,
        tags: info?.tags ?? [],
        description: info?.description ?? { kind: 'none', text: '' },
        planes: scanned?.planes ?? { c: 0, z: 0, t: 0 },
        vendor,
        ngff: scanned !== null && isNgffInfo(scanned) ? scanned.ngff : null,
        rois: read.sidecar === null ? [] : readRois(read.sidecar),
        analyses: read.sidecar === null ? [] : readAnalyses(read.sidecar),
        damaged,
        sidecarByteOrderMark: read.sidecar?.byteOrderMark ?? false,
        instrumentMatch: match,
      };
    },
    async reloadRow(request) {
      const folder = requireFolder(context);
      return buildImageRow(
        folder.root,
        await resolveImage(folder, request.path),
        context.scanner,
        profileFinder(context, folder),
      );
    },
    async getPreview(request) {
      const folder = requireFolder(context);
      const entry = await resolveImage(folder, request.path);
      if (!previewsPixels(entry.format)) {
        const what = `${entry.relPath} is an ${IMAGE_FORMAT_NAMES[entry.format]}`;
        throw new ApiFailure(
          'UNREADABLE_IMAGE',
          `${what}: AcqMeta does not read its pixels for a preview.`,
          entry.relPath,
        );
      }
      const { c, z, t, maxSize } = request;
      return context.scanner.preview(entry.absPath, { c, z, t, maxSize });
    },
  };
}
