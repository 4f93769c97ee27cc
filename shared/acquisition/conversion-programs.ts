/**
 * Programs that write image files from other files: converters (AcqMeta's own archival copies
 * among them), imaging libraries and image editors. A file's Software tag naming one of them says
 * what wrote the file, not what acquired the image.
 */

/** Names of converters, libraries and editors as they sign the files they write (case-insensitive). */
const CONVERSION_PROGRAMS: readonly RegExp[] = [
  /\bacqmeta\b/i,
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
  /\bphotoshop\b/i,
  /\bimagemagick\b/i,
  /\bgraphicsmagick\b/i,
  /\bgimp\b/i,
  /\blibvips\b/i,
  /\bopencv\b/i,
  /\bmatlab\b/i,
  /\bnapari\b/i,
];

/** Whether `software` (a Software tag, a CZI's Application) names a converter, library or editor, not acquisition software. */
export function isConversionProgram(software: string): boolean {
  return CONVERSION_PROGRAMS.some((pattern) => pattern.test(software));
}
