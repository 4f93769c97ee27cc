import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { createTerminalIo, type MaybeTerminal } from '../../../../electron/cli/terminal-io';
import { labCopyPerTest } from '../services/folder/lab-folder';

const ERASE = '\r\x1b[K';

/** Two fake streams writing into one log, in the order a shared terminal would show them. */
function terminal(stdoutIsTTY: boolean, stderrIsTTY: boolean) {
  const log: { stream: 'out' | 'err'; text: string }[] = [];
  const stream = (name: 'out' | 'err', isTTY: boolean): MaybeTerminal =>
    Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          log.push({ stream: name, text: chunk.toString() });
          done();
        },
      }),
      { isTTY },
    );
  const text = (name: 'out' | 'err') =>
    log
      .filter((l) => l.stream === name)
      .map((l) => l.text)
      .join('');
  return { out: stream('out', stdoutIsTTY), err: stream('err', stderrIsTTY), log, text };
}

describe('createTerminalIo', () => {
  it('draws progress only when stderr is a terminal', () => {
    expect(createTerminalIo(terminal(false, true).out, terminal(false, true).err, '/').showProgress).toBe(true);
    expect(createTerminalIo(terminal(true, true).out, terminal(true, true).err, '/').showProgress).toBe(true);
    expect(createTerminalIo(terminal(true, false).out, terminal(true, false).err, '/').showProgress).toBe(false);
  });

  it('erases the progress line before a stderr line, and before stdout when that is the same terminal', async () => {
    const t = terminal(true, true);
    const io = createTerminalIo(t.out, t.err, '/');
    io.progress('scanned 3 images');
    await io.out.line('a.tif');
    await io.out.flush();
    io.progress('scanned 4 images');
    io.err('oops');
    expect(t.log).toEqual([
      { stream: 'err', text: `${ERASE}scanned 3 images` },
      { stream: 'err', text: ERASE },
      { stream: 'out', text: 'a.tif\n' },
      { stream: 'err', text: `${ERASE}scanned 4 images` },
      { stream: 'err', text: ERASE },
      { stream: 'err', text: 'oops\n' },
    ]);
  });

  it('escapes controls in every line to stdout and stderr, and in the progress line', async () => {
    const t = terminal(false, true);
    const io = createTerminalIo(t.out, t.err, '/');
    io.progress('reading \u202eexe.tif');
    io.err('a\u2066b\nc\u001b[2J');
    await io.out.line('x\u202ey');
    await io.out.write('{"a": "\u0085"}\n');
    await io.out.flush();
    expect(t.text('out')).toBe('x\\u202ey\n{"a": "\\u0085"}\n');
    expect(t.text('err')).toBe(`${ERASE}reading \\u202eexe.tif${ERASE}a\\u2066b\nc\\x1b[2J\n`);
  });

  it('leaves a piped stdout alone', async () => {
    const t = terminal(false, true);
    const io = createTerminalIo(t.out, t.err, '/');
    io.progress('checked 1 images');
    await io.out.line('x');
    await io.out.flush();
    expect(t.text('out')).toBe('x\n');
    expect(t.text('err')).toBe(`${ERASE}checked 1 images`);
  });
});

describe('progress of a command', () => {
  const copy = labCopyPerTest();

  it('goes to stderr when it is a terminal, and is erased before the summary', async () => {
    const t = terminal(false, true);
    expect(await runCli(['validate', 'lab'], createTerminalIo(t.out, t.err, copy.base))).toBe(1);
    // redrawn at most ten times a second: a slow run draws more counts, each over the last
    const err = t.text('err');
    expect(err.startsWith(`${ERASE}checked 1 images`)).toBe(true);
    expect(err.endsWith(`${ERASE}4 sidecars checked, 2 with problems\n`)).toBe(true);
    const counts = err.slice(0, -`${ERASE}4 sidecars checked, 2 with problems\n`.length).split(ERASE).slice(1);
    expect(counts.every((line) => /^checked [1-4] images$/.test(line))).toBe(true);
    expect(t.text('out')).not.toContain('\r');
  });

  it('is not drawn when stderr is not a terminal', async () => {
    const t = terminal(false, false);
    expect(await runCli(['validate', 'lab'], createTerminalIo(t.out, t.err, copy.base))).toBe(1);
    expect(t.text('err')).toBe('4 sidecars checked, 2 with problems\n');
  });
});
