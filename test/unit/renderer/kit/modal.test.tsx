// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Modal, ModalActions } from '../../../../renderer/src/kit';
import { draw, user, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

const dialog = () => document.querySelector('dialog')!;
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
/** The close request a browser sends on Escape. */
const escape = () => user(() => dialog().dispatchEvent(new Event('cancel', { cancelable: true })));
const tab = (shift = false) =>
  user(() =>
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: shift, bubbles: true })),
  );

/** A dialog asking for a name, with OK and Cancel. */
function nameDialog(props: { busy?: boolean; onCancel?: () => void; onSubmit?: () => void }) {
  return (
    <Modal
      labelledBy="t"
      title="Name the preset"
      busy={props.busy}
      onCancel={props.onCancel ?? (() => {})}
      onSubmit={props.onSubmit}
    >
      <input aria-label="Name" data-autofocus />
      <ModalActions onCancel={props.onCancel ?? (() => {})}>
        <button type="submit">OK</button>
      </ModalActions>
    </Modal>
  );
}

describe('Modal', () => {
  test('opens modal, named by its title, the marked control focused', () => {
    drawn = draw(nameDialog({}));
    expect(dialog().open).toBe(true);
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent).toBe('Name the preset');
    expect(document.getElementById('t')?.tagName).toBe('H2');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Name');
  });

  test('its description is the paragraph under the title, and describes the dialog', () => {
    drawn = draw(
      <Modal labelledBy="t" title="Open folder" describedBy="d" description="Type a full path." onCancel={() => {}}>
        <input aria-label="Path" />
      </Modal>,
    );
    const described = document.getElementById(dialog().getAttribute('aria-describedby')!);
    expect(described?.tagName).toBe('P');
    expect(described?.textContent).toBe('Type a full path.');
    expect(described?.previousElementSibling?.id).toBe('t');
  });

  test('Escape cancels, and the dialog stays for the owner to remove', () => {
    const cancel = vi.fn();
    drawn = draw(nameDialog({ onCancel: cancel }));
    escape();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(dialog().open).toBe(true);
  });

  test('with a submit its body is a form: its submit button submits, and no page is loaded', () => {
    const submit = vi.fn();
    drawn = draw(nameDialog({ onSubmit: submit }));
    const form = dialog().querySelector('form')!;
    expect(form.contains(document.getElementById('t'))).toBe(true);
    user(() => button('OK').click());
    expect(submit).toHaveBeenCalledTimes(1);
    const event = new Event('submit', { bubbles: true, cancelable: true });
    user(() => form.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(submit).toHaveBeenCalledTimes(2);
  });

  test('without a submit there is no form', () => {
    drawn = draw(nameDialog({}));
    expect(dialog().querySelector('form')).toBeNull();
  });

  test('while busy, Escape and the footer’s cancel wait, and the dialog says it is busy', () => {
    const cancel = vi.fn();
    drawn = draw(nameDialog({ busy: true, onCancel: cancel }));
    escape();
    expect(button('Cancel').disabled).toBe(true);
    expect(dialog().getAttribute('aria-busy')).toBe('true');
    expect(cancel).not.toHaveBeenCalled();
    drawn.redraw(nameDialog({ busy: false, onCancel: cancel }));
    expect(button('Cancel').disabled).toBe(false);
    escape();
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  test('Tab on the last control comes round to the first, Shift+Tab on the first to the last', () => {
    drawn = draw(nameDialog({}));
    button('Cancel').focus();
    tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Name');
    tab(true);
    expect(document.activeElement?.textContent).toBe('Cancel');
  });
});
