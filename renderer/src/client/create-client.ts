/**
 * Picks the renderer's transport: the preload's IPC bridge in Electron, HTTP in a browser.
 */
import type { ApiClient } from '../../../shared/api';
import { createHttpClient } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    acqmeta?: ApiClient;
  }
}

/** The client for this page: `window.acqmeta` when the preload provided it, else HTTP. */
export function createApiClient(): ApiClient {
  return window.acqmeta ?? createHttpClient();
}
