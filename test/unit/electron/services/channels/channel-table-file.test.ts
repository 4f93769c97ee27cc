import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelTableInForce, writeChannelTableFile } from '../../../../../electron/services/channels';
import {
  emptyChannelTable,
  MAX_CHANNEL_ROWS,
  MAX_CHANNEL_TABLE_BYTES,
} from '../../../../../shared/channels/channel-table';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-channels-'));
  file = path.join(dir, 'acqmeta.channels.csv');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tableOf = (rows: number, cell = 'x') => ({
  ...emptyChannelTable(),
  rows: Array.from({ length: rows }, (_, i) => ({ 'Channel ID': `${cell}${i}` })),
});

describe('writing a channel table', () => {
  it('writes a table at the row limit, and it reads back', async () => {
    await writeChannelTableFile(file, 'acqmeta.channels.csv', tableOf(MAX_CHANNEL_ROWS), null);
    expect(channelTableInForce(file, 'acqmeta.channels.csv')?.table?.rows).toHaveLength(MAX_CHANNEL_ROWS);
  });

  it('refuses a table it could not read back, naming the limit, and leaves the file as it was', async () => {
    writeFileSync(file, 'Channel ID\r\nkept\r\n');
    const version = channelTableInForce(file, 'acqmeta.channels.csv')?.version ?? null;
    await expect(
      writeChannelTableFile(file, 'acqmeta.channels.csv', tableOf(MAX_CHANNEL_ROWS + 1), version),
    ).rejects.toThrow(
      'acqmeta.channels.csv was not written: acqmeta.channels.csv has more than 10,000 rows below its header',
    );
    await expect(
      writeChannelTableFile(file, 'acqmeta.channels.csv', tableOf(5, 'µ'.repeat(MAX_CHANNEL_TABLE_BYTES / 8)), version),
    ).rejects.toThrow(
      /^acqmeta\.channels\.csv was not written: it would be [\d,]+ bytes; a channel table may be at most 4,194,304$/,
    );
    expect(readFileSync(file, 'utf8')).toBe('Channel ID\r\nkept\r\n');
  });
});
