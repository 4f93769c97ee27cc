import { describe, expect, it } from 'vitest';
import type { ApiRequest, FolderLayoutCheck, ProfileInfo, ProfileTarget } from '../../../../shared/api';
import { makeProfile, storeWithRows } from '../store/fake-client';

/** A profile in `folder` ('' the folder opened; an absolute source: a parent) naming `target`. */
const profile = (source: string, folder: string, target?: ProfileTarget): ProfileInfo =>
  makeProfile(source, folder, target === undefined ? {} : { target });

const HISTOLOGY: ProfileTarget = { name: 'hubmap:histology', layout: 'hubmap:histology-v2.3', format: null };
const HTAN: ProfileTarget = { name: 'htan:imaging-level-2', layout: null, format: 'htan:imaging-level-2' };

/** A store whose backend answers every layout check and records the targets asked for. */
function checkedStore(profiles: ProfileInfo[]) {
  const { store, backend } = storeWithRows([]);
  const asked: (string | undefined)[] = [];
  backend.client.checkFolderLayout = (request: ApiRequest<'checkFolderLayout'>) => {
    asked.push(request.target);
    const check: FolderLayoutCheck = {
      targets: [],
      target: request.target ?? null,
      paths: 0,
      checklist: [],
      notAllowed: [],
      leftOut: [],
    };
    return Promise.resolve({ ok: true, payload: check });
  };
  store.setState({ profiles });
  return { store, asked };
}

describe('the Submission check opens on', () => {
  it("the target of the folder's own profile, over the one chosen last", async () => {
    const { store, asked } = checkedStore([
      profile('sub/acqmeta.profile.json', 'sub'),
      profile('acqmeta.profile.json', '', HISTOLOGY),
    ]);
    await store.getState().checkLayout('hubmap:lightsheet');
    await store.getState().openLayoutCheck();
    expect(asked).toEqual(['hubmap:lightsheet', 'hubmap:histology']);
  });

  it("a parent's profile target when the folder has none of its own", async () => {
    const { store, asked } = checkedStore([profile('/share/acqmeta.profile.json', '/share', HISTOLOGY)]);
    await store.getState().openLayoutCheck();
    expect(asked).toEqual(['hubmap:histology']);
  });

  it('hubmap:confocal, then the one chosen last, when the target has no layout or no profile names one', async () => {
    const { store, asked } = checkedStore([profile('acqmeta.profile.json', '', HTAN)]);
    await store.getState().openLayoutCheck();
    await store.getState().checkLayout('hubmap:imc-2d');
    store.setState({ profiles: [profile('sub/acqmeta.profile.json', 'sub', HISTOLOGY)] });
    await store.getState().openLayoutCheck();
    expect(asked).toEqual(['hubmap:confocal', 'hubmap:imc-2d', 'hubmap:imc-2d']);
  });
});

describe("Completeness's target metadata is read for", () => {
  it("the profile's target (the backend finds it), else the one chosen in the Submission check, else none", async () => {
    const { store, backend } = storeWithRows([]);
    const asked: (string | undefined)[] = [];
    backend.client.checkSubmissionMetadata = (request) => {
      asked.push(request.target);
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not read here' } });
    };
    await store.getState().loadTargetMetadata();
    expect(store.getState().targetMetadata).toBeNull();
    store.setState({ layoutTarget: 'hubmap:lightsheet' });
    await store.getState().loadTargetMetadata();
    expect(store.getState().targetMetadata).toEqual({
      asked: 'hubmap:lightsheet',
      check: null,
      failure: 'not read here',
    });
    store.setState({ profiles: [profile('acqmeta.profile.json', '', HISTOLOGY)] });
    await store.getState().loadTargetMetadata();
    expect(asked).toEqual(['hubmap:lightsheet', undefined]);
  });
});
