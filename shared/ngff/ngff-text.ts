/**
 * An OME-Zarr store's facts in words, the same in the header view and `acqmeta show`.
 */
import type { NgffAxis, NgffChannel, NgffImage, NgffLevel } from './types';

/** Numbers as people read them: at most 6 significant digits, no trailing zeros. */
function shortNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** `NGFF 0.5 on Zarr v3`, with where the image lies when not at the store's root. */
export function ngffVersionText(image: NgffImage): string {
  const at = image.imagePath === '' ? '' : ` (image at ${image.imagePath}/)`;
  return `NGFF ${image.version} on Zarr v${image.zarrFormat}${at}`;
}

/** `z (space, micrometer)`; the parts the metadata leaves out are left out. */
export function ngffAxisText(axis: NgffAxis): string {
  const about = [axis.type, axis.unit].filter((part) => part !== null);
  return about.length === 0 ? axis.name : `${axis.name} (${about.join(', ')})`;
}

/** One level as a table row: path, shape, chunks, dtype, codecs and scale, each in the axes' order, joined by `times`. */
export function ngffLevelCells(
  level: NgffLevel,
  times = ' × ',
): {
  path: string;
  shape: string;
  chunks: string;
  dtype: string;
  codecs: string;
  scale: string;
} {
  return {
    path: level.path,
    shape: level.shape.join(times),
    chunks: level.chunks.join(times),
    dtype: level.dtype,
    codecs: level.codecs.length === 0 ? '-' : level.codecs.join(', '),
    scale: level.scale.map(shortNumber).join(times),
  };
}

/** `DAPI (#0000FF)`; an unlabelled channel is named by its place. */
export function ngffChannelText(channel: NgffChannel, index: number): string {
  const name = channel.label ?? `channel ${index}`;
  return channel.color === null ? name : `${name} (#${channel.color})`;
}
