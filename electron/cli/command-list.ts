/**
 * The commands of `acqmeta`, each loaded only when it runs: the command list and the dispatch
 * need no command's code, and a build puts each command in a bundle of its own
 * (build/scripts/node-bundle-options.mjs), so a run reads and starts that command's code only.
 */
import type { CommandEntry } from './cli-io';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'list every image under a folder with its header and sidecar state',
    load: async () => (await import('./commands/scan-command')).scanCommand,
  },
  {
    name: 'show',
    summary: 'show one image: header, file facts (TIFF tags, vendor images), sidecar values',
    load: async () => (await import('./commands/show-command')).showCommand,
  },
  {
    name: 'set',
    summary: 'set fields in the sidecars of images or of every image under folders',
    load: async () => (await import('./commands/set-command')).setCommand,
  },
  {
    name: 'validate',
    summary: 'check every sidecar (and the lab profile in force) under a folder; exit 1 on any problem',
    load: async () => (await import('./commands/validate-command')).validateCommand,
  },
  {
    name: 'export',
    summary:
      "write every image's fields as a CSV, TSV or XLSX table, an OMERO bulk annotation CSV, a dataset readme, a Methods draft, the channel table, the change journal as PROV-JSON, a HuBMAP or HTAN metadata file, or the images as a CloudScope collection",
    load: async () => (await import('./commands/export-command')).exportCommand,
  },
  {
    name: 'dataset',
    summary: "the dataset's values no image file knows, and its people (HuBMAP, HTAN exports use them)",
    load: async () => (await import('./commands/dataset-command')).datasetCommand,
  },
  {
    name: 'submission',
    summary: 'build a HuBMAP or HTAN upload from a folder: metadata, raw files, OME-TIFF copies',
    load: async () => (await import('./commands/submission-command')).submissionCommand,
  },
  {
    name: 'import',
    summary: 'write a CSV, TSV or XLSX table (as made by export) back into the sidecars',
    load: async () => (await import('./commands/import-command')).importCommand,
  },
  {
    name: 'log',
    summary: 'show the change journal of an image or of the images under a folder',
    load: async () => (await import('./commands/log-command')).logCommand,
  },
  {
    name: 'restore',
    summary: 'undo a journaled action, put images back to before it, or rebuild a damaged sidecar',
    load: async () => (await import('./commands/restore-command')).restoreCommand,
  },
  {
    name: 'report',
    summary: 'completeness of a folder: per field filled / valid / invalid, values in use, images ready',
    load: async () => (await import('./commands/report-command')).reportCommand,
  },
  {
    name: 'profile',
    summary: 'profile init: write a starter lab profile from the values a folder already holds',
    load: async () => (await import('./commands/profile-command')).profileCommand,
  },
  {
    name: 'instruments',
    summary: "list the lab's microscope catalogue in force, or draft a description from an image",
    load: async () => (await import('./commands/instruments-command')).instrumentsCommand,
  },
  {
    name: 'results',
    summary: 'write every analysis record (ROI results) of a folder as one CSV, TSV or XLSX table',
    load: async () => (await import('./commands/results-command')).resultsCommand,
  },
  {
    name: 'index',
    summary: 'add folders to the facility index (SQLite or PostgreSQL), or refresh them: only changes are read',
    load: async () => (await import('./commands/index-command')).indexCommand,
  },
  {
    name: 'find',
    summary: "list the indexed images that pass a filter of the app's filter box, in the app's order",
    load: async () => (await import('./commands/find-command')).findCommand,
  },
  {
    name: 'convert',
    summary: 'write archival OME-TIFF copies of images, with their sidecars',
    load: async () => (await import('./commands/convert-command')).convertCommand,
  },
  {
    name: 'calibrate',
    summary: "write the calibration into each TIFF's own header, in place, without touching a pixel",
    load: async () => (await import('./commands/calibrate-command')).calibrateCommand,
  },
];
