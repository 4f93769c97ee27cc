import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../../../build/scripts/generate-artifacts';

const root = new URL('../../../../', import.meta.url);

describe('the generated meta-schema validator of profiles', () => {
  it.each(['shared/profile/generated/meta-validator.js', 'shared/profile/generated/meta-validator.d.ts'])(
    '%s is up to date (regenerate with `node build/scripts/generate.mjs`)',
    (path) => {
      const artifact = generateArtifacts().find((a) => a.path === path);
      expect(artifact).toBeDefined();
      expect(readFileSync(new URL(path, root), 'utf8')).toBe(artifact?.content);
    },
  );

  it('needs no runtime module', () => {
    expect(readFileSync(new URL('shared/profile/generated/meta-validator.js', root), 'utf8')).not.toMatch(
      /\brequire\(/,
    );
  });
});
