/** The repositories' rules for submissions (HuBMAP, HTAN), bundled as data, and the folder-layout check. */
export type { BundleSource } from './bundle-sources';
export {
  HUBMAP_DIRECTORY_SCHEMAS,
  findTarget,
  loadDirectorySchemas,
  targetName,
  targetNames,
  type DirectoryPattern,
  type DirectorySchema,
  type DirectorySchemaBundle,
} from './directory-schemas';
export {
  checkDirectory,
  compareCodePoints,
  type ChecklistItem,
  type DirectoryProblem,
  type DirectoryVerdict,
} from './directory-check';
export {
  htanComponents,
  hubmapTemplates,
  type ControlledTerm,
  type HtanAttribute,
  type HtanComponent,
  type MetadataTemplate,
  type TemplateField,
} from './metadata-templates';
export { compileGlob } from './python-glob';
export { checkCell, ruleOfAttribute, ruleOfField, type CellCheck, type ColumnRule } from './column-rules';
export { FORMAT_MAKERS, imageFacts, type Fact, type FactName, type SubmissionImage } from './image-facts';
export { NOTHING_SUPPLIES, type SubmissionTable, type TodoItem } from './submission-cells';
export {
  dataPathUnknown,
  isSubmissionFormat,
  submissionParts,
  SUBMISSION_FORMATS,
  type SubmissionFormat,
  type SubmissionInput,
  type SubmissionPart,
} from './submission-export';
export {
  requiredMissing,
  todoGroups,
  todoHeadline,
  todoLines,
  todoSummaryLines,
  TODO_SUMMARY_ROWS,
  type TodoGroup,
} from './submission-text';
export { ANTIBODIES_FILE } from './antibodies-table';
export { CONTRIBUTORS_FILE } from './contributors-table';
export { HTAN_CHANNELS_FILE } from './htan-channels-table';
export { HARDWARE_FILE, soleDescription, type DescriptionText } from './hardware-file';
export { SETTINGS_FILE } from './settings-file';
export { NO_CHANNEL_TABLE } from './channel-file';
export { matchTerm, normaliseTerm, type TermMatch } from './term-match';
export {
  directoryName,
  knownTargetNames,
  resolveTarget,
  targetShortNames,
  targetTable,
  targetTitle,
  targetWords,
  verdictCounts,
  type SubmissionTarget,
} from './submission-target';
export { metadataColumns } from './metadata-columns';
export { formulaFolderName } from './exact-names';
export { checkUploadLayout, HUBMAP_IGNORE_GLOBS, isAcqmetaOwn, type UploadVerdict } from './upload-layout';
export { DATASET_ROW } from './hubmap-table';
