/**
 * The backend service: one implementation of the API behind every front door.
 */
export { createBackend, type Backend, type BackendOptions, type BackendPort } from './create-backend';
export { MAX_TABLE_BASE64 } from './request-schemas';
