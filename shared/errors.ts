/**
 * A failure with a stable code, thrown inside the backend and turned into an
 * {@link ApiError} at the boundary (IPC, HTTP or the command line).
 */
import type { ApiError, ErrorCode } from './api';

/** An error carrying an {@link ErrorCode} and, where it applies, the image path. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** The error as data, ready to cross a boundary. */
  toApiError(): ApiError {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

/** Converts anything thrown into an {@link ApiError}; unknown errors become `INTERNAL`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

/** Drops a leading `<file name>: ` from a message, for text that already names the file. */
export function withoutFileName(message: string, fileName: string): string {
  return message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message;
}
