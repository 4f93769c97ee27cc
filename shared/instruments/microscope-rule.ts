/**
 * A lab's rule "the images under this profile were taken on this microscope": a lab profile's
 * `"x-microscope"` naming a description of the catalogue in force, by its `Name` or its file
 * name. In force, it matches the microscope even when the file names no model; a file whose own
 * model says otherwise is a warning, never overridden in silence. A name the catalogue does not
 * hold is a problem of the profile, with the name probably meant.
 */
import { suggestValue } from '../profile/suggest';
import type { InstrumentDescription, InstrumentProblem } from './instrument-types';

/** The rule as a profile states it: the microscope named and the profile file (as messages name it). */
export interface MicroscopeRule {
  microscope: string;
  profile: string;
}

/** The file's name without its folder and `.json`: `acqmeta.instruments/sp8.json` → `sp8`. */
const baseName = (file: string): string => (file.split('/').pop() ?? file).replace(/\.json$/i, '');

/** The description the rule names (its `Name`, else its file name, case and spaces aside); null when none. */
export function ruledMicroscope(
  rule: MicroscopeRule,
  catalogue: readonly InstrumentDescription[],
): InstrumentDescription | null {
  const wanted = rule.microscope.trim().toLowerCase();
  const byName = catalogue.filter((d) => d.name.trim().toLowerCase() === wanted);
  if (byName.length === 1) return byName[0] as InstrumentDescription;
  const byFile = catalogue.filter((d) => baseName(d.file).toLowerCase() === wanted.replace(/\.json$/, ''));
  return byFile.length === 1 ? (byFile[0] as InstrumentDescription) : null;
}

/** The problem of a rule that names no microscope of `catalogue` (at the profile's `/x-microscope`); null when it names one. */
export function ruleProblem(
  rule: MicroscopeRule,
  catalogue: readonly InstrumentDescription[],
): InstrumentProblem | null {
  if (ruledMicroscope(rule, catalogue) !== null) return null;
  const names = catalogue.flatMap((d) => [d.name, baseName(d.file)]).filter((n) => n !== '');
  const meant = suggestValue(rule.microscope, names);
  const hint = meant === undefined ? '' : ` (did you mean "${meant}"?)`;
  const known = catalogue.length === 0 ? 'the catalogue describes none' : `known: ${[...new Set(names)].join(', ')}`;
  return {
    file: rule.profile,
    at: '/x-microscope',
    message: `"x-microscope" ${JSON.stringify(rule.microscope)} names no microscope of the catalogue${hint}; ${known}; the rule is not applied`,
    severity: 'error',
  };
}
