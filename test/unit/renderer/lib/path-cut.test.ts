import { describe, expect, it } from 'vitest';
import { cutFolders } from '../../../../renderer/src/lib/path-cut';

/** A monospaced font: 7 px a character. */
const measure = (text: string) => text.length * 7;

/** The folders as shown after the cut. */
function shown(folders: string, nameWidth: number, width: number): string {
  const cut = cutFolders(folders, nameWidth, width, measure);
  return cut === null ? folders : `${folders.slice(0, cut.start)}…${folders.slice(cut.end)}`;
}

describe('cutFolders', () => {
  const folders = 'experiment-2024/mouse-12/session-3/'; // 35 characters

  it('leaves a path that fits as it is', () => {
    expect(cutFolders(folders, 70, 35 * 7 + 70, measure)).toBeNull();
  });

  it('keeps as many characters as fit, half on each side of one ellipsis in the middle', () => {
    // 20 characters of room beside the name: 19 kept around the ellipsis
    expect(shown(folders, 70, 20 * 7 + 70)).toBe('experiment…ession-3/');
    expect(shown(folders, 70, 20 * 7 + 70 + 6)).toBe('experiment…ession-3/');
    expect(shown(folders, 70, 34 * 7 + 70)).toBe('experiment-2024/m…se-12/session-3/');
  });

  it('cuts all the folders when only the ellipsis fits, or not even that', () => {
    expect(shown(folders, 70, 70 + 7)).toBe('…');
    expect(cutFolders(folders, 70, 60, measure)).toEqual({ start: 0, end: 35 });
  });
});
