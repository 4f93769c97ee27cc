/**
 * What to doubt in a microscope description: placeholders ("999" where a catalogue number
 * belongs), values out of their physical range (NA over 1.7, a wavelength not in nm), an
 * objective whose name and values disagree, components sharing an ID, and references that lead
 * nowhere or round in a circle.
 */
import { objectiveFromName } from '../acquisition/objective-name';
import type { InstrumentComponent, InstrumentDescription, InstrumentProblem } from './instrument-types';

/** The deepest nesting read when looking for placeholders. */
const MAX_DEPTH = 32;
/** Wavelengths of light microscopy, in nm: a value outside was most likely given in another unit. */
const LIGHT_NM = { min: 200, max: 2500 };
/** The highest numerical aperture an objective has (oil and special immersion media top out near 1.7). */
const MAX_NA = 1.7;

/** A value the Micro-Meta App's users type where they do not know one: three or more nines. */
export function isPlaceholder(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && /^9{3,}$/.test(String(value).trim());
}

/** Warnings for each placeholder in the JSON `value` (at `at`), nesting bounded. */
function placeholders(value: unknown, at: string, depth: number, out: InstrumentProblem[], file: string): void {
  if (depth > MAX_DEPTH) {
    out.push({ file, at, message: `nested deeper than ${MAX_DEPTH} levels; not looked into`, severity: 'warning' });
    return;
  }
  if (isPlaceholder(value)) {
    const text = String(value);
    const message = `"${text}" looks like a placeholder: give the real value or leave it empty`;
    out.push({ file, at, message, severity: 'warning', placeholder: text });
  } else if (Array.isArray(value)) value.forEach((item, i) => placeholders(item, `${at}[${i}]`, depth + 1, out, file));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value))
      placeholders(item, at === '' ? key : `${at}.${key}`, depth + 1, out, file);
}

/** The NA an objective's name states (`63x/1.40`, `NA=1.40`, `NA:0.75`), if it states one. */
function namedNa(name: string): number | undefined {
  const spelled = /\bNA\s*[=:]?\s*(\d(?:\.\d+)?)/i.exec(name);
  return spelled !== null ? Number(spelled[1]) : objectiveFromName(name).na;
}

function objectiveProblems(objective: InstrumentComponent, at: string, file: string): InstrumentProblem[] {
  const out: InstrumentProblem[] = [];
  const warn = (key: string, message: string) => out.push({ file, at: `${at}.${key}`, message, severity: 'warning' });
  if (objective.na !== undefined && (objective.na <= 0 || objective.na > MAX_NA))
    warn('LensNA', `${objective.na} is not a numerical aperture (above 0, at most ${MAX_NA})`);
  if (objective.magnification !== undefined && objective.magnification <= 0)
    warn('Magnification', `${objective.magnification}: a magnification is above 0`);
  const named = new Map([[objective.name, 'name']]);
  if (objective.model !== undefined && !named.has(objective.model)) named.set(objective.model, 'model');
  for (const [text, key] of named) {
    const stated = namedNa(text);
    if (stated !== undefined && objective.na !== undefined && Math.abs(stated - objective.na) > 0.005)
      warn('LensNA', `is ${objective.na}, but the ${key} "${text}" says NA ${stated}`);
  }
  return out;
}

function wavelengthProblems(component: InstrumentComponent, at: string, file: string): InstrumentProblem[] {
  const values = [...(component.wavelengths_nm ?? []), ...(component.bands ?? []).map((band) => band.centre_nm)];
  return values
    .filter((nm) => nm < LIGHT_NM.min || nm > LIGHT_NM.max)
    .map((nm) => ({
      file,
      at,
      message: `wavelength ${nm} is outside ${LIGHT_NM.min}–${LIGHT_NM.max} nm: wavelengths are given in nm`,
      severity: 'warning' as const,
    }));
}

/** Problems with the references between components: unknown IDs, and circles (`a → b → a`). */
function referenceProblems(
  components: readonly InstrumentComponent[],
  places: readonly string[],
  file: string,
): InstrumentProblem[] {
  const out: InstrumentProblem[] = [];
  const byId = new Map<string, number>();
  components.forEach(({ id }, i) => {
    if (id === '') return;
    const first = byId.get(id);
    if (first === undefined) byId.set(id, i);
    else
      out.push({ file, at: `${places[i]}.ID`, message: `${id} is also the ID of ${places[first]}`, severity: 'error' });
  });
  components.forEach((component, i) => {
    for (const part of component.parts ?? [])
      if (!byId.has(part))
        out.push({
          file,
          at: places[i] as string,
          message: `refers to ${part}, which no component has`,
          severity: 'warning',
        });
  });
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number, trail: number[]): void => {
    state.set(i, 'visiting');
    for (const part of components[i]?.parts ?? []) {
      const next = byId.get(part);
      if (next === undefined || state.get(next) === 'done') continue;
      if (state.get(next) === 'visiting') {
        const circle = [...trail.slice(trail.indexOf(next)), next].map((k) => components[k]?.name || places[k]);
        out.push({
          file,
          at: places[i] as string,
          message: `references go round in a circle: ${circle.join(' → ')}`,
          severity: 'error',
        });
        continue;
      }
      visit(next, [...trail, next]);
    }
    state.set(i, 'done');
  };
  components.forEach((_, i) => {
    if (!state.has(i)) visit(i, [i]);
  });
  return out;
}

/**
 * The problems of a description read from `file`: its components (`places`: each one's JSON
 * path) and the file's JSON `root`, looked through for placeholders.
 */
export function checkDescription(
  description: InstrumentDescription,
  places: readonly string[],
  root: unknown,
): InstrumentProblem[] {
  const { file, components } = description;
  const out: InstrumentProblem[] = [];
  placeholders(root, '', 0, out, file);
  components.forEach((component, i) => {
    const at = places[i] as string;
    if (component.kind === 'objective') out.push(...objectiveProblems(component, at, file));
    out.push(...wavelengthProblems(component, at, file));
  });
  out.push(...referenceProblems(components, places, file));
  return out;
}
