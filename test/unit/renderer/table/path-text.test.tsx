// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PathBoxContext, usePathRuler } from '../../../../renderer/src/table/use-path-box';
import { PathText } from '../../../../renderer/src/table/path-text';
import { draw, user, type Drawn } from '../kit/render';
import { stubTextWidth } from './support/text-width';

const PATHS = [
  'experiment-2026-11-mouse-brain/animal-0042-left/session-3-deep/img000001.tif',
  'experiment-2026-11-mouse-brain/animal-0042-left/session-4-deep/img000002.tif',
  'experiment-2026-11-mouse-brain/animal-0043-right/session-1-deep/img000003.tif',
];

/** The page's one ResizeObserver callback, called as the browser would after a layout. */
let laidOut: ((width: number) => void) | null = null;
let drawn: Drawn | null = null;

/** The texts measured in the test. */
let measured: readonly string[] = [];

beforeEach(() => {
  // happy-dom lays nothing out: the ruler's width given by the test
  measured = stubTextWidth();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(): void {
        laidOut = (width) =>
          this.callback([{ contentRect: { width } } as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      disconnect(): void {
        laidOut = null;
      }
    },
  );
});

afterEach(() => {
  drawn?.remove();
  drawn = null;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A path column as the table has it: its ruler, and `paths` drawn with the room it measures. */
function Column({ paths = PATHS }: { paths?: readonly string[] }) {
  const ruler = usePathRuler();
  return (
    <div>
      <span ref={ruler.ref} className="path-text" />
      <PathBoxContext.Provider value={ruler.box}>
        {paths.map((path) => (
          <div key={path} className="cell-path">
            <PathText path={path} />
          </div>
        ))}
      </PathBoxContext.Provider>
    </div>
  );
}

/** What each path shows of its folders: `…` where a folder is cut. */
function shown(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.cell-path .path-text')].map((box) =>
    [...box.children]
      .filter((part) => !part.classList.contains('path-hidden') && !part.classList.contains('path-name'))
      .map((part) => `${part.classList.contains('path-after-cut') ? '…' : ''}${part.textContent}`)
      .join(''),
  );
}

test("every path is cut to the column's room, measured once on its ruler and not on each path", () => {
  const boxes = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  drawn = draw(<Column />);
  user(() => laidOut!(1000));
  expect(shown(drawn.container)).toEqual(PATHS.map((path) => path.slice(0, path.lastIndexOf('/') + 1)));
  user(() => laidOut!(400));
  const narrow = shown(drawn.container);
  expect(narrow.every((folders) => folders.includes('…'))).toBe(true);
  expect(narrow.every((folders) => folders.length * 7 + 'img000001.tif'.length * 7 <= 400)).toBe(true);
  expect(boxes).not.toHaveBeenCalled();
});

test('the folders the rows share are measured once, however many rows are cut to fit', () => {
  const session = 'cohort-2026-12-zebrafish-larvae/fish-0007-dorsal/session-2-lightsheet/';
  const paths = Array.from({ length: 30 }, (_, i) => `${session}img${String(i).padStart(6, '0')}.tif`);
  drawn = draw(<Column paths={paths} />);
  user(() => laidOut!(420));
  user(() => laidOut!(410));
  expect(shown(drawn.container).every((folders) => folders.includes('…'))).toBe(true);
  expect(measured.filter((text) => text === session)).toHaveLength(1);
  expect(new Set(measured).size).toBe(measured.length);
});
