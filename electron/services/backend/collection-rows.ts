/**
 * The images of each acqstore collection that the window has rows of, and the file each row
 * says it was exported from: as the scan listed them and the watcher's changes sent since. A
 * rewritten manifest is compared with this, not with the manifest's cache, which others read too
 * (a row resolved meanwhile reads the new manifest before the change is read).
 */
import type { ApiEvent, ImageRow } from '../../../shared/api';
import { COLLECTION_IMAGES_FOLDER, isCollectionMemberPath } from '../../../shared/ngff/store-name';

/** What the window has of one collection: its images' rows, by folder name, and what each was exported from. */
export type CollectionShown = ReadonlyMap<string, string | undefined>;

/** A collection image's path split into its collection (relative) and its folder name; null for another path. */
function splitMember(relPath: string): { store: string; member: string } | null {
  if (!isCollectionMemberPath(relPath)) return null;
  const at = relPath.lastIndexOf(`/${COLLECTION_IMAGES_FOLDER}/`);
  return { store: relPath.slice(0, at), member: relPath.slice(at + COLLECTION_IMAGES_FOLDER.length + 2) };
}

/** The collections' rows of the open folder. */
export class CollectionRows {
  private readonly stores = new Map<string, Map<string, string | undefined>>();

  /** Another folder is opened, or scanned again: nothing is shown yet. */
  forget(): void {
    this.stores.clear();
  }

  /** What the window has of the collection at `relStore` (relative); empty when nothing. */
  shown(relStore: string): CollectionShown {
    return this.stores.get(relStore) ?? new Map();
  }

  /** Follows the rows sent: a scan's, and the watcher's changes (rows read again, paths gone). */
  noteEvent(event: ApiEvent): void {
    if (event.type === 'scan-rows') this.noteRows(event.rows);
    if (event.type !== 'folder-changed') return;
    this.noteRows(event.rows);
    for (const gone of event.removed) {
      const split = splitMember(gone);
      if (split !== null) this.stores.get(split.store)?.delete(split.member);
      // a folder or a collection gone takes every collection in it
      for (const store of this.stores.keys())
        if (store === gone || store.startsWith(`${gone}/`)) this.stores.delete(store);
    }
  }

  private noteRows(rows: readonly ImageRow[]): void {
    for (const row of rows) {
      const split = splitMember(row.path);
      if (split === null) continue;
      let members = this.stores.get(split.store);
      if (members === undefined) this.stores.set(split.store, (members = new Map()));
      members.set(split.member, row.exportedFrom);
    }
  }
}
