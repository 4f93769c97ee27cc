import { describe, expect, it } from 'vitest';
import { rowsInView, scrollTopToShow, windowSlots, type ListView } from '../../../../renderer/src/table/row-window';

const ROW = 26;
/** A table 600 px high under a 29 px sticky header, scrolled to `scrollTop`. */
const at = (scrollTop: number): ListView => ({ scrollTop, viewHeight: 600, bodyTop: 29 });

describe('the rows of a long table that are drawn', () => {
  it('are those in view and a margin, at the top, in the middle and at the end', () => {
    expect(rowsInView(at(0), ROW, 100_000, 16)).toEqual({ start: 0, end: 38 }); // rows 0–21 at least partly visible, then 16 more
    const middle = 1_000 * ROW + 29;
    expect(rowsInView(at(middle), ROW, 100_000, 16)).toEqual({ start: 984, end: 1_040 });
    expect(rowsInView(at(99_990 * ROW), ROW, 100_000, 16)).toEqual({ start: 99_972, end: 100_000 });
  });

  it('never go past the rows there are', () => {
    expect(rowsInView(at(0), ROW, 5, 16)).toEqual({ start: 0, end: 5 });
    expect(rowsInView(at(0), ROW, 0, 16)).toEqual({ start: 0, end: 0 });
    expect(rowsInView({ scrollTop: 0, viewHeight: 0, bodyTop: 0 }, ROW, 100, 16)).toEqual({ start: 0, end: 16 });
  });
});

describe('the keys of the rows drawn', () => {
  it('are distinct as index modulo the window slots, wherever the list is scrolled', () => {
    for (const viewHeight of [0, 25, 26, 600, 601, 1_234]) {
      const slots = windowSlots(viewHeight, ROW, 8);
      for (let scrollTop = 1_000 * ROW; scrollTop <= 1_003 * ROW; scrollTop += 1) {
        const { start, end } = rowsInView({ scrollTop, viewHeight, bodyTop: 29 }, ROW, 100_000, 8);
        const keys = new Set(Array.from({ length: end - start }, (_, i) => (start + i) % slots));
        expect(keys.size, `view ${viewHeight} px scrolled to ${scrollTop}`).toBe(end - start);
      }
    }
  });
});

describe('scrolling a row into view', () => {
  it('leaves the list where it is when the row is fully visible', () => {
    expect(scrollTopToShow(0, at(0), ROW)).toBeNull();
    expect(scrollTopToShow(20, at(0), ROW)).toBeNull(); // rows end at 29 + 26 × (i + 1): row 20 at 575
  });

  it('brings a row below the view up to the bottom edge', () => {
    expect(scrollTopToShow(21, at(0), ROW)).toBe(1); // row 21 ends at 601, one pixel below the view
    const top = scrollTopToShow(30, at(0), ROW);
    expect(top).toBe(29 + 31 * ROW - 600);
    expect(scrollTopToShow(30, at(top ?? 0), ROW)).toBeNull();
  });

  it('brings a row above the view (or under the sticky header) down to just below the header', () => {
    expect(scrollTopToShow(10, at(1_000), ROW)).toBe(10 * ROW);
    expect(scrollTopToShow(10, at(10 * ROW + 1), ROW)).toBe(10 * ROW); // one pixel hidden under the header
    expect(scrollTopToShow(10, at(10 * ROW), ROW)).toBeNull();
  });
});
