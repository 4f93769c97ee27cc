import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  readCookie,
  tokenCookieName,
  type GuardedRequest,
} from '../../../../electron/server/request-guard';

const CONFIG = { port: 4321, token: 'k3y-0f-thirty-two-random-bytes_base64url' };
const GOOD: GuardedRequest = {
  host: '127.0.0.1:4321',
  origin: undefined,
  headerToken: CONFIG.token,
  queryToken: null,
  cookie: undefined,
};

describe('checkRequest', () => {
  it('accepts the token from the header, the query or the cookie, on either local host name', () => {
    expect(checkRequest(GOOD, CONFIG)).toEqual({ ok: true, tokenFromQuery: false });
    expect(
      checkRequest({ ...GOOD, host: 'localhost:4321', headerToken: undefined, queryToken: CONFIG.token }, CONFIG),
    ).toEqual({
      ok: true,
      tokenFromQuery: true,
    });
    const cookie = `theme=dark; ${tokenCookieName(4321)}=${CONFIG.token}`;
    expect(checkRequest({ ...GOOD, headerToken: undefined, cookie }, CONFIG)).toEqual({
      ok: true,
      tokenFromQuery: false,
    });
  });

  it('refuses a request without a token or with a wrong one', () => {
    expect(checkRequest({ ...GOOD, headerToken: undefined }, CONFIG).ok).toBe(false);
    expect(checkRequest({ ...GOOD, headerToken: 'guess' }, CONFIG).ok).toBe(false);
    expect(checkRequest({ ...GOOD, headerToken: `${CONFIG.token}x` }, CONFIG).ok).toBe(false);
    const otherPortCookie = `${tokenCookieName(1234)}=${CONFIG.token}`;
    expect(checkRequest({ ...GOOD, headerToken: undefined, cookie: otherPortCookie }, CONFIG).ok).toBe(false);
  });

  it.each([undefined, 'evil.example:4321', '127.0.0.1:9999', '127.0.0.1', 'rebind.attacker.com'])(
    'refuses a foreign Host even with the token: %s',
    (host) => {
      expect(checkRequest({ ...GOOD, host }, CONFIG)).toEqual({ ok: false, reason: 'Forbidden: unknown Host.' });
    },
  );

  it.each(['https://evil.example', 'http://localhost:4321', 'http://127.0.0.1:9999', 'null'])(
    'refuses a foreign Origin even with the token: %s',
    (origin) => {
      expect(checkRequest({ ...GOOD, origin }, CONFIG)).toEqual({
        ok: false,
        reason: 'Forbidden: cross-origin request.',
      });
    },
  );

  it('accepts the same origin', () => {
    expect(checkRequest({ ...GOOD, origin: 'http://127.0.0.1:4321' }, CONFIG).ok).toBe(true);
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; b=2;c=3', 'b')).toBe('2');
    expect(readCookie('a=1', 'b')).toBeNull();
    expect(readCookie(undefined, 'b')).toBeNull();
  });
});
