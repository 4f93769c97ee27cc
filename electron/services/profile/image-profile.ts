/**
 * The profile in force applied to one image's sidecar as read.
 */
import type { ProfileProblem } from '../../../shared/api';
import { applyProfile, defaultSidecar } from '../../../shared/profile';
import type { Sidecar } from '../../../shared/sidecar';
import type { LoadedProfile } from './profile-cache';

/** What was read of an image's sidecar, as far as a profile cares. */
export type SidecarAsRead = { state: 'ok'; sidecar: Sidecar } | { state: 'missing' } | { state: 'invalid' };

/** The plain values a profile checks: the sidecar's, or the defaults when there is none. */
export function sidecarValues(read: SidecarAsRead): Record<string, unknown> | null {
  if (read.state === 'ok') return read.sidecar.plain();
  return read.state === 'missing' ? defaultSidecar() : null;
}

/**
 * The problems the profile in force finds with an image's sidecar: a valid one as stored, a
 * missing one as the defaults a new one would hold. None without a usable profile, and none
 * for an invalid sidecar (its own problems come first).
 */
export function profileProblemsOf(read: SidecarAsRead, loaded: LoadedProfile | null): ProfileProblem[] {
  const compiled = loaded?.profile.compiled ?? null;
  const values = compiled === null ? null : sidecarValues(read);
  return compiled === null || values === null ? [] : applyProfile(compiled, values);
}
