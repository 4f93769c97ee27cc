import { describe, expect, it } from 'vitest';
import type { ProfileInfo } from '../../../../shared/api';
import { profileSummary } from '../../../../renderer/src/profile/profile-summary';
import { makeProfile } from '../store/fake-client';

const profile = (source: string, folder: string, extra: Partial<ProfileInfo> = {}): ProfileInfo =>
  makeProfile(source, folder, { title: 'Vascular imaging lab', ...extra });

describe('profileSummary', () => {
  it('names the profile in force and where its file is', () => {
    expect(profileSummary([profile('acqmeta.profile.json', '')])).toEqual({
      label: 'Vascular imaging lab',
      title:
        'Lab profile in force: acqmeta.profile.json (Vascular imaging lab), in the folder opened\nOpen the Completeness view.',
      tone: 'ok',
    });
    expect(profileSummary([profile('/data/lab/acqmeta.profile.json', '/data/lab', { title: null })]).title).toContain(
      '/data/lab/acqmeta.profile.json, in a parent of the folder opened',
    );
  });

  it('says when subfolders have profiles of their own, and when a file cannot be used', () => {
    const two = profileSummary([
      profile('acqmeta.profile.json', ''),
      profile('day2/acqmeta.profile.json', 'day2', { title: 'Day 2', applied: false }),
    ]);
    expect(two.label).toBe('2 lab profiles');
    expect(two.tone).toBe('broken');
    expect(two.title).toContain('day2/acqmeta.profile.json (Day 2), for the images under day2/: cannot be used');
    expect(profileSummary([profile('acqmeta.profile.json', '', { applied: false })])).toMatchObject({
      label: 'Profile cannot be used',
      tone: 'broken',
    });
  });

  it('offers the Completeness view without a profile', () => {
    expect(profileSummary([])).toMatchObject({ label: null, tone: 'none' });
    expect(profileSummary(null)).toMatchObject({ label: null, tone: 'none' });
  });
});
