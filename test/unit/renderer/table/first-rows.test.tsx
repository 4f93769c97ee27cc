// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createAppStore } from '../../../../renderer/src/app-store';
import { StoreProvider } from '../../../../renderer/src/store';
import { ImageTable } from '../../../../renderer/src/table';
import { fakeBackend, makeRow } from '../store/fake-client';
import { draw, user, type Drawn } from '../kit/render';
import { stubTextWidth } from './support/text-width';

/** Every ResizeObserver of the page and what it observes. */
const observers = new Map<ResizeObserverCallback, Element[]>();
let drawn: Drawn | null = null;

beforeEach(() => {
  // happy-dom lays nothing out: 1,000 px for every box the browser lays out
  stubTextWidth();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(element: Element): void {
        observers.set(this.callback, [...(observers.get(this.callback) ?? []), element]);
      }
      disconnect(): void {
        observers.delete(this.callback);
      }
    },
  );
});

afterEach(() => {
  drawn?.remove();
  drawn = null;
  observers.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The browser's layout of the page, then its resize observers' calls, as after a frame. */
function layOut(): void {
  for (const [callback, elements] of [...observers])
    callback(
      elements.map((target) => ({ target, contentRect: { width: 1000, height: 600 } }) as ResizeObserverEntry),
      {} as ResizeObserver,
    );
}

/** Whether `element`'s width is the browser's layout, read by the page (a read while the DOM changed lays out the whole page). */
function layoutReads(): { count: () => number } {
  const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  const box = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  return { count: () => width.mock.calls.length + box.mock.calls.length };
}

test('the first rows come with their path column fitted and their paths whole, without the table laid out while they are drawn', () => {
  const store = createAppStore(fakeBackend([]).client);
  const reads = layoutReads();
  drawn = draw(
    <StoreProvider store={store}>
      <ImageTable />
    </StoreProvider>,
  );
  user(layOut); // the empty table, laid out before any row comes
  const before = reads.count();
  const paths = ['session-1/img000001.tif', 'experiment-2026-11/animal-0042/session-3/img000002.tif'];
  user(() => store.getState().addRows(paths.map((path) => makeRow(path))));
  expect(reads.count()).toBe(before);
  const body = drawn.container.querySelector<HTMLElement>('.table-body')!;
  // the longest path (54 characters at 7 px) and the cell's padding, within its share of 1,000 px
  expect(body.style.gridTemplateColumns.split(' ')[0]).toBe(`${Math.ceil(54 * 7 + 18)}px`);
  const shown = [...body.querySelectorAll('.table-row .path-text')].map((text) => text.textContent);
  expect(shown).toEqual(paths);
  expect(body.querySelectorAll('.path-hidden')).toHaveLength(0);
});

test('the first rows drawn are those the window can show; the rows below it join once the table is measured', () => {
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(260);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(208);
  const store = createAppStore(fakeBackend([]).client);
  store.getState().addRows(Array.from({ length: 100 }, (_, i) => makeRow(`a/img${String(i).padStart(6, '0')}.tif`)));
  drawn = draw(
    <StoreProvider store={store}>
      <ImageTable />
    </StoreProvider>,
  );
  const rows = () => drawn!.container.querySelectorAll('.table-body .table-row').length;
  // 260 px of 26 px rows, before anything is laid out
  expect(rows()).toBe(10);
  user(layOut);
  // 208 px of rows in the measured view, and eight more below it
  expect(rows()).toBe(16);
});
