/**
 * The Content-Security-Policy of the renderer, sent as a response header by both front doors
 * (the `app://` protocol in Electron and the browser-mode server).
 *
 * It must equal the `<meta http-equiv="Content-Security-Policy">` of renderer/index.html (a unit
 * test compares them). No `'unsafe-eval'` and no inline scripts: ajv validators are compiled at
 * build time.
 */

/** The policy shared by the meta tag and the header. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

/** The header value: the meta policy plus `frame-ancestors 'none'`, which only a header can carry. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
