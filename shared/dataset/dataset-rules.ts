/**
 * Which columns a folder's dataset values may set, and a value checked as typed: the columns of
 * the bundled templates that hold one value for a dataset (HuBMAP's imaging and segmentation
 * templates, HTAN's Imaging Level 2 manifest), each by the rules of every template that has it.
 * A value one template accepts is kept (the export checks it again by its own template); the
 * columns AcqMeta fills itself, and those that differ per image, are refused.
 */
import {
  checkCell,
  htanComponents,
  hubmapTemplates,
  ruleOfAttribute,
  ruleOfField,
  type ColumnRule,
  type TemplateField,
} from '../submission';

/** The columns AcqMeta writes itself, and why a dataset value may not set them. */
const NOT_SETTABLE: Readonly<Record<string, string>> = {
  metadata_schema_id: 'AcqMeta writes the template’s own id',
  data_path: 'AcqMeta writes where the dataset folder lies beside the metadata file',
  contributors_path: 'AcqMeta writes contributors.tsv from the dataset’s people (--contributors)',
  antibodies_path: 'AcqMeta writes antibodies.tsv from the channel table',
  Component: 'AcqMeta writes the manifest’s own name',
  Filename: 'AcqMeta writes each image’s path',
  'File Format': 'AcqMeta writes each image’s format',
  'Channel Metadata Filename': 'AcqMeta writes the channel metadata file it names',
  'HTAN Data File ID': 'it names one file, not the dataset',
  'Image ID': 'it names one image, not the dataset',
};

/** The HuBMAP templates whose rows describe people or channels, not a dataset. */
const NOT_DATASET_TEMPLATES = new Set(['contributors', 'antibodies']);

/** One template's rule for a column, with the target that names the template (`hubmap:confocal`). */
export interface TemplateRule {
  readonly target: string;
  readonly rule: ColumnRule;
}

/** A HuBMAP radio field lists no terms: its answers are Yes and No. */
export function fieldRule(field: TemplateField): ColumnRule {
  const rule = ruleOfField(field);
  return field.type === 'radio-field' && (field.terms ?? []).length === 0 ? { ...rule, terms: ['Yes', 'No'] } : rule;
}

let columns: ReadonlyMap<string, readonly TemplateRule[]> | null = null;

/** Each column a dataset value may set, with the rule of each bundled template that has it, in the templates' order. */
export function datasetColumns(): ReadonlyMap<string, readonly TemplateRule[]> {
  if (columns !== null) return columns;
  const found = new Map<string, TemplateRule[]>();
  const add = (name: string, target: string, rule: ColumnRule) => {
    if (name in NOT_SETTABLE) return;
    found.set(name, [...(found.get(name) ?? []), { target, rule }]);
  };
  for (const template of hubmapTemplates().items) {
    if (NOT_DATASET_TEMPLATES.has(template.name)) continue;
    for (const field of template.fields) add(field.key, `hubmap:${template.name}`, fieldRule(field));
  }
  const level2 = htanComponents().items.find((component) => component.name === 'Imaging Level 2');
  for (const attribute of level2?.attributes ?? [])
    add(attribute.name, 'htan:imaging-level-2', ruleOfAttribute(attribute));
  columns = found;
  return found;
}

/** A value checked: the text to keep (a term as the template spells it), or the rule it breaks, in words. */
export type ValueCheck = { text: string } | { text: null; problem: string };

/**
 * `value` for `column` checked by the bundled templates that have the column: kept as the
 * first template that accepts it writes it; refused with each template's rule when none does,
 * and when no template has the column or AcqMeta fills it.
 */
export function checkDatasetValue(column: string, value: string): ValueCheck {
  const refused = NOT_SETTABLE[column];
  if (refused !== undefined) return { text: null, problem: `${column} is not a dataset value: ${refused}` };
  const rules = datasetColumns().get(column);
  const personal = hubmapTemplates().items.some((t) => t.name === 'contributors' && t.columns.includes(column));
  if (rules === undefined && personal)
    return { text: null, problem: `${column} is a person's column: give the dataset's people with --contributors` };
  if (rules === undefined)
    return {
      text: null,
      problem: `${column} is a column of no bundled template (HuBMAP's imaging templates, HTAN's Imaging Level 2): check its spelling`,
    };
  const byProblem = new Map<string, string[]>();
  for (const { target, rule } of rules) {
    const checked = checkCell(rule, value);
    if (checked.text !== null) return { text: checked.text };
    const meant = checked.suggestions.map((s) => `"${s}"`).join(' or ');
    const problem = `${checked.problem}${meant === '' ? '' : `; did you mean ${meant}?`}`;
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), target]);
  }
  const problems = [...byProblem].map(([problem, targets]) => `${problem} (${targets.join(', ')})`);
  return { text: null, problem: `${column} "${value}" ${problems.join('; ')}` };
}
