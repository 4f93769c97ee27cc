/** Where a bundled rule set came from, as its generator recorded it. */

/** One source file of a bundled rule set. */
export interface BundleSource {
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly licence: string;
}

/** Throws a clear error naming `what` unless `value` is a list of sources. */
export function checkSources(value: unknown, what: string): BundleSource[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${what}: no sources block`);
  return value.map((source: unknown, i) => {
    const s = source as Partial<Record<keyof BundleSource, unknown>>;
    for (const key of ['repository', 'path', 'commit', 'licence'] as const) {
      if (typeof s?.[key] !== 'string') throw new Error(`${what}: source ${i + 1} has no ${key}`);
    }
    return s as BundleSource;
  });
}
