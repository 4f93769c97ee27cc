/**
 * The order in which bulk writes go to disk: one file from each folder in turn. Creating and
 * renaming files in a folder take that folder's lock in the kernel, so writes in flight
 * together wait less for each other when they are spread over different folders.
 */
import { folderOfImage } from './ngff/store-name';

/**
 * Indices of `items` taking one item from each folder in turn (folders in the order they
 * first appear, each folder's items in their order); `folderOf` names an item's folder.
 */
export function acrossFolders<T>(items: readonly T[], folderOf: (item: T) => string): number[] {
  const byFolder = new Map<string, number[]>();
  items.forEach((item, index) => {
    const folder = folderOf(item);
    const list = byFolder.get(folder);
    if (list === undefined) byFolder.set(folder, [index]);
    else list.push(index);
  });
  const lists = [...byFolder.values()];
  const order: number[] = [];
  for (let turn = 0; order.length < items.length; turn++) {
    for (const list of lists) if (turn < list.length) order.push(list[turn] as number);
  }
  return order;
}

/** The folder part of a `/`-separated relative path ('' for the top folder). */
export function folderOfRelPath(relPath: string): string {
  return folderOfImage(relPath);
}
