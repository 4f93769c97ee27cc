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
  /** Writes what is queued, then binary data as it is (an XLSX workbook). */
  bytes(data: Uint8Array): Promise<void>;
  /** Whether the stream is a terminal (binary output is refused there). */
  isTerminal: boolean;
  /** The terminal's width in columns; null when the stream is not a terminal (a pipe, a file). */
  columns: number | null;
}

const CHUNK = 64 * 1024;

/** Wraps a stream; output is written in chunks of about 64 KiB, each after `beforeWrite`. */
export function createLineOutput(stream: Writable, beforeWrite?: () => void): LineOutput {
  const terminal = stream as Writable & { isTTY?: boolean; columns?: number };
  let pending: string[] = [];
  let size = 0;
  const send = async (data: string | Uint8Array): Promise<void> => {
    beforeWrite?.();
    if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const write = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    await send(text);
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
    async bytes(data) {
      await write();
      await send(data);
    },
    isTerminal: terminal.isTTY === true,
    columns: terminal.isTTY === true && typeof terminal.columns === 'number' ? terminal.columns : null,
  };
}

/** Control characters (C0, DEL, C1) and how each is shown when escaped. */
// eslint-disable-next-line no-control-regex -- these characters are what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED_CONTROLS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from files (names, sidecar values, journal records) made safe to print on a terminal:
 * each control character is shown escaped (`\x1b`, `\r`), so no file can move the cursor,
 * clear the screen or retitle the window; plain text is unchanged.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED_CONTROLS[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
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
