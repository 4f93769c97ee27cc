import { describe, expect, it } from 'vitest';
import type { ApiResult, SubmissionExport } from '../../../../shared/api';
import { createAppStore } from '../../../../renderer/src/app-store';
import { formatOfTarget } from '../../../../renderer/src/submission/submission-export-slice';
import { fakeBackend } from '../store/fake-client';

const answer = (format: string): ApiResult<SubmissionExport> => ({
  ok: true,
  payload: { format, files: [], imageCount: 1, unreadable: [], requiredMissing: false },
});

/** A store whose backend answers each `exportSubmission` when the test says so. */
function setup() {
  const backend = fakeBackend([]);
  const pending: { format: string; answer: (result: ApiResult<SubmissionExport>) => void }[] = [];
  backend.client.exportSubmission = ({ format }) => new Promise((resolve) => pending.push({ format, answer: resolve }));
  return { store: createAppStore(backend.client), pending };
}

describe('the submission export slice', () => {
  it('names the format of a Submission check target, its version set aside', () => {
    expect(formatOfTarget('hubmap:confocal-v2.3')).toBe('hubmap:confocal');
    expect(formatOfTarget('hubmap:imc-2d')).toBe('hubmap:imc-2d');
    expect(formatOfTarget('hubmap:histology-v2.0')).toBe('hubmap:histology');
    // an assay with a directory schema but no metadata template bundled
    expect(formatOfTarget('hubmap:codex-v2.0')).toBe(null);
  });

  it('opens on the check target’s format, else on the format chosen last', async () => {
    const { store, pending } = setup();
    void store.getState().openSubmissionExport('hubmap:imc-2d-v2.3');
    expect(store.getState().submissionExport).toEqual({ format: 'hubmap:imc-2d', draft: null, failure: null });
    pending[0]?.answer(answer('hubmap:imc-2d'));
    await Promise.resolve();
    expect(store.getState().submissionExport?.draft?.format).toBe('hubmap:imc-2d');
    store.getState().closeSubmissionExport();
    void store.getState().openSubmissionExport('hubmap:codex');
    expect(store.getState().submissionExport?.format).toBe('hubmap:imc-2d');
    void store.getState().draftSubmissionExport('htan:imaging-level-2');
    store.getState().closeSubmissionExport();
    void store.getState().openSubmissionExport();
    expect(store.getState().submissionExport?.format).toBe('htan:imaging-level-2');
  });

  it('shows only the draft of the format chosen, and says why a draft failed', async () => {
    const { store, pending } = setup();
    void store.getState().draftSubmissionExport('hubmap:confocal');
    void store.getState().draftSubmissionExport('htan:imaging-level-2');
    pending[0]?.answer(answer('hubmap:confocal'));
    await Promise.resolve();
    expect(store.getState().submissionExport).toEqual({ format: 'htan:imaging-level-2', draft: null, failure: null });
    pending[1]?.answer({ ok: false, error: { code: 'IO', message: 'The disk said no.' } });
    await Promise.resolve();
    expect(store.getState().submissionExport).toEqual({
      format: 'htan:imaging-level-2',
      draft: null,
      failure: 'The disk said no.',
    });
  });
});
