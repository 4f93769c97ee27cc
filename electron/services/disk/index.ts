/**
 * What every service needs of the disk below the folder it works on: a file's stamp (the
 * version the scan cache and the header memo compare), whether a real path lies inside a
 * folder, disk errors in words and as API errors, and the slow-disk hooks that tests and
 * benchmarks hold reads at, the gate that tests hold writes at, whole files written
 * atomically, and positional writes that report the disk's error rather than come up short.
 */
export { toBackendError } from './api-error';
export { diskErrorReason } from './disk-error';
export { sameStamp, stampOf, type FileStamp } from './file-stamp';
export { isInside } from './inside';
export { beforeListing, beforeRead, blockBeforeRead, THREAD_READ_DELAY_MS } from './read-delay';
export { atWritePoint, type WritePoint } from './write-gate';
export { moveIntoPlace, NO_LINKS, writeWhole } from './write-whole';
export { writeAllAt } from './write-all';
