/**
 * Programs that write image files from other files: converters and imaging libraries. A file's
 * Software tag naming one of them says what wrote the file, not what acquired the image.
 */

/** Names of converters and libraries as they sign the files they write (case-insensitive). */
const CONVERSION_PROGRAMS: readonly RegExp[] = [
  /\btifffile\b/i,
  /\bbio-?formats\b/i,
  /\bloci\b/i,
  /\bbfconvert\b/i,
  /\baicsimageio\b/i,
  /\bbioio\b/i,
  /\bpylibczirw\b/i,
  /\bimagej\b/i,
  /\bfiji\b/i,
  /\bscikit-image\b/i,
  /\bpillow\b/i,
  /\bimageio\b/i,
];

/** Whether `software` (a Software tag, a CZI's Application) names a converter or library, not acquisition software. */
export function isConversionProgram(software: string): boolean {
  return CONVERSION_PROGRAMS.some((pattern) => pattern.test(software));
}
