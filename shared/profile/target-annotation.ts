/**
 * `x-target` at a profile's top level: the repository profile a dataset folder is prepared for
 * (`hubmap:confocal`, `htan:imaging-level-2`; see docs/lab-profiles.md). A value that names no
 * target is a problem of the file, and the rest of the profile still applies: a typo in a
 * repository's name does not switch the lab's own rules off.
 */
import { knownTargetNames, resolveTarget, targetShortNames } from '../submission/submission-target';
import { problemAt, type ProfileText } from './profile-text';
import { suggestValue } from './suggest';

/** The targets known, as a problem lists them. */
function knownText(): string {
  return `known: ${targetShortNames().join(', ')}, each hubmap: one also as <name>-v<version>`;
}

/** The problem of a profile's `x-target`, if any: not text, or no target AcqMeta knows. */
export function targetProblems(file: ProfileText, schema: Record<string, unknown>): string[] {
  const value = schema['x-target'];
  if (value === undefined || (typeof value === 'string' && resolveTarget(value) !== null)) return [];
  if (typeof value !== 'string')
    return [
      problemAt(file, '/x-target', `"x-target" must be the name of a target, e.g. "hubmap:confocal"; ${knownText()}`),
    ];
  const meant = suggestValue(value, knownTargetNames());
  const hint = meant === undefined ? '' : ` (did you mean "${meant}"?)`;
  return [
    problemAt(
      file,
      '/x-target',
      `"x-target" ${JSON.stringify(value)} is not a target AcqMeta knows${hint}; ${knownText()}`,
    ),
  ];
}

/** The target a profile names, or null when it names none (or one AcqMeta does not know). */
export function profileTarget(schema: Record<string, unknown>): string | null {
  const value = schema['x-target'];
  return typeof value === 'string' && resolveTarget(value) !== null ? value : null;
}
