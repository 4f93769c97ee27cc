import { describe, expect, it } from 'vitest';
import { cutFolders, shownFolders } from '../../../shared/path-cut';

/** A monospaced font: 7 px a character. */
const measure = (text: string) => text.length * 7;

/** The folders as shown after the cut. */
function shown(folders: string, nameWidth: number, width: number): string {
  const cuts = cutFolders(folders, nameWidth, width, measure);
  return cuts === null ? folders : shownFolders(folders, cuts);
}

describe('cutFolders', () => {
  const folders = 'experiment-2024/mouse-12/session-3/'; // 35 characters

  it('leaves a path that fits as it is', () => {
    expect(cutFolders(folders, 70, 35 * 7 + 70, measure)).toBeNull();
  });

  it('cuts as few folders as it can, the longest first, each keeping its start', () => {
    expect(shown(folders, 70, 34 * 7 + 70)).toBe('experiment-20…/mouse-12/session-3/');
    expect(shown(folders, 70, 28 * 7 + 70)).toBe('experim…/mouse-12/session-3/');
    expect(shown(folders, 70, 24 * 7 + 70)).toBe('exper…/mouse-12/sessi…/');
    expect(shown(folders, 70, 12 * 7 + 70)).toBe('ex…/mo…/se…/');
  });

  it('keeps the animal and session of a lab’s folders when their names run long', () => {
    const lab = 'mouse01_Thy1-GCaMP6s/session1_2026-03-04/';
    expect(shown(lab, 0, 24 * 7)).toBe('mouse01_Th…/session1_2…/');
  });

  it('cuts all the folders into one ellipsis when not even one per folder fits, or not even that', () => {
    expect(shown(folders, 70, 70 + 5 * 7)).toBe('…');
    expect(cutFolders(folders, 70, 60, measure)).toEqual([{ start: 0, end: 35 }]);
  });
});
