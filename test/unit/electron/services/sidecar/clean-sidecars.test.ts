import { describe, expect, it } from 'vitest';
import { noteValueProblems, problemsAfterEdit } from '../../../../../electron/services/sidecar/clean-sidecars';
import { editSidecar, parseSidecar, type Sidecar } from '../../../../../shared/sidecar';
import { fixtureText } from '../../../shared/sidecar/fixture-text';

function sidecarOf(text: string): Sidecar {
  const parsed = parseSidecar(text);
  if (!parsed.ok) throw new Error('invalid fixture');
  return parsed.sidecar;
}

describe('problemsAfterEdit', () => {
  const stored = sidecarOf(fixtureText('canonical.tif.json').replace('"branch_order": 3', '"branch_order": 2.5'));
  const edited = editSidecar(stored, { species: 'rat' });

  it('validates an edit of a file not known to be clean', () => {
    expect(problemsAfterEdit('unknown-sha', edited, 'edited-sha-1')).toEqual(['Branch order: must be a whole number (got 2.5)']);
    expect(problemsAfterEdit(null, edited, 'edited-sha-2')).toEqual(['Branch order: must be a whole number (got 2.5)']);
  });

  it('trusts a file known to be clean (field edits cannot make it unclean), and learns the result', () => {
    noteValueProblems('clean-sha', []);
    expect(problemsAfterEdit('clean-sha', edited, 'edited-sha-3')).toEqual([]);
    expect(problemsAfterEdit('edited-sha-3', edited, 'edited-sha-4')).toEqual([]);
  });

  it('never takes a file with problems for a clean one', () => {
    noteValueProblems('unclean-sha', ['Branch order: must be a whole number (got 2.5)']);
    expect(problemsAfterEdit('unclean-sha', edited, 'edited-sha-5')).toEqual(['Branch order: must be a whole number (got 2.5)']);
  });
});
