/**
 * The folders of the open folder that hold images, as its last complete scan listed them and
 * the watcher's changes added to them since: the folders whose lab profiles are in force,
 * known without walking the whole tree again when the window asks for the profiles right
 * after a scan (100,000 images: about half a second of the server's time, as the user starts
 * working). Unknown until a scan completes, and again once an image is reported gone (its
 * folder may have no image left): then the tree is walked.
 */
import { folderOfRelPath } from '../../../shared/across-folders';
import path from 'node:path';
import type { ApiEvent, ImageRow } from '../../../shared/api';

/** Image folders of one open folder (kept relative, `/`-separated; `''` is the folder itself). */
export class ImageFolders {
  private root: string | null = null;
  private complete = false;
  private readonly folders = new Set<string>();

  /** Another folder is opened: nothing is known until its scan completes. */
  forget(): void {
    this.root = null;
    this.complete = false;
    this.folders.clear();
  }

  /** A scan of `root` starts: what it lists is noted from here on. */
  scanStarted(root: string): void {
    this.root = root;
    this.complete = false;
    this.folders.clear();
    this.folders.add('');
  }

  /** Notes the folders of rows under `root`. */
  noteRows(root: string, rows: readonly ImageRow[]): void {
    if (root !== this.root) return;
    for (const row of rows) this.folders.add(folderOfRelPath(row.path));
  }

  /** The scan of `root` listed every image. */
  scanCompleted(root: string): void {
    if (root === this.root) this.complete = true;
  }

  /** Follows what the watcher sends: images that appeared add their folders; one that went makes the folders unknown. */
  noteEvent(event: ApiEvent): void {
    if (event.type !== 'folder-changed') return;
    this.noteRows(event.root, event.rows);
    if (event.removed.length > 0 && event.root === this.root) this.complete = false;
  }

  /** The folders holding images under `root` (absolute, `root` among them), or null when they are not known (walk the tree). */
  known(root: string): readonly string[] | null {
    if (!this.complete || root !== this.root) return null;
    return [...this.folders].map((dir) => (dir === '' ? root : path.join(root, ...dir.split('/'))));
  }
}
