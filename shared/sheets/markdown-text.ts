/** Small pieces of Markdown shared by the dataset readme and the methods draft. Pure. */

/** The marker of every place a person has to fill in. */
export const TODO = '**TODO**';

/** Text with Markdown's special characters escaped, on one line. */
export function markdownText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** `1 image`, `2 images`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `8 of 14 images`: how many of a set of images something holds for. */
export function ofImages(n: number, total: number): string {
  return `${n} of ${plural(total, 'image')}`;
}

/** Text as a Markdown code span (a backtick inside becomes a quote). */
export const codeSpan = (text: string): string => `\`${text.replace(/`/g, "'")}\``;
