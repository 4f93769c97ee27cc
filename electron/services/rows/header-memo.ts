/**
 * The TIFF headers read for the open folder, with the stamp each file had when it was read:
 * the row a save sends back reuses the header of an unchanged image (one `stat`) instead of
 * reading the TIFF again in the worker pool, which costs a bulk save of thousands of files
 * about a fifth of its time.
 */
import { stat } from 'node:fs/promises';
import { toApiError } from '../../../shared/errors';
import type { TiffSummary } from '../../../shared/tiff';
import { sameStamp, stampOf, type FileStamp } from '../disk';
import { sharedSummary, type ScanCache } from '../scan-cache';
import type { TiffScanner } from '../tiff';
import type { ImageScan } from './image-row';

/** A header as read, and the file's stamp then. */
interface KnownHeader {
  stamp: FileStamp;
  summary: TiffSummary;
}

/** Headers kept at most (a folder this large starts afresh: what is not kept is read again). */
const MAX_HEADERS = 250_000;

/** The headers of one open folder, by the image's path relative to it. */
export class HeaderMemo {
  private readonly byPath = new Map<string, KnownHeader>();

  /** Keeps (or, with null, forgets) the header read of an image: its summary as the pool shares it (see summary-pool). */
  remember(relPath: string, known: KnownHeader | null): void {
    if (known === null) {
      this.byPath.delete(relPath);
      return;
    }
    if (this.byPath.size >= MAX_HEADERS && !this.byPath.has(relPath)) this.byPath.clear();
    const summary = sharedSummary(known.summary);
    // a summary the scan cache decoded is shared already: its record is kept as it is
    this.byPath.set(relPath, summary === known.summary ? known : { stamp: known.stamp, summary });
  }

  /** Forgets every header (another folder is opened). */
  clear(): void {
    this.byPath.clear();
  }

  /**
   * The image's header: the one kept while the file's stamp is unchanged, else read (and kept).
   * `stamp`: the file's stamp when the caller has just taken it (else it is taken here).
   */
  async scan(scanner: TiffScanner, relPath: string, absPath: string, stamp?: FileStamp): Promise<ImageScan> {
    const known = this.byPath.get(relPath);
    if (known !== undefined) {
      const now = stamp ?? (await stat(absPath).then(stampOf, () => null));
      if (sameStamp(now, known.stamp)) return { ok: true, info: known.summary };
    }
    try {
      const read = await scanner.summary(absPath);
      const summary = read.info as TiffSummary;
      this.remember(relPath, { stamp: read.stamp, summary });
      return { ok: true, info: summary };
    } catch (error) {
      this.remember(relPath, null);
      return { ok: false, message: toApiError(error).message };
    }
  }

  /** `cache` for a scan of the folder, keeping here every header the scan keeps there. */
  remembering(cache: ScanCache): ScanCache {
    return {
      take: (relPath) => cache.take(relPath),
      keep: (relPath, image) => {
        this.remember(relPath, image.image);
        cache.keep(relPath, image);
      },
      finish: (complete) => cache.finish(complete),
    };
  }
}
