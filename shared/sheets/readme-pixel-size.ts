/**
 * Pixel sizes in the dataset readme: units as a microscopist writes them, and the sidecars'
 * Pixel size X and Y as one range per unit, never a range across units; the sizes without a
 * physical unit (CloudScope's `Pixels`) counted apart. Pure.
 */
import { recordedNumber } from '../acquisition/acquisition-text';
import type { ImageRow } from '../api-types';
import { markdownText, ofImages } from './markdown-text';

/** `um` and its spellings as `µm`; other units as written. */
export function unitText(label: string): string {
  return /^(um|µm|μm|microns?|micromet(er|re)s?)$/i.test(label.trim()) ? 'µm' : label.trim();
}

/** Whether a pixel size unit gives no physical unit: none, or CloudScope's `Pixels`. */
export const isUncalibrated = (label: unknown): boolean =>
  typeof label !== 'string' || label.trim() === '' || label.trim().toLowerCase() === 'pixels';

/** `0.31`, or `0.0439 to 0.31`: the lowest and highest of `numbers` as recorded. */
export function numberSpan(numbers: readonly number[]): string {
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  return low === high ? recordedNumber(low) : `${recordedNumber(low)} to ${recordedNumber(high)}`;
}

/**
 * The readme's line for the sidecars' Pixel size X (`axis` `x`) or Y over `rows`:
 * `0.0439 to 0.31 µm (5 of 14 images); not calibrated (Pixels): 9 of 14 images`; null when no row has one.
 */
export function pixelSizeFieldLine(rows: readonly ImageRow[], axis: 'x' | 'y', name: string): string | null {
  const byUnit = new Map<string, number[]>();
  let uncalibrated = 0;
  for (const row of rows) {
    const size = row.values[`physical_unit_${axis}`];
    const label = row.values[`physical_label_${axis}`];
    if (typeof size !== 'number') continue;
    if (isUncalibrated(label)) uncalibrated++;
    else byUnit.set(unitText(label as string), [...(byUnit.get(unitText(label as string)) ?? []), size]);
  }
  const parts = [...byUnit].map(
    ([unit, sizes]) => `${numberSpan(sizes)} ${markdownText(unit)} (${ofImages(sizes.length, rows.length)})`,
  );
  if (uncalibrated > 0) parts.push(`not calibrated (Pixels): ${ofImages(uncalibrated, rows.length)}`);
  return parts.length === 0 ? null : `- **${markdownText(name)}**: ${parts.join('; ')}.`;
}
