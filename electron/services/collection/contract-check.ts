/**
 * acqstore's contract for the documents of an OME-Zarr collection (its JSON Schema, Draft
 * 2020-12, bundled in shared/ngff/generated with where it came from), checked with ajv's own
 * JavaScript regular expressions: the schema's path pattern uses look-ahead.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import bundle from '../../../shared/ngff/generated/acqstore-contract.json';

/** The documents the contract defines, by the name of their definition. */
export type ContractDocument = 'collectionManifestV1' | 'nativeImageManifestV2' | 'acqImageSidecarV2';

let validators: Map<ContractDocument, ValidateFunction> | null = null;

/** The contract's validators, compiled once. */
function validatorsOf(): Map<ContractDocument, ValidateFunction> {
  if (validators !== null) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(bundle.schema);
  const id = bundle.schema.$id;
  const names: ContractDocument[] = ['collectionManifestV1', 'nativeImageManifestV2', 'acqImageSidecarV2'];
  validators = new Map(names.map((name) => [name, ajv.getSchema(`${id}#/$defs/${name}`) as ValidateFunction]));
  return validators;
}

/** One failure of the contract in words: where in the document, and what. */
function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  return `${where} ${error.message ?? 'does not match'}`;
}

/** What `value` breaks of the contract's `document` definition (at most five, in words); empty when it keeps it. */
export function contractProblems(document: ContractDocument, value: unknown): string[] {
  const validate = validatorsOf().get(document) as ValidateFunction;
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 5).map(describe);
}

/** Where the contract was taken from: repository, path and commit. */
export const CONTRACT_SOURCE = bundle.sources[0] as { repository: string; path: string; commit: string };

/** The top-level keys the contract allows in a sidecar. */
export const SIDECAR_KEYS: ReadonlySet<string> = new Set(Object.keys(bundle.schema.$defs.acqImageSidecarV2.properties));
