/**
 * The main thread's side of the write worker (see `write-worker.ts`): one worker per process,
 * started with the first request. Requests made in one turn of the event loop go in one message.
 * While it has work the worker keeps the process alive; idle, it does not. A command that writes
 * a few files one after another has them done on its own thread instead ({@link writeOnThisThread}).
 */
import { Worker } from 'node:worker_threads';
import { sidecarStepsFor } from './sidecar-path';
import type { ErrorCode, SidecarVersion } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { findBundledScript } from '../bundled-script';
import type { StampedSnapshot } from './opened-file';
import { turnBatch } from './turn-batch';
import { handleWriteRequests } from './write-requests';
import type {
  CarriedError,
  JournalRequest,
  Look,
  LookRequest,
  ReadRequest,
  RemoveRequest,
  ReplaceRequest,
  WriteReply,
  WriteRequest,
} from './write-worker-protocol';

const WORKER_FILE = 'write-worker.cjs';

type Waiting = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Unsent =
  | Omit<ReadRequest, 'id'>
  | Omit<ReplaceRequest, 'id'>
  | Omit<RemoveRequest, 'id'>
  | Omit<LookRequest, 'id'>
  | Omit<JournalRequest, 'id'>;

/** What requests are sent to: the worker thread, or this thread (see {@link writeOnThisThread}). */
type Writer = Pick<Worker, 'postMessage' | 'ref' | 'unref'>;

let worker: Writer | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 1;

/** Queues a request; the requests of one turn of the event loop go to the worker in one message. */
const enqueue = turnBatch<WriteRequest>((requests, moved) => {
  let target: Writer;
  try {
    target = started();
  } catch (error) {
    stopped(error instanceof Error ? error.message : String(error));
    return;
  }
  target.ref();
  target.postMessage(requests, moved);
});

/**
 * Reads a sidecar before its write: null when there is none. With `noFollow`, a symbolic link
 * is answered with `'link'` (where the platform cannot tell, it is followed). Fails as the
 * disk fails (errno codes kept), or with `ApiFailure('IO')` for what is not a sidecar.
 */
export function readInWorker(
  file: string,
  name: string,
  imagePath: string,
  noFollow: boolean,
): Promise<StampedSnapshot | 'link' | null> {
  return send({ type: 'read', file, name, imagePath, noFollow }) as Promise<StampedSnapshot | 'link' | null>;
}

/**
 * Writes `bytes` to the new file `temp` (with `mode`, null: the default), syncs it and renames
 * it over `target` if `target` still holds the bytes of `found`; resolves with the version on
 * disk after the rename. Fails with `CONFLICT` when another program changed `target` just
 * before or just after the rename. On failure the temp file is gone. Bytes that have their
 * buffer to themselves are handed over, not copied: do not use them after.
 */
export function replaceInWorker(replace: Omit<ReplaceRequest, 'type' | 'id'>): Promise<SidecarVersion> {
  const { bytes } = replace;
  // A view into a larger or shared buffer (a pooled Buffer) is copied.
  const own =
    bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return send(
    { type: 'replace', ...replace },
    own ? (bytes.buffer as ArrayBuffer) : undefined,
  ) as Promise<SidecarVersion>;
}

/**
 * Removes `target` if it still holds the bytes of `found`, after syncing its journal record;
 * fails with `CONFLICT` when another program changed it (nothing removed, the record cancelled).
 */
export function removeInWorker(remove: Omit<RemoveRequest, 'type' | 'id'>): Promise<void> {
  return send({ type: 'remove', ...remove }) as Promise<void>;
}

/** Appends whole lines to this process's journal file in `dir` (shared with its saves); resolves once they are synced. */
export function appendJournalInWorker(dir: string, text: string): Promise<void> {
  return send({ type: 'journal', dir, text }) as Promise<void>;
}

/** `lstat`s an image and each step to its sidecar (blocking calls on the worker's thread, one message for all). */
export function lookInWorker(image: string): Promise<Look> {
  return send({ type: 'look', image, sidecarSteps: sidecarStepsFor(image) }) as Promise<Look>;
}

/**
 * Starts the worker ahead of its first request, so that the request does not wait for its
 * start-up (about 35 ms). Idle, it does not keep the process alive.
 */
export function startWriteWorker(): void {
  try {
    const created = started();
    if (waiting.size === 0) created.unref();
  } catch {
    // the first request starts it again and says why it cannot
  }
}

function send(request: Unsent, transfer?: ArrayBuffer): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    enqueue({ ...request, id } as WriteRequest, transfer);
  });
}

/**
 * Has this process's writes done on its own thread from now on, never starting the worker: for
 * a command that writes a few files one after another, whose writes take less time than the
 * worker's start-up (tens of ms of CPU). Call before the first request.
 */
export function writeOnThisThread(): void {
  if (worker !== null) return;
  const answer = turnBatch<WriteReply>((replies) => {
    for (const reply of replies) settle(reply);
  });
  // No thread to keep alive or let go: the writes' own calls keep the process running.
  worker = {
    postMessage: (requests: WriteRequest[]) => handleWriteRequests(requests, answer),
    ref: () => undefined,
    unref: () => undefined,
  };
}

function started(): Writer {
  if (worker !== null) return worker;
  const created = new Worker(findBundledScript(WORKER_FILE));
  created.on('message', (replies: WriteReply[]) => {
    for (const reply of replies) settle(reply);
    if (waiting.size === 0 && worker === created) created.unref();
  });
  created.on('error', (error: Error) => stopped(error.message, created));
  created.on('exit', (code) => stopped(`exit code ${code}`, created));
  worker = created;
  return created;
}

function settle(reply: WriteReply): void {
  const entry = waiting.get(reply.id);
  if (entry === undefined) return;
  waiting.delete(reply.id);
  if (reply.ok) entry.resolve(reply.value);
  else entry.reject(rebuilt(reply.error));
}

/** The worker is gone (or could not start): everything waiting fails; the next request starts a new one. */
function stopped(reason: string, which: Writer | null = null): void {
  if (which !== null && worker !== which) return;
  worker = null;
  const failed = [...waiting.values()];
  waiting.clear();
  for (const entry of failed) entry.reject(new Error(`the write worker stopped: ${reason}`));
}

function rebuilt(error: CarriedError): Error {
  if (error.api === true) return new ApiFailure(error.code as ErrorCode, error.message, error.path);
  return Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code });
}
