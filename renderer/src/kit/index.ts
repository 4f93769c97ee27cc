/**
 * The renderer's UI kit: the parts every dialog is built from (the modal shell and its actions,
 * choices, progress, file and folder pickers, menus, badges).
 */
export { CheckRow, ChoiceGroup, RadioRows, type Choice } from './choice-rows';
export { useFilePicker } from './file-picker';
export { focusFirstField, focusTable } from './focus-targets';
export { FolderIcon } from './folder-icon';
export { FolderList, useFolderListing } from './folder-list';
export { JobProgress, UnsavedNote } from './job-progress';
export { MenuButton, type MenuEntry } from './menu-button';
export { ModalActions } from './modal-actions';
export { Modal } from './modal';
export { PathNotes } from './path-notes';
export { RecentFolderList } from './recent-folder-list';
export { SidecarBadge } from './sidecar-badge';
export { usePopover } from './use-popover';
