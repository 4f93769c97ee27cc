/**
 * The Markdown drafts AcqMeta writes for a whole dataset: its readme, and the Methods text a
 * paper needs. One entry point for the backend, the command line and the app's export menu.
 */
import { datasetReadme, type ReadmeInput } from './dataset-readme';
import { methodsDraft } from './methods-draft';

/** The drafts: `readme` (docs/user-guide.md, "Dataset readme") and `methods`. */
export const DATASET_DRAFTS = ['readme', 'methods'] as const;

/** One of {@link DATASET_DRAFTS}. */
export type DatasetDraft = (typeof DATASET_DRAFTS)[number];

/** The file name ending of each draft. */
export const DRAFT_SUFFIXES: Readonly<Record<DatasetDraft, string>> = {
  readme: '-README.md',
  methods: '-METHODS.md',
};

/** The text of a draft. */
export function datasetDraft(draft: DatasetDraft, input: ReadmeInput): string {
  return draft === 'methods' ? methodsDraft(input) : datasetReadme(input);
}
