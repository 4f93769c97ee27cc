import { describe, expect, it } from 'vitest';
import {
  decideWindowOpen,
  externalHttpsUrl,
  isNavigationAllowed,
} from '../../../../../electron/main/security/navigation-guard';

describe('isNavigationAllowed', () => {
  it('allows the app pages', () => {
    expect(isNavigationAllowed('app://acqmeta/index.html')).toBe(true);
    expect(isNavigationAllowed('app://acqmeta/index.html#/image/a.tif')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/?token=x',
    'http://localhost/',
    'file:///etc/passwd',
    'file:///work/main/dist/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'app://acqmeta.evil.com/index.html',
    'app://user:pass@acqmeta/index.html',
    'about:blank',
    'chrome://settings',
    'not a url',
    '',
  ])('should block malicious URLs: %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window and sends https links to the system browser', () => {
    expect(decideWindowOpen('https://www.openmicroscopy.org/ome-files/')).toEqual({
      action: 'deny',
      openExternally: 'https://www.openmicroscopy.org/ome-files/',
    });
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'app://acqmeta/index.html',
    'https://user:secret@example.com/',
    'https:',
    'smb://server/share',
    'not a url',
  ])('should block malicious URLs without opening anything: %s', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
  });

  it('hands the browser the parsed URL, not the raw string', () => {
    expect(externalHttpsUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});
