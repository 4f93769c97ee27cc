/**
 * The renderer's UI kit: the parts every dialog is built from (the modal shell and its actions,
 * field rows, choices, tables, review lists, progress, file and folder pickers, menus, badges).
 */
export { CheckRow, ChoiceGroup, RadioRows, type Choice } from './choice-rows';
export { DataTable, type Column } from './data-table';
export { FieldRow, type FieldControlProps } from './field-row';
export { useFilePicker } from './file-picker';
export { focusFirstField, focusTable } from './focus-targets';
export { FolderIcon } from './folder-icon';
export { FolderList, useFolderListing } from './folder-list';
export { numberColumn, removeColumn } from './grid-columns';
export { JobFailure } from './job-failure';
export { JobFormActions } from './job-form-actions';
export { JobProgress, UnsavedNote } from './job-progress';
export { MenuButton, type MenuEntry } from './menu-button';
export { Modal } from './modal';
export { ModalActions } from './modal-actions';
export { NextDialogButton } from './next-dialog-button';
export { OldNew } from './old-new';
export { CheckGroup, RadioGroup, type CheckText } from './option-groups';
export { PathNotes } from './path-notes';
export { PopoverButton } from './popover-button';
export { ProgressFooter } from './progress-footer';
export { RecentFolderList } from './recent-folder-list';
export { ReviewList, type ReviewChange, type ReviewGroup } from './review-list';
export { ReadingModal, SaveActions, SaveFailure } from './save-and-reading';
export { SidecarBadge } from './sidecar-badge';
export { restoreColumn, timelineColumns, type TimelineEntry } from './timeline-columns';
export { usePopover } from './use-popover';
export { WrappingPath } from './wrapping-path';
