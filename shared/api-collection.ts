/**
 * A CloudScope collection from the app: images of the open folder exported as one acqstore
 * OME-Zarr collection, as `acqmeta export --format cloudscope-collection` writes it. The export
 * runs in the background; its progress and its outcome arrive as `collection-export-*` events
 * (api-events.ts).
 */

/** An export of some of the open folder's images into one collection. */
export interface CollectionExportRequest {
  /** The images, relative to the open folder (as rows name them); OME-Zarr stores among them are left out. */
  paths: string[];
  /** The collection's folder, ending in `.ome.zarr`: absolute, or relative to the open folder. */
  destination: string;
  /** Replace a collection AcqMeta wrote at the destination. */
  force: boolean;
}

/** How far an export is: the images written so far (or, after a refusal, looked at), and the one under way. */
export interface CollectionExportProgress {
  done: number;
  total: number;
  /** The image under way, relative to the open folder. */
  current: string;
}

/** An image not exported, and why. */
export interface CollectionRefusal {
  /** The file, relative to the open folder. */
  path: string;
  /** Which of the file's images, when it holds several; null for its only image or the whole file. */
  image: string | null;
  reason: string;
}

/**
 * How an export ended: written (every image that could be, the others named), refused (no image
 * could be: nothing written), or cancelled (nothing written).
 */
export type CollectionExportOutcome =
  | {
      kind: 'written';
      /** The collection, absolute. */
      destination: string;
      images: number;
      /** It replaced a collection AcqMeta wrote there before. */
      replaced: boolean;
      /** OME-Zarr stores among the images asked for, not exported again. */
      leftOut: string[];
      /** Images that could not be exported; the collection holds the others. */
      refusals: CollectionRefusal[];
      /** What the copies of written images leave out (a sidecar's reference-image block), in words. */
      notes: { path: string; image: string | null; note: string }[];
    }
  | { kind: 'refused'; refusals: CollectionRefusal[] }
  | { kind: 'cancelled' };
