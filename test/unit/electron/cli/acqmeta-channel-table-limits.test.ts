import { execFileSync } from 'node:child_process';
import { readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_CHANNEL_ROWS, MAX_CHANNEL_TABLE_BYTES } from '../../../../shared/channels/channel-table';
import { cliOnLab } from './cli-on-lab';

const { acqmeta, acqmetaWithin, labPath, basePath } = cliOnLab();
const TOO_LARGE = 'acqmeta.channels.csv is 4.1 MB; a channel table may be at most 4 MB';

/** A sparse table one byte past the size limit: refused when opened, so it is never read. */
async function oversizedTable(at: string): Promise<void> {
  await writeFile(at, '');
  await truncate(at, MAX_CHANNEL_TABLE_BYTES + 1);
}

describe('a channel table past a limit is in force and unreadable, naming the limit', () => {
  it('a file past the size limit: validate, show and scan flag the images, export exits 3 and writes nothing', async () => {
    await oversizedTable(labPath('acqmeta.channels.csv'));
    const validate = await acqmeta('validate', 'lab');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`The channel table acqmeta.channels.csv cannot be read: ${TOO_LARGE}`);
    const show = await acqmeta('show', 'lab/cells/multi-channel.ome.tif');
    expect(show.stdout).toContain(TOO_LARGE);
    const scan = await acqmeta('scan', 'lab', '--json');
    expect(scan.stdout).toContain(TOO_LARGE);
    const exported = await acqmeta('export', 'lab', '--format', 'channels', '-o', 'table.csv');
    expect(exported.code).toBe(3);
    expect(exported.stderr).toContain(`cannot read lab/acqmeta.channels.csv: ${TOO_LARGE}`);
    await expect(readFile(basePath('table.csv'))).rejects.toThrow();
    expect((await stat(labPath('acqmeta.channels.csv'))).size).toBe(MAX_CHANNEL_TABLE_BYTES + 1);
  });

  it('a small file with more rows than a table may have is refused, not checked as 10,001 channels', async () => {
    await writeFile(labPath('acqmeta.channels.csv'), `Channel ID\r\n${'x\r\n'.repeat(MAX_CHANNEL_ROWS + 1)}`);
    const validate = await acqmeta('validate', 'lab');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(
      'The channel table acqmeta.channels.csv cannot be read: acqmeta.channels.csv has more than 10,000 rows below its header',
    );
    expect(validate.stdout).not.toContain('lists 10001 channels');
  });

  it('a link (inside the folder) to a table past the size limit is refused the same way', async () => {
    await oversizedTable(labPath('big.csv'));
    await symlink(labPath('big.csv'), labPath('acqmeta.channels.csv'));
    const validate = await acqmeta('validate', 'lab');
    expect(validate.stdout).toContain(TOO_LARGE);
  });

  it('a FIFO, or a link to one, is refused as not a regular file without waiting for a writer', async () => {
    execFileSync('mkfifo', [labPath('acqmeta.channels.csv')]);
    const fifo = await acqmetaWithin(60_000, 'validate', 'lab');
    expect(fifo.code).toBe(1);
    expect(fifo.stdout).toContain('acqmeta.channels.csv is not a regular file');
    const exported = await acqmetaWithin(60_000, 'export', 'lab', '--format', 'channels');
    expect(exported.code).toBe(3);
    execFileSync('mkdir', [labPath('sub')]);
    execFileSync('mkfifo', [labPath('sub/pipe.csv')]);
    await symlink(labPath('sub/pipe.csv'), labPath('sub/acqmeta.channels.csv'));
    const linked = await acqmetaWithin(60_000, 'export', 'lab/sub', '--format', 'channels');
    expect(linked.code).toBe(3);
    expect(linked.stderr).toContain('is not a regular file');
  });
});
