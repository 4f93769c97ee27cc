/**
 * An open TIFF: its format, the offsets of every IFD in the main chain and cached pages.
 */
import { BoundedReader, TiffReadError } from './bounded-reader';
import { readFormat, readIfdLink, type TiffFormat } from './ifd';
import { readPage, type TiffPage } from './page';
import type { ByteSource, ReadTiffOptions } from './types';

const DEFAULT_MAX_PAGES = 1_000_000;
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** The file-level view the series rules work on (tifffile's TiffFile, reduced to headers). */
export class TiffFile {
  /** IFD offsets of the main chain, in order. */
  readonly pageOffsets: number[] = [];
  private readonly pageCache = new Map<number, TiffPage>();

  private constructor(
    readonly reader: BoundedReader,
    readonly format: TiffFormat,
    readonly fileName: string,
  ) {}

  /** Reads the header and walks the whole IFD chain, failing on loops and offsets past the end. */
  static open(source: ByteSource, options: ReadTiffOptions = {}): TiffFile {
    const reader = new BoundedReader(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const file = new TiffFile(reader, readFormat(reader), options.fileName ?? '');
    file.walk(options.maxPages ?? DEFAULT_MAX_PAGES);
    return file;
  }

  private walk(maxPages: number): void {
    const visited = new Set<number>();
    let offset = this.format.firstIfd;
    if (offset === 0) throw new TiffReadError('the file holds no image (first IFD offset is 0)');
    while (offset !== 0) {
      if (visited.has(offset)) throw new TiffReadError(`IFD loop at offset ${offset}`);
      if (visited.size >= maxPages) throw new TiffReadError(`more than ${maxPages} pages`);
      visited.add(offset);
      this.pageOffsets.push(offset);
      offset = readIfdLink(this.reader, this.format, offset).nextOffset;
    }
  }

  /** Number of pages in the main chain. */
  get pageCount(): number {
    return this.pageOffsets.length;
  }

  /** Page `index` of the main chain (negative counts from the end). */
  page(index: number): TiffPage {
    const at = index < 0 ? this.pageOffsets.length + index : index;
    const offset = this.pageOffsets[at];
    if (offset === undefined) throw new RangeError(`page ${index} out of range`);
    return this.pageAt(offset);
  }

  /** The page whose IFD starts at `offset` (main chain or SubIFD), cached. */
  pageAt(offset: number): TiffPage {
    let page = this.pageCache.get(offset);
    if (page === undefined) {
      page = readPage(this.reader, this.format, offset);
      this.pageCache.set(offset, page);
    }
    return page;
  }

  /** Reads a page without caching it (for walks over every page). */
  readUncached(offset: number): TiffPage {
    return this.pageCache.get(offset) ?? readPage(this.reader, this.format, offset);
  }
}
