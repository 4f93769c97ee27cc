/**
 * The renderer's one store: the core slices, the hooks components read it with, and the
 * selectors and logic capabilities share.
 */
export type { AppState, AppStore } from '../app-store';
export { QUICK_FILTERS, parseFilter, quickFilterLabel, selectQuickCounts, selectVisiblePaths } from './filter';
export { fieldDifferences } from './logic/disk-differences';
export { changesOf, isChange, isEditable, rowHasChanges, type EditMap, type PathEdits } from './logic/edit-logic';
export {
  UNREAD_FIELD,
  effectiveValues,
  shownValueCounts,
  type FieldViewState,
  type ValueCount,
} from './logic/field-state';
export {
  describeFileStep,
  recordStep,
  type DatasetStep,
  type FileStep,
  type InstrumentFileStep,
} from './logic/history';
export {
  problemMessages,
  problemsNow,
  shownLiveProblems,
  validEditValues,
  type LiveProblems,
} from './logic/problem-logic';
export { planSummary, type CreatedGroup, type FieldChanges, type InvalidValue, type SavePlan } from './logic/save-plan';
export { sidecarNames, type SidecarRemoval } from './logic/sidecar-removals';
export { growMemo, memo, overRows, selectorOf } from './memo/grow-memo';
export { prepareWhenIdle } from './memo/idle-prepare';
export { slicedOverPaths, type PathFold } from './memo/sliced-memo';
export { syncMenuState } from './menu-state';
export { dateToFill, selectDateFill } from './selectors/date-fill';
export {
  selectEditView,
  selectEditablePaths,
  selectFirstInvalid,
  selectHasUnsaved,
  selectSaveSummary,
  selectSelection,
  selectSuggestions,
} from './selectors/edit-selectors';
export type { Conflict } from './slices/conflict-slice';
export { previewKey, type Loadable, type PlaneIndex } from './slices/detail-slice';
export { activeMark, selectWatchMode, type DiskChange, type DiskMark } from './slices/disk-slice';
export type { FieldInput } from './slices/edits-slice';
export type { FileConflict } from './slices/file-conflict-slice';
export { selectUndoLabels } from './slices/history-slice';
export type { SaveFailure, SaveSlice } from './slices/save-slice';
export { COLUMN_WIDTH, PANEL_WIDTH, type ThemeChoice, type ViewSlice } from './slices/view-slice';
export { StoreProvider, useApp, useAppStore } from './store-context';
export { createCoreSlices, type CoreState } from './core-slices';
export type { ScanEvent } from './slices/session-slice';
