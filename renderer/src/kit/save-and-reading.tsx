/**
 * The pieces the file-editing dialogs (channel table, instrument catalogue) share: the Save
 * button held back with its reason, the dialog shown while the file is read, and why a save failed.
 */
import type { ReactNode } from 'react';
import { ModalActions } from './modal-actions';
import { Modal } from './modal';

/** The dialog's Cancel and Save: Save is disabled while `blocker` says why (shown beside it) or while saving. */
export function SaveActions(props: {
  /** The id of the reason's element, unique in the page. */
  blockerId: string;
  blocker: string | null;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { blockerId, blocker, saving, onSave, onCancel } = props;
  return (
    <ModalActions onCancel={onCancel} cancelDisabled={saving}>
      <button
        type="button"
        className="btn btn-primary"
        disabled={blocker !== null || saving}
        aria-describedby={blocker === null ? undefined : blockerId}
        onClick={onSave}
      >
        {saving ? 'Saving…' : 'Save'}
      </button>
      {blocker !== null && (
        <span id={blockerId} className="small muted channel-blocker">
          {blocker}
        </span>
      )}
    </ModalActions>
  );
}

/** The dialog while its file is read: its title and what is being read, with Cancel. */
export function ReadingModal(props: { titleId: string; title: ReactNode; reading: string; onCancel: () => void }) {
  const { titleId, title, reading, onCancel } = props;
  return (
    <Modal labelledBy={titleId} title={title} onCancel={onCancel}>
      <p>{reading}</p>
      <ModalActions onCancel={onCancel} focusCancel />
    </Modal>
  );
}

/** Why the file was not saved, and the ways on (reload, keep mine) when another program changed it. */
export function SaveFailure(props: { title: string; message: string; children?: ReactNode }) {
  const { title, message, children } = props;
  return (
    <div className="callout callout-danger callout-stack bulk-callout" role="alert">
      <p className="callout-title">{title}</p>
      <p>{message}</p>
      {children !== undefined && children !== false && <p className="channel-conflict-actions">{children}</p>}
    </div>
  );
}
