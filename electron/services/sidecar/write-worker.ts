/**
 * Entry point of the write worker thread (bundled to dist/electron/write-worker.cjs): does the
 * disk work of the save path (`write-requests.ts`) off the main thread, which keeps the
 * parsing, the edits, the locks and the temp-file registry.
 */
import { parentPort } from 'node:worker_threads';
import { turnBatch } from './turn-batch';
import { handleWriteRequests } from './write-requests';
import type { WriteReply, WriteRequest } from './write-worker-protocol';

if (parentPort === null) throw new Error('write-worker must run as a worker thread');
const port = parentPort;

/** Queues an answer; the answers of one turn of the event loop go back in one message. */
const answer = turnBatch<WriteReply>((replies, moved) => port.postMessage(replies, moved));

port.on('message', (requests: WriteRequest[]) => handleWriteRequests(requests, answer));
