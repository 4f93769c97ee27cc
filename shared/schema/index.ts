/**
 * JSON Schemas derived from the field table; `acqimage-sidecar.schema.json` next to this file
 * is the published copy (regenerate with `node build/scripts/generate.mjs`).
 */
export { buildSidecarSchema, REQUIRED_SIDECAR_KEYS, SIDECAR_SCHEMA_ID } from './sidecar-schema';
export { fieldSchema, type JsonSchema } from './field-schema';
