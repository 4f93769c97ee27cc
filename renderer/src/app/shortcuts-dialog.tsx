/** The list of keyboard shortcuts (Help menu, `?`, or the status bar's button). */
import { Fragment } from 'react';
import { keyCaps, SHORTCUT_PLACES, SHORTCUTS, type Shortcut } from './shortcuts';
import { useApp, useAppStore } from '../store';
import { DataTable, Modal, ModalActions, type Column } from '../kit';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((combination, i) => (
        <Fragment key={combination}>
          {i > 0 && <span className="keys-or"> or </span>}
          <span className="keys">
            {keyCaps(combination, MAC).map((cap, j) => (
              <Fragment key={`${cap}-${j}`}>
                {j > 0 && '+'}
                <kbd>{cap}</kbd>
              </Fragment>
            ))}
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** A shortcut's keys, then what it does. */
const COLUMNS: readonly Column<Shortcut>[] = [
  { header: 'Keys', className: 'shortcut-keys', cell: (shortcut) => <Keys keys={shortcut.keys} /> },
  { header: 'Action', cell: (shortcut) => shortcut.action },
];

/** The dialog, shown while `shortcutsOpen` is set. */
export function ShortcutsDialog() {
  const store = useAppStore();
  const open = useApp((s) => s.shortcutsOpen);
  if (!open) return null;
  const close = () => store.getState().setShortcutsOpen(false);
  return (
    <Modal labelledBy="shortcuts-title" title="Keyboard shortcuts" onCancel={close} wide>
      <div className="shortcut-groups">
        {SHORTCUT_PLACES.map((place) => (
          <DataTable
            key={place}
            plain
            headless
            className="shortcut-table"
            caption={<span className="section-title">{place}</span>}
            columns={COLUMNS}
            rows={SHORTCUTS.filter((s) => s.place === place)}
            rowKey={(shortcut) => `${shortcut.keys.join()}-${shortcut.action}`}
          />
        ))}
      </div>
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
    </Modal>
  );
}
