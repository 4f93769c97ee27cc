import { describe, expect, it } from 'vitest';
import { noteValueProblems, valueProblemsAfterEdit } from '../../../../../electron/services/sidecar/clean-sidecars';
import { editSidecar, parseSidecar, type Sidecar } from '../../../../../shared/sidecar';
import { fixtureText } from '../../../shared/sidecar/fixture-text';

function sidecarOf(text: string): Sidecar {
  const parsed = parseSidecar(text);
  if (!parsed.ok) throw new Error('invalid fixture');
  return parsed.sidecar;
}

describe('valueProblemsAfterEdit', () => {
  const stored = sidecarOf(fixtureText('canonical.tif.json').replace('"branch_order": 3', '"branch_order": 2.5'));
  const edited = editSidecar(stored, { species: 'rat' });

  it('validates an edit of a file not known to be clean', () => {
    expect(valueProblemsAfterEdit('unknown-sha', edited)).toEqual(['Branch order: must be a whole number (got 2.5)']);
    expect(valueProblemsAfterEdit(null, edited)).toEqual(['Branch order: must be a whole number (got 2.5)']);
  });

  it('trusts a file known to be clean (field edits cannot make it unclean), and learns the result', () => {
    noteValueProblems('clean-sha', []);
    const problems = valueProblemsAfterEdit('clean-sha', edited);
    expect(problems).toEqual([]);
    noteValueProblems('edited-sha-3', problems);
    expect(valueProblemsAfterEdit('edited-sha-3', edited)).toEqual([]);
  });

  it('never takes a file with problems for a clean one', () => {
    noteValueProblems('unclean-sha', ['Branch order: must be a whole number (got 2.5)']);
    expect(valueProblemsAfterEdit('unclean-sha', edited)).toEqual(['Branch order: must be a whole number (got 2.5)']);
  });
});
