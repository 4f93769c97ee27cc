/**
 * HuBMAP's metadata templates (`dataset-metadata-spreadsheet`, `<name>/latest/<name>.yml` and
 * `.tsv`) and HTAN's imaging manifests (`data-models`, `HTAN.model.csv`), bundled as data by
 * `build/scripts/make-submission-rules.py`. Facts only: the columns, what is required, the
 * regular expressions and the controlled terms.
 */
import htanBundle from './generated/htan-imaging.json';
import templateBundle from './generated/hubmap-templates.json';
import { checkSources, type BundleSource } from './bundle-sources';

/** A controlled term: its label and IRI. */
export interface ControlledTerm {
  readonly label: string;
  readonly iri: string;
}

/** One field of a HuBMAP metadata template. */
export interface TemplateField {
  readonly key: string;
  readonly label: string;
  /** The template editor's field type: `text-field`, `controlled-term-field`, `numeric-field`, … */
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
  readonly datatype?: string;
  /** A Python regular expression the value must match. */
  readonly regex?: string;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly default?: { label: string | null; iri: string | null };
  /** The terms listed by the template (an ontology branch may allow more). */
  readonly terms?: readonly ControlledTerm[];
  /** Terms of that branch the template removes. */
  readonly removedTerms?: readonly string[];
}

/** One HuBMAP metadata template. */
export interface MetadataTemplate {
  readonly name: string;
  readonly title: string;
  /** The value of the TSV's `metadata_schema_id` column. */
  readonly metadataSchemaId: string | null;
  /** The TSV's columns, in order. */
  readonly columns: readonly string[];
  readonly fields: readonly TemplateField[];
}

/** One attribute of an HTAN manifest. */
export interface HtanAttribute {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** Empty: any value. */
  readonly validValues: readonly string[];
  readonly validationRules?: string;
  readonly source?: string;
  /** Attributes a valid value brings in (e.g. a failed QC asks for its type). */
  readonly dependsOnValue?: Readonly<Record<string, readonly string[]>>;
}

/** One HTAN manifest: `Imaging Level 2`, or `Imaging Level 3 Channels` (MITI channel metadata). */
export interface HtanComponent {
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly HtanAttribute[];
}

/** Throws an error naming `what` unless `data` has sources and a list under `key`. */
function checkBundle<T>(data: unknown, key: string, what: string): { sources: BundleSource[]; items: T[] } {
  const value = data as Record<string, unknown>;
  const sources = checkSources(value?.sources, what);
  const items = value[key];
  if (!Array.isArray(items) || items.some((item) => typeof item?.name !== 'string')) {
    throw new Error(`${what}: no ${key} list, or an entry without a name`);
  }
  return { sources, items: items as T[] };
}

/** The HuBMAP metadata templates bundled with AcqMeta. */
export function hubmapTemplates(data: unknown = templateBundle): {
  sources: BundleSource[];
  items: MetadataTemplate[];
} {
  return checkBundle<MetadataTemplate>(data, 'templates', 'HuBMAP metadata templates');
}

/** The HTAN imaging manifests bundled with AcqMeta. */
export function htanComponents(data: unknown = htanBundle): { sources: BundleSource[]; items: HtanComponent[] } {
  return checkBundle<HtanComponent>(data, 'components', 'HTAN imaging manifests');
}
