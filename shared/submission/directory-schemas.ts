/**
 * HuBMAP's directory schemas (`ingest-validation-tools`' `directory-schemas/<assay>-v<version>.yaml`),
 * bundled as data by `build/scripts/make-submission-rules.py`, and the `--target` names that
 * choose one: `hubmap:<assay>` (the latest version bundled) or `hubmap:<assay>-v<version>`.
 */
import bundle from './generated/hubmap-directory-schemas.json';
import { checkSources, type BundleSource } from './bundle-sources';

/** One entry of a directory schema: a regular expression over a path relative to the dataset. */
export interface DirectoryPattern {
  readonly pattern: string;
  readonly required: boolean;
  readonly description?: string;
  readonly is_qa_qc?: boolean;
  readonly example?: string;
}

/** One version of one assay's directory schema. */
export interface DirectorySchema {
  readonly assay: string;
  readonly version: string;
  readonly files: readonly DirectoryPattern[];
}

/** The bundled directory schemas and where they came from. */
export interface DirectorySchemaBundle {
  readonly sources: readonly BundleSource[];
  readonly schemas: readonly DirectorySchema[];
}

/** Checks the shape of a directory-schema bundle; throws an error naming what is wrong. */
export function loadDirectorySchemas(data: unknown, what = 'directory schemas'): DirectorySchemaBundle {
  const value = data as { sources?: unknown; schemas?: unknown };
  const sources = checkSources(value?.sources, what);
  if (!Array.isArray(value.schemas)) throw new Error(`${what}: no schemas list`);
  const schemas = value.schemas.map((schema: Partial<DirectorySchema>, i) => {
    const name = `${what}: schema ${i + 1}`;
    if (typeof schema?.assay !== 'string' || typeof schema.version !== 'string') {
      throw new Error(`${name} has no assay or version`);
    }
    if (!Array.isArray(schema.files)) throw new Error(`${name} (${schema.assay}) has no files list`);
    for (const file of schema.files as Partial<DirectoryPattern>[]) {
      if (typeof file?.pattern !== 'string' || typeof file.required !== 'boolean') {
        throw new Error(`${name} (${schema.assay}-v${schema.version}) has an entry without a pattern or required`);
      }
    }
    return schema as DirectorySchema;
  });
  return { sources, schemas };
}

/** The directory schemas bundled with AcqMeta. */
export const HUBMAP_DIRECTORY_SCHEMAS: DirectorySchemaBundle = loadDirectorySchemas(bundle);

/** Compares dotted versions as numbers: 2.10 after 2.9. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The `--target` name of a schema version: `hubmap:confocal-v2.3`. */
export function targetName(schema: DirectorySchema): string {
  return `hubmap:${schema.assay}-v${schema.version}`;
}

/** Every target name, by assay, oldest version first, each assay's short name before its versions. */
export function targetNames(bundled: DirectorySchemaBundle = HUBMAP_DIRECTORY_SCHEMAS): string[] {
  const assays = [...new Set(bundled.schemas.map((s) => s.assay))].sort();
  return assays.flatMap((assay) => [
    `hubmap:${assay}`,
    ...bundled.schemas
      .filter((s) => s.assay === assay)
      .sort((a, b) => compareVersions(a.version, b.version))
      .map(targetName),
  ]);
}

/** The schema a target names (`hubmap:<assay>` is the latest version), or null. */
export function findTarget(
  target: string,
  bundled: DirectorySchemaBundle = HUBMAP_DIRECTORY_SCHEMAS,
): DirectorySchema | null {
  const exact = bundled.schemas.find((s) => targetName(s) === target);
  if (exact !== undefined) return exact;
  const versions = bundled.schemas.filter((s) => `hubmap:${s.assay}` === target);
  return versions.sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;
}
