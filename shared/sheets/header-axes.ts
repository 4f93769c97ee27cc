/** An image header's axes and their sizes, read from its text (`('Z', 'Y', 'X')` and `(10, 256, 256)`). Pure. */
import type { HeaderValues } from '../image-header';

/** The header's axis letters (`ZYX`) and sizes (`['10', '256', '256']`), in its order. */
export function headerAxes(header: HeaderValues): { axes: string; sizes: string[] } {
  return { axes: header.dims.replace(/[^A-Za-z]/g, ''), sizes: header.shape.match(/\d+/g) ?? [] };
}

/** Whether the header has axis `letter` (`Z`, `T`) with more than one plane or time point. */
export function hasManyAlong(header: HeaderValues, letter: string): boolean {
  const { axes, sizes } = headerAxes(header);
  const at = axes.indexOf(letter);
  return at >= 0 && Number(sizes[at] ?? 0) > 1;
}
