/**
 * What Zstandard data says of its decoded size, read from its frames' headers and block
 * headers (RFC 8878) without decoding it: numcodecs' decoder allocates what the frames claim
 * and goes on past the first frame, so every frame is counted before it decodes.
 */

/** The magic number that opens every Zstandard frame. */
const FRAME_MAGIC = 0xfd2fb528;
/** A compressed block's type: 0 raw, 1 RLE (one byte repeated), 2 compressed, 3 reserved. */
const RLE_BLOCK = 1;
const RESERVED_BLOCK = 3;

/**
 * The decoded size all of `bytes` declares: the sum of its frames' content sizes. Null when it is
 * not whole Zstandard frames back to back, or when a frame does not declare its size (skippable
 * frames and trailing bytes included).
 */
export function zstdDeclaredSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let total = 0;
  while (at < bytes.length) {
    const frame = frameAt(view, at);
    if (frame === null) return null;
    total += frame.size;
    at = frame.end;
  }
  return at === 0 ? null : total;
}

/** The frame starting at `at`: its declared content size and where it ends; null when it is not one that declares its size. */
function frameAt(view: DataView, at: number): { size: number; end: number } | null {
  if (at + 5 > view.byteLength || view.getUint32(at, true) !== FRAME_MAGIC) return null;
  const descriptor = view.getUint8(at + 4);
  const singleSegment = (descriptor >> 5) & 1;
  const hasChecksum = (descriptor >> 2) & 1;
  if ((descriptor >> 3) & 1) return null; // a reserved bit set
  let p = at + 5 + (singleSegment === 1 ? 0 : 1) + ([0, 1, 2, 4][descriptor & 3] as number);
  const width = [singleSegment, 2, 4, 8][descriptor >> 6] as number;
  if (width === 0 || p + width > view.byteLength) return null;
  const size =
    width === 1
      ? view.getUint8(p)
      : width === 2
        ? view.getUint16(p, true) + 256
        : width === 4
          ? view.getUint32(p, true)
          : Number(view.getBigUint64(p, true));
  p += width;
  for (let last = false; !last;) {
    if (p + 3 > view.byteLength) return null;
    const header = view.getUint8(p) | (view.getUint8(p + 1) << 8) | (view.getUint8(p + 2) << 16);
    const type = (header >> 1) & 3;
    if (type === RESERVED_BLOCK) return null;
    last = (header & 1) === 1;
    p += 3 + (type === RLE_BLOCK ? 1 : header >>> 3);
  }
  p += hasChecksum === 1 ? 4 : 0;
  return p > view.byteLength ? null : { size, end: p };
}
