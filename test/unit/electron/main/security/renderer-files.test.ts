import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from '../../../../../electron/main/security/renderer-files';

const ROOT = path.resolve('/srv/dist/renderer');

describe('resolveRendererFile', () => {
  it('maps / to index.html and paths to files inside the folder', () => {
    expect(resolveRendererFile(ROOT, '/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererFile(ROOT, '/assets/index-abc.js')).toBe(path.join(ROOT, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(ROOT, '/assets/a%20b.css')).toBe(path.join(ROOT, 'assets', 'a b.css'));
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/assets%5c..%5c..%5cpackage.json',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/./index.html',
    'index.html',
  ])('refuses %s', (pathname) => {
    expect(resolveRendererFile(ROOT, pathname)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer uses', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
