/** Test helpers: profiles from a few rules, sidecars from a few values. */
import { readFileSync } from 'node:fs';
import { defaultSidecar, loadProfile, type CompiledProfile } from '../../../../shared/profile';

/** The text of a shipped example profile (profiles/<name>.profile.json). */
export function exampleProfileText(name: 'vascular-lab' | 'confocal-deposit'): string {
  return readFileSync(new URL(`../../../../profiles/${name}.profile.json`, import.meta.url), 'utf8');
}

/** Compiles a profile given as an object; fails the test when it has problems. */
export function compiled(schema: object): CompiledProfile {
  const profile = loadProfile(JSON.stringify(schema, null, 2), 'test.profile.json');
  if (profile.compiled === null || profile.problems.length > 0) throw new Error(profile.problems.join('\n'));
  return profile.compiled;
}

/** A profile whose `experiment_metadata` has these properties (and optional section keywords). */
export function experimentProfile(properties: object, section: object = {}): CompiledProfile {
  return compiled({ type: 'object', properties: { experiment_metadata: { type: 'object', properties, ...section } } });
}

/** A sidecar with the default values and these experiment (and header) values over them. */
export function sidecarWith(
  experiment: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Record<string, unknown> {
  const sidecar = defaultSidecar() as Record<string, Record<string, unknown>>;
  Object.assign(sidecar.experiment_metadata as object, experiment);
  Object.assign(sidecar.image_header_metadata as object, header);
  return sidecar;
}
