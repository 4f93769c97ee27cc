// @vitest-environment happy-dom
/**
 * The folder's History lists the calibrations written into image headers (issue 79): one action
 * per batch, by its name, with its images counted and the header values it set.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { HeaderWriteTimeline } from '../../../../renderer/src/journal/header-write-timeline';
import { HEADER_WRITE_KIND, type HeaderWriteRecord } from '../../../../shared/journal';
import { draw, type Drawn } from '../kit/render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

/** A header write of `path` in `batch`, setting `values`. */
function write(id: string, batch: string, path: string, action: string, values: string[]): HeaderWriteRecord {
  return {
    kind: HEADER_WRITE_KIND,
    id,
    batch,
    time: batch === 'b1' ? '2026-11-28T09:00:00.000Z' : '2026-11-28T10:00:00.000Z',
    user: 'ana',
    host: 'lab-pc',
    tool: 'acqmeta',
    action,
    path,
    values: values.map((value) => ({ value, place: 'resolution tags', old: '(none)', new: '1' })),
    ranges: [],
    appended: { offset: 0, length: 0 },
    before: { size: 1, mtime: 1, sha256: 'a' },
    after: { size: 1, mtime: 2, sha256: 'b' },
  };
}

describe('HeaderWriteTimeline', () => {
  test('one row per batch, newest first, by name, its images counted and its values named', () => {
    drawn = draw(
      <HeaderWriteTimeline
        headers={[
          write('w1', 'b1', 'a.tif', 'calibrate --pixel-size 0.5', ['XResolution', 'YResolution']),
          write('w2', 'b1', 'b.tif', 'calibrate --pixel-size 0.5', ['XResolution', 'ResolutionUnit']),
          write('w3', 'b2', 'a.tif', 'calibrate --z-step 2', ['z step']),
        ]}
      />,
    );
    const caption = drawn.container.querySelector('caption');
    expect(caption?.textContent).toBe('Calibrations written into image files, newest first');
    const rows = [...drawn.container.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].slice(2).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['calibrate --z-step 2command line', '1 image', 'z step'],
      ['calibrate --pixel-size 0.5command line', '2 images', 'XResolution, YResolution, ResolutionUnit'],
    ]);
  });

  test('nothing when the folder has no header writes', () => {
    drawn = draw(<HeaderWriteTimeline headers={undefined} />);
    expect(drawn.container.textContent).toBe('');
  });
});
