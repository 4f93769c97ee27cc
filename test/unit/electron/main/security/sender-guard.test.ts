import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../../electron/main/security/sender-guard';

describe('isTrustedSender', () => {
  it('accepts the app page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://acqmeta/index.html', parent: null })).toBe(true);
  });

  it('rejects a subframe, even of the app origin', () => {
    const top = { url: 'app://acqmeta/index.html', parent: null };
    expect(isTrustedSender({ url: 'app://acqmeta/index.html', parent: top })).toBe(false);
  });

  it.each([
    'https://example.com/',
    'file:///work/main/dist/renderer/index.html',
    'app://other/index.html',
    'about:blank',
    '',
  ])('rejects a top frame of a foreign origin: %s', (url) => {
    expect(isTrustedSender({ url, parent: null })).toBe(false);
  });

  it('rejects a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
