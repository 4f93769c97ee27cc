/** What a path cell shows of its folders, as a person sees them: the visible text, each cut an ellipsis. */
import { expect, type Locator } from '@playwright/test';

/** The folders a path cell shows (`experim…/mouse-12…/session-3/`), and whether anything overflows it. */
export async function shownPath(cell: Locator): Promise<{ folders: string; overflows: boolean }> {
  type Element = {
    className: string;
    textContent: string | null;
    scrollWidth: number;
    clientWidth: number;
    children: Iterable<Element>;
    querySelector(selector: string): Element | null;
  };
  return cell.evaluate((element) => {
    const e = element as unknown as Element;
    const box = e.querySelector('.path-text')!;
    const name = e.querySelector('.path-name')!;
    let folders = '';
    for (const part of box.children) {
      const classes = part.className.split(' ');
      if (classes.includes('path-hidden') || classes.includes('path-name')) continue;
      folders += `${classes.includes('path-after-cut') ? '…' : ''}${part.textContent ?? ''}`;
    }
    return {
      folders,
      overflows: box.scrollWidth > box.clientWidth || name.scrollWidth > name.clientWidth,
    };
  });
}

/** Whether each folder of `shown` is `original`'s folder, or that folder's start followed by an ellipsis. */
function keepsFolderStarts(shown: string, original: string): boolean {
  const shownFolders = shown.split('/');
  const folders = original.split('/');
  return (
    shownFolders.length === folders.length &&
    shownFolders.every(
      (folder, i) => folder === folders[i] || (folder.endsWith('…') && folders[i]!.startsWith(folder.slice(0, -1))),
    )
  );
}

/**
 * Waits until `cell` shows `folders` cut to fit: nothing overflows, and each folder is whole or its
 * start and an ellipsis, at least one cut. Polled, as a person sees it once settled: the cut
 * follows the column's width a frame later (the column is fitted again when the window is
 * resized and when the scan ends).
 */
export async function expectCutToFit(cell: Locator, folders: string): Promise<string> {
  let shown = '';
  await expect
    .poll(async () => {
      const { folders: visible, overflows } = await shownPath(cell);
      shown = visible;
      return { overflows, cut: visible !== folders, keepsStarts: keepsFolderStarts(visible, folders) };
    })
    .toEqual({ overflows: false, cut: true, keepsStarts: true });
  return shown;
}
