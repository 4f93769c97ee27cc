/**
 * One name, two spellings: macOS writes `é` decomposed (e + combining accent), most other
 * systems and spreadsheet programs composed, and a file system compares the bytes. AcqMeta
 * takes two names (of files, in tables, in `--from-name` patterns) as the same when they are
 * the same under Unicode NFC.
 */

/** A name in Unicode NFC, the form two spellings of one name are compared in. */
export function sameNameKey(name: string): string {
  return name.normalize('NFC');
}
