// Loaded into browser mode's server by the first-rows benchmark (NODE_OPTIONS=--require): writes
// to $BENCH_SERVE_LOG, as JSON lines with the wall clock in ms (performance.timeOrigin + now, the
// clock the page's own times are on), when the server process started, when it answered
// `getSession` and when it wrote the first `scan-rows` event. Each is written once, so the
// server does no more than a few small writes for it.
'use strict';
const { appendFileSync } = require('node:fs');
const http = require('node:http');

const log = process.env.BENCH_SERVE_LOG;
const logged = new Set();

/** Writes `name` with the time now, the first time only. */
function note(name) {
  if (logged.has(name)) return;
  logged.add(name);
  appendFileSync(
    log,
    `${JSON.stringify({ name, pid: process.pid, at: performance.timeOrigin + performance.now() })}\n`,
  );
}

if (log) {
  appendFileSync(log, `${JSON.stringify({ name: 'process-start', pid: process.pid, at: performance.timeOrigin })}\n`);
  const { write, end } = http.ServerResponse.prototype;
  http.ServerResponse.prototype.write = function (chunk, ...rest) {
    if (typeof chunk === 'string' && chunk.startsWith('data: {"type":"scan-rows"')) note('first-scan-rows-sent');
    return write.call(this, chunk, ...rest);
  };
  http.ServerResponse.prototype.end = function (...args) {
    if (this.req?.url?.startsWith('/api/getSession')) note('getSession-answered');
    return end.apply(this, args);
  };
}
