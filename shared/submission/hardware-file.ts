/**
 * HuBMAP's `extras/microscope_hardware.json` (required by the confocal and light-sheet
 * directory schemas): the Micro-Meta App description of the one microscope all the dataset's
 * images matched in the lab's catalogue, its bytes as they are, written in the dataset folder;
 * otherwise a to-do naming the microscopes matched, or saying that none was.
 */
import { findTarget } from './directory-schemas';
import type { SubmissionImage } from './image-facts';
import type { TodoItem } from './submission-cells';

/** Where HuBMAP's directory schemas want the microscope's description, relative to the dataset folder. */
export const HARDWARE_FILE = 'extras/microscope_hardware.json';

/** The text of a description file as read, or why it could not be. */
export type DescriptionText = { file: string; text: string } | { file: string; problem: string };

/** The description file every image matched one microscope of; null when they matched none, several, or some none. */
export function soleDescription(images: readonly SubmissionImage[]): string | null {
  const files = new Set(images.map((image) => image.hardware?.microscope?.file ?? null));
  const [only] = files;
  return files.size === 1 && only != null ? only : null;
}

const plural = (n: number) => `${n} image${n === 1 ? '' : 's'}`;

/** Why no description is written for `images`. */
function notWritten(images: readonly SubmissionImage[], read: DescriptionText | null): string {
  if (read !== null && 'problem' in read) return `not written: ${read.file} ${read.problem}`;
  if (images.every((image) => image.hardware === undefined))
    return "not written: no lab catalogue of microscopes (an acqmeta.instruments/ folder of Micro-Meta App descriptions) is in force for the images; put the microscope's description there, or write the file in the dataset folder yourself";
  const counts = new Map<string, number>();
  let none = 0;
  for (const image of images) {
    const microscope = image.hardware?.microscope;
    if (microscope == null) none++;
    else {
      const key = `${microscope.name} (${microscope.file})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const matched = [...counts].map(([name, n]) => `${name}: ${plural(n)}`);
  const unmatched = none === 0 ? [] : [`no microscope of the catalogue: ${plural(none)}`];
  return `not written: the images did not all match one microscope of the lab's catalogue (${[...matched, ...unmatched].join('; ')}); a dataset's file describes the one microscope it was taken on: write it in the dataset folder yourself`;
}

/**
 * The description to write for the assay `assay` (its text, when every image matched one
 * microscope and `read` is its file read), or the to-do saying why not; nothing when the assay's
 * directory schema does not ask for the file, when the dataset holds it already (`present`: the
 * lab's own is never replaced), or for one microscope matched without `read` (a preview of the
 * metadata that reads no files: the export writes it).
 */
export function hardwareFile(
  assay: string,
  images: readonly SubmissionImage[],
  read: DescriptionText | null,
  present = false,
): { text: string } | { todo: TodoItem } | null {
  const entry = findTarget(`hubmap:${assay}`)?.files.find((file) => file.pattern.includes('microscope_hardware'));
  if (entry === undefined || present) return null;
  const sole = soleDescription(images);
  if (sole !== null && read === null) return null;
  if (read !== null && 'text' in read && read.file === sole) return { text: read.text };
  return {
    todo: { row: HARDWARE_FILE, column: 'the file', required: entry.required, reason: notWritten(images, read) },
  };
}
