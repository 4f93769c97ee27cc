/**
 * What a front door needs from the backend: calls and events. The backend of
 * electron/services/backend satisfies it; tests may pass a small fake.
 */
import type { ApiEvent, ApiResult } from '../../shared/api';

/** The backend as a transport sees it. */
export interface BackendPort {
  /** Validates and runs one method; never throws. */
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
