/**
 * The lab's microscope catalogue as `acqmeta show` prints it for one image: each part matched,
 * with its evidence, the candidates when several fit or none does, and the catalogue's problems.
 */
import type { InstrumentMatch, InstrumentProblem, PartMatch } from '../../shared/instruments';

/** Problem lines printed before the rest are counted. */
const SHOWN_PROBLEMS = 5;

/** `63X PLAN APOCHROMAT (by model name)`, or `none: not in the catalogue: …; look-alikes: a, b`. */
function partText(match: PartMatch): string {
  if (match.Name !== null) return `${match.Name} (${match.evidence})`;
  const kind = match.evidence.startsWith('not') ? 'look-alikes' : 'candidates';
  const names = match.candidates.length === 0 ? '' : `; ${kind}: ${match.candidates.map((c) => c.Name).join(', ')}`;
  return `none: ${match.evidence}${names}`;
}

/** The catalogue's problems in lines: placeholders counted per file, the others one by one. */
function problemLines(problems: readonly InstrumentProblem[]): string[] {
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
    const rows: [string, string][] = [
      ['Microscope', match.instrument === null ? 'the file names no model' : partText(match.instrument)],
      ['Objective', match.objective === null ? 'the file records none' : partText(match.objective)],
      ...match.light_sources.map((m): [string, string] => [`Light source, channel ${m.channel + 1}`, partText(m)]),
      ...match.filters.map((m): [string, string] => [`Emission filter, channel ${m.channel + 1}`, partText(m)]),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    lines.push(...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`));
  }
  const all = problemLines(problems);
  if (all.length > 0)
    lines.push('  Problems in the catalogue:', ...all.slice(0, SHOWN_PROBLEMS).map((l) => `    ${l}`));
  if (all.length > SHOWN_PROBLEMS) lines.push(`    … and ${all.length - SHOWN_PROBLEMS} more (show --json lists each)`);
  return lines;
}
