/**
 * The backend service: one implementation of the API behind every front door.
 */
export { createBackend, type Backend, type BackendOptions } from './create-backend';
