/**
 * Disk errors in words for a person: what a row, a failed save or a failed read says instead
 * of Node's `EACCES: permission denied, open '…'`.
 */

/** The reason worded for each errno code a disk operation here may meet. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'it is a folder',
  EBUSY: 'the file is in use',
  EMFILE: 'too many open files',
};

/** Why a disk operation failed: the worded reason for its errno code, else the error's own message. */
export function diskErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return (code === undefined ? undefined : REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}
