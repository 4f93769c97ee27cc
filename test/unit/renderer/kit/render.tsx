/** Draws React elements into happy-dom for the kit's tests, each update flushed with act. */
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The drawn element's container, a way to draw it again, and to remove it. */
export interface Drawn {
  container: HTMLElement;
  redraw(ui: ReactElement): void;
  remove(): void;
}

/** Draws `ui` in a new container in the page's body. */
export function draw(ui: ReactElement): Drawn {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    redraw: (next) => act(() => root.render(next)),
    remove: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Runs `change` (a click, a key) and flushes what React does in answer. */
export function user(change: () => void): void {
  act(change);
}

/** The text of each cell of each row of `table`, trimmed. */
export function cells(table: HTMLTableElement): string[][] {
  return [...table.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim()));
}
