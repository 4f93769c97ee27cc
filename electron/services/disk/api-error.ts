/**
 * Maps anything a service throws to an {@link ApiError}, disk errors included: the one
 * classification of failures the app and the command line both report.
 */
import type { ApiError } from '../../../shared/api';
import { ApiFailure, toApiError } from '../../../shared/errors';

const IO_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EBUSY',
  'EMFILE',
  'ENFILE',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
]);

/** Like `toApiError`, but file-system errors become IO (or NOT_FOUND) instead of INTERNAL. */
export function toBackendError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.toApiError();
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message };
  if (code !== undefined && IO_CODES.has(code)) return { code: 'IO', message };
  return toApiError(error);
}
