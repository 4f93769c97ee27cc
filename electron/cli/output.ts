/**
 * Buffered line output for the command line: few large writes, honouring back-pressure.
 */
import type { Writable } from 'node:stream';

/** Lines to one stream. */
export interface LineOutput {
  /** Queues one line (a newline is added); resolves once the stream can take more. */
  line(text: string): Promise<void>;
  /** Queues text as it is. */
  write(text: string): Promise<void>;
  /** Writes whatever is queued and waits until the stream has taken it. */
  flush(): Promise<void>;
}

const CHUNK = 64 * 1024;

/** Wraps a stream; output is written in chunks of about 64 KiB, each after `beforeWrite`. */
export function createLineOutput(stream: Writable, beforeWrite?: () => void): LineOutput {
  let pending: string[] = [];
  let size = 0;
  const write = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    beforeWrite?.();
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const queue = async (text: string): Promise<void> => {
    pending.push(text);
    size += text.length;
    if (size >= CHUNK) await write();
  };
  return {
    line: (text) => queue(`${text}\n`),
    write: queue,
    flush: write,
  };
}

/**
 * Ends the process quietly when the reader of stdout goes away (`acqmeta scan x | head`).
 */
export function exitOnBrokenPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
