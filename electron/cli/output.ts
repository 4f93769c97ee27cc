/**
 * Buffered line output for the command line: few large writes, honouring back-pressure. Every
 * line of text leaves through it with its control characters escaped; binary data as it is.
 */
import type { Writable } from 'node:stream';

/** Lines to one stream. */
export interface LineOutput {
  /** Queues one line (a newline is added), {@link printable}; resolves once the stream can take more. */
  line(text: string): Promise<void>;
  /** Queues text, {@link printable} but for its line breaks. */
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
    // every line and text printed leaves here: escaped once for all commands
    line: (text) => queue(`${printableLines(text)}\n`),
    write: (text) => queue(printableLines(text)),
    flush: write,
    async bytes(data) {
      await write();
      await send(data);
    },
    isTerminal: terminal.isTTY === true,
    columns: terminal.isTTY === true && typeof terminal.columns === 'number' ? terminal.columns : null,
  };
}

/** C0 control characters: never raw in JSON (JSON.stringify escapes them), shown as `\x1b`. */
// eslint-disable-next-line no-control-regex -- these characters are what is escaped
const C0 = /[\u0000-\u001f]/g;
const NAMED_CONTROLS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * DEL, C1 controls, the bidirectional controls (which reorder what a line shows: a name holding
 * U+202E reads backwards) and the line and paragraph separators. JSON.stringify leaves these raw,
 * so they are shown as JSON's own escape (`\u202e`): a `--json` line stays JSON, with the same values.
 */
const INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from files (names, sidecar values, journal records) made safe to print on a terminal:
 * each control character is shown escaped (`\x1b`, `\r`, `\u009b`, `\u202e`), so no file can
 * move the cursor, clear the screen, retitle the window or reorder what a line shows; plain text
 * is unchanged.
 */
export function printable(text: string): string {
  return text
    .replace(C0, (c) => NAMED_CONTROLS[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` made {@link printable} line by line: its line breaks are kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
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
