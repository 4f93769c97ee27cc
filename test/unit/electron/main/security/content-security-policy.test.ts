import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../../../../../electron/main/security/content-security-policy';

const INDEX_HTML = path.resolve(import.meta.dirname, '../../../../../renderer/index.html');

describe('the Content-Security-Policy', () => {
  it('sent as a header is the one in renderer/index.html', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${meta?.[1]}; frame-ancestors 'none'`);
  });

  it('allows scripts from the app only: no inline code, no eval', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY_HEADER.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toMatch(/unsafe-(eval|inline)/);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
