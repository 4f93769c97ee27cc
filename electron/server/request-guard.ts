/**
 * Who may talk to the browser-mode server: requests to our own host and port, from our own
 * origin, carrying the token printed at start-up.
 *
 * The token arrives as `?token=` on the first page load (which then sets a cookie), as the
 * `X-AcqMeta-Token` header on API calls, or as that cookie. The Host check defeats DNS
 * rebinding; the Origin check refuses cross-site requests even when the token leaked into a
 * cookie. Kept free of `http` so each rule is tested on its own.
 */
import { timingSafeEqual } from 'node:crypto';

/** The parts of a request the guard reads. */
export interface GuardedRequest {
  host: string | undefined;
  origin: string | undefined;
  /** `X-AcqMeta-Token` header. */
  headerToken: string | undefined;
  /** `token` query parameter. */
  queryToken: string | null;
  /** Raw `Cookie` header. */
  cookie: string | undefined;
}

/** The server's own identity. */
export interface GuardConfig {
  port: number;
  token: string;
}

/** The guard's verdict; `tokenFromQuery` tells the server to set the cookie. */
export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; reason: string };

/** The name of the token cookie; it carries the port because cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `acqmeta_token_${port}`;
}

/** The hosts a browser sends for this server. */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Checks a request's host, origin and token, in that order. */
export function checkRequest(request: GuardedRequest, config: GuardConfig): GuardVerdict {
  const host = request.host?.toLowerCase();
  if (host === undefined || !allowedHosts(config.port).includes(host)) {
    return { ok: false, reason: 'Forbidden: unknown Host.' };
  }
  if (request.origin !== undefined && request.origin !== `http://${host}`) {
    return { ok: false, reason: 'Forbidden: cross-origin request.' };
  }
  if (request.headerToken !== undefined && tokensEqual(request.headerToken, config.token)) {
    return { ok: true, tokenFromQuery: false };
  }
  if (request.queryToken !== null && tokensEqual(request.queryToken, config.token)) {
    return { ok: true, tokenFromQuery: true };
  }
  const cookie = readCookie(request.cookie, tokenCookieName(config.port));
  if (cookie !== null && tokensEqual(cookie, config.token)) return { ok: true, tokenFromQuery: false };
  return { ok: false, reason: 'Forbidden: open the link AcqMeta printed, including its token.' };
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Compares two tokens in constant time. */
function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
