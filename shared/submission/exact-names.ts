/**
 * Names a submission file must hold exactly: HTAN's `Filename` is `<dataset folder>/<path>`, the
 * file's place in the upload. A text cell is escaped against spreadsheet formulas with a `'` in
 * front, which would change a name, so a name that would begin such a cell is refused instead.
 */
import { startsLikeFormula } from '../sheets/formula-escape';
import type { SubmissionFormat } from './submission-export';

/**
 * Why the files of `format` cannot name the dataset folder `folderName` exactly (its name would
 * begin HTAN's Filename cells with a formula's first character); null when they can.
 */
export function formulaFolderName(format: SubmissionFormat, folderName: string): string | null {
  if (format !== 'htan:imaging-level-2' || !startsLikeFormula(folderName)) return null;
  return `${JSON.stringify(folderName)}: HTAN's Filename begins with the dataset folder's name, which begins with ${JSON.stringify(folderName.charAt(0))}: spreadsheet programs would run the cell as a formula, and a name cannot be escaped; rename the folder so that its name begins with none of = + - @, a tab or a line break`;
}
