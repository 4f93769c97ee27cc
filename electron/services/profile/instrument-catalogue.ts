/**
 * A lab's catalogue of microscopes: the Micro-Meta App files (`*.json`) in an
 * `acqmeta.instruments/` folder. The folder comes from a shared disk: at most
 * {@link MAX_CATALOGUE_FILES} files are read, each a regular file within the size a description
 * may have, none through a link that leaves the folder it may use; each file left out is a
 * problem naming it.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ruleProblem,
  type InstrumentDescription,
  type InstrumentProblem,
  type MicroscopeRule,
} from '../../../shared/instruments';
import { readInstrumentFile, type InstrumentFileRead } from './instrument-file';

/** The most description files one catalogue folder may hold. */
export const MAX_CATALOGUE_FILES = 100;

/** The descriptions in force for a folder, and what was wrong with its files. */
export interface InstrumentCatalogue {
  /** The catalogue folder, as messages name it. */
  folder: string;
  descriptions: InstrumentDescription[];
  /** Each description file read (or found unreadable), with its text and version, sorted by name. */
  files: InstrumentFileRead[];
  /** Every problem: the folder's, and each file's. */
  problems: InstrumentProblem[];
  /** The lab profile's rule for the image's folder (`x-microscope`), when it names one of `descriptions`. */
  rule?: MicroscopeRule;
}

/** Per catalogue, the catalogue under each profile's rule: one object per pair, so matches are kept per pair. */
const ruled = new WeakMap<InstrumentCatalogue, Map<string, InstrumentCatalogue>>();

/**
 * `catalogue` under the lab's `rule` (from the profile in force): with the rule when it names one
 * of its microscopes, else with the problem that it names none (the rule is then not applied).
 */
export function catalogueUnderRule(catalogue: InstrumentCatalogue, rule: MicroscopeRule | null): InstrumentCatalogue {
  if (rule === null) return catalogue;
  let known = ruled.get(catalogue);
  if (known === undefined) ruled.set(catalogue, (known = new Map()));
  const key = JSON.stringify([rule.profile, rule.microscope]);
  let under = known.get(key);
  if (under === undefined) {
    const problem = ruleProblem(rule, catalogue.descriptions);
    under = problem === null ? { ...catalogue, rule } : { ...catalogue, problems: [...catalogue.problems, problem] };
    known.set(key, under);
  }
  return under;
}

/**
 * Reads the catalogue folder `absDir` (named `label` in messages); `refusal` tells why a file may
 * not be read (it leads outside the folder it may use), null when it may.
 */
export async function readInstrumentCatalogue(
  absDir: string,
  label: string,
  refusal: (absFile: string) => Promise<string | null>,
): Promise<InstrumentCatalogue> {
  const catalogue: InstrumentCatalogue = { folder: label, descriptions: [], files: [], problems: [] };
  const problem = (file: string, message: string) =>
    catalogue.problems.push({ file, at: '', message, severity: 'error' });
  const names = await readdir(absDir).catch((error: NodeJS.ErrnoException) => {
    problem(label, `cannot be listed (${error.code ?? error.message})`);
    return [] as string[];
  });
  const files = names.filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.')).sort();
  if (files.length > MAX_CATALOGUE_FILES)
    problem(label, `holds ${files.length} descriptions; the first ${MAX_CATALOGUE_FILES} are read`);
  for (const name of files.slice(0, MAX_CATALOGUE_FILES)) {
    const absFile = path.join(absDir, name);
    const file = `${label}/${name}`;
    const refused = await refusal(absFile);
    if (refused !== null) {
      problem(file, refused);
      continue;
    }
    const read = readInstrumentFile(absFile, file);
    if (read === null) continue;
    catalogue.files.push(read);
    catalogue.problems.push(...read.problems);
    if (read.description !== null) catalogue.descriptions.push(read.description);
  }
  return catalogue;
}
