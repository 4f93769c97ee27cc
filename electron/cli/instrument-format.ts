/**
 * The lab's microscope catalogue as `acqmeta show` prints it for one image: each part matched,
 * with its evidence, the candidates when several fit or none does, what to check in the image
 * (a pixel size that does not fit the camera), and the catalogue's problems.
 */
import { matchLines, matchLineText, type InstrumentMatch, type InstrumentProblem } from '../../shared/instruments';

/** Problem lines printed before the rest are counted. */
const SHOWN_PROBLEMS = 5;

/** The catalogue's problems in lines: placeholders counted per file, the others one by one (`show` and `instruments`). */
export function problemLines(problems: readonly InstrumentProblem[]): string[] {
  const placeholders = new Map<string, number>();
  const others: string[] = [];
  for (const p of problems)
    if (p.placeholder !== undefined) placeholders.set(p.file, (placeholders.get(p.file) ?? 0) + 1);
    else others.push(`${p.file}${p.at === '' ? '' : ` ${p.at}`}: ${p.message}`);
  const counted = [...placeholders].map(([file, n]) => `${file}: ${n} values look like placeholders ("999")`);
  return [...counted, ...others];
}

/** The lines of the catalogue section: the folder, each part, then the problems. */
export function instrumentLines(
  folder: string,
  match: InstrumentMatch | null,
  problems: readonly InstrumentProblem[],
): string[] {
  const lines = ['', `Instrument catalogue: ${folder}/ (${match?.catalogue.length ?? 0} described)`];
  if (match === null) lines.push('  (no acquisition metadata read to match)');
  else {
    const rows = matchLines(match);
    const width = Math.max(...rows.map((row) => row.label.length));
    lines.push(...rows.map((row) => `  ${row.label.padEnd(width)}  ${matchLineText(row)}`));
    lines.push(...match.warnings.map((warning) => `  Check: ${warning}`));
  }
  const all = problemLines(problems);
  if (all.length > 0)
    lines.push('  Problems in the catalogue:', ...all.slice(0, SHOWN_PROBLEMS).map((l) => `    ${l}`));
  if (all.length > SHOWN_PROBLEMS) lines.push(`    … and ${all.length - SHOWN_PROBLEMS} more (show --json lists each)`);
  return lines;
}
