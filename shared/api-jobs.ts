/**
 * The backend methods that start and stop background jobs (archival OME-TIFF copies, collection
 * exports), part of the contract in `api.ts`. Each answers at once with a job id; the job's
 * progress and end arrive as events (api-events.ts).
 */
import type { CollectionExportRequest } from './api-collection';
import type { ConvertRequest } from './api-convert';

/** The methods of background jobs: request and response types. */
export interface JobMethods {
  /**
   * Starts writing archival OME-TIFF copies of images of the open folder (`acqmeta convert --to
   * ome-tiff`); progress and the summary arrive as `convert-progress` and `convert-done` events
   * tagged with `jobId`. Sources are never written to.
   */
  startConvert: { request: ConvertRequest; response: { jobId: string } };
  /** Stops a conversion after the image under way is abandoned (no partial file stays); false when none ran. */
  cancelConvert: { request: { jobId: string }; response: { cancelled: boolean } };
  /**
   * Starts exporting images of the open folder as one acqstore collection for CloudScope Web
   * (`acqmeta export --format cloudscope-collection`); progress and the outcome arrive as
   * `collection-export-progress` and `collection-export-done` events tagged with `jobId`, or
   * `collection-export-failed` (a destination refused, a disk error). Sources are never written to.
   */
  startCollectionExport: { request: CollectionExportRequest; response: { jobId: string } };
  /** Stops an export; its staging folder is removed and nothing is written. False when none ran. */
  cancelCollectionExport: { request: { jobId: string }; response: { cancelled: boolean } };
}
