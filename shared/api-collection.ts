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

/** How an export ended: written whole, refused whole (nothing written), or cancelled (nothing written). */
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
    }
  | { kind: 'refused'; refusals: { path: string; reason: string }[] }
  | { kind: 'cancelled' };
