/** The list of keyboard shortcuts (Help menu, `?`, or the status bar's button). */
import { Fragment } from 'react';
import { keyCaps, SHORTCUT_PLACES, SHORTCUTS } from './shortcuts';
import { useApp, useAppStore } from '../store';
import { Modal, ModalActions } from '../kit';

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
          <table key={place} className="shortcut-table">
            <caption className="section-title">{place}</caption>
            <tbody>
              {SHORTCUTS.filter((s) => s.place === place).map((shortcut) => (
                <tr key={`${shortcut.keys.join()}-${shortcut.action}`}>
                  <td className="shortcut-keys">
                    <Keys keys={shortcut.keys} />
                  </td>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <ModalActions onCancel={close} cancelLabel="Close" focusCancel />
    </Modal>
  );
}
