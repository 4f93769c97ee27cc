import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  channelTableInForce,
  planChannelTableRestore,
  writeChannelTableFile,
  writeTableRestore,
} from '../../../../../electron/services/channels';
import { journalPlaces, readFolderJournal } from '../../../../../electron/services/journal';
import { emptyChannelTable } from '../../../../../shared/channels/channel-table';
import { MAX_KEPT_TABLE_JSON } from '../../../../../shared/journal';

let dir: string;
let configDir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-channels-journal-'));
  configDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-channels-config-'));
  file = path.join(dir, 'raw', 'acqmeta.channels.csv');
  writeFileSync(path.join(dir, 'a.tif'), '');
  mkdirSync(path.dirname(file));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

const LABEL = 'raw/acqmeta.channels.csv';
const journal = (action: string) => ({ places: journalPlaces({ roots: [dir], configDir }), tool: 'AcqMeta', action });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const theirs = 'Channel ID,Channel Name\r\nChannel:0:0,DAPI\r\nChannel:0:1,GFP\r\nChannel:0:2,Cy5\r\n';
const mine = {
  ...emptyChannelTable(),
  rows: [
    { 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' },
    { 'Channel ID': 'Channel:0:1', 'Channel Name': 'mCherry' },
    { 'Channel ID': 'Channel:0:3', 'Channel Name': 'Cy7' },
  ],
};

describe('the journal of channel table writes', () => {
  it('records each write before it lands: rows by Channel ID, versions, and the earlier text', async () => {
    writeFileSync(file, theirs);
    const stat = statSync(file);
    const read = channelTableInForce(file, LABEL)!;
    const written = await writeChannelTableFile(file, LABEL, mine, read.version, journal('Channel table of raw'));
    const { records, tables } = await readFolderJournal(dir, configDir);
    expect(records).toEqual([]);
    expect(tables).toEqual([
      expect.objectContaining({
        kind: 'channel-table',
        tool: 'AcqMeta',
        action: 'Channel table of raw',
        file: LABEL,
        rows: { added: ['Channel:0:3'], removed: ['Channel:0:2'], changed: ['Channel:0:1'] },
        beforeText: theirs,
        before: { size: stat.size, mtime: stat.mtimeMs, sha256: sha256(Buffer.from(theirs)) },
        after: { size: written!.size, mtime: written!.mtimeMs, sha256: sha256(readFileSync(file)) },
      }),
    ]);
  });

  it('records a removal with no after, and a new file with no before', async () => {
    const created = await writeChannelTableFile(file, LABEL, mine, null, journal('Redo Channel table of raw'));
    const text = readFileSync(file, 'utf8');
    await writeChannelTableFile(file, LABEL, null, created, journal('Undo Channel table of raw'));
    const { tables } = await readFolderJournal(dir, configDir);
    expect(tables?.map((t) => [t.action, t.before?.sha256 ?? null, t.after?.sha256 ?? null, t.beforeText])).toEqual([
      ['Redo Channel table of raw', null, created!.sha256, undefined],
      ['Undo Channel table of raw', created!.sha256, null, text],
    ]);
    expect(tables?.map((t) => t.rows)).toEqual([
      { added: ['Channel:0:0', 'Channel:0:1', 'Channel:0:3'], removed: [], changed: [] },
      { added: [], removed: ['Channel:0:0', 'Channel:0:1', 'Channel:0:3'], changed: [] },
    ]);
  });

  it('keeps no earlier text past the cap, and still records the write', async () => {
    const cell = 'x'.repeat(1000);
    const big = `Channel ID,Channel Name\r\n${Array.from({ length: 300 }, (_, i) => `c${i},${cell}\r\n`).join('')}`;
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_KEPT_TABLE_JSON);
    writeFileSync(file, big);
    const read = channelTableInForce(file, LABEL)!;
    await writeChannelTableFile(file, LABEL, mine, read.version, journal('Channel table of raw'));
    const [record] = (await readFolderJournal(dir, configDir)).tables ?? [];
    expect(record?.beforeText).toBeUndefined();
    expect(record?.rows.removed).toHaveLength(300);
  });

  it('writes a line older readers skip: no path or changes, so never taken for an image', async () => {
    await writeChannelTableFile(file, LABEL, mine, null, journal('Channel table of raw'));
    const journalDir = path.join(dir, '.acqmeta', 'journal');
    const [name] = readdirSync(journalDir);
    const line = JSON.parse(readFileSync(path.join(journalDir, name!), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([
      'kind',
      'id',
      'batch',
      'time',
      'user',
      'host',
      'tool',
      'action',
      'file',
      'rows',
      'before',
      'after',
    ]);
  });
});

/** Writes `table` over the file as it is now, journaled; the folder's table records after it. */
async function save(table: typeof mine | null, action = 'Channel table of raw') {
  await writeChannelTableFile(file, LABEL, table, channelTableInForce(file, LABEL)?.version ?? null, journal(action));
  return (await readFolderJournal(dir, configDir)).tables ?? [];
}

describe('restoring a channel table from the journal', () => {
  it('plans the rows it puts back by Channel ID, then writes the earlier bytes back, journaled', async () => {
    writeFileSync(file, theirs);
    const tables = await save(mine);
    const planned = (await planChannelTableRestore(dir, tables, tables[0]!.id))!;
    expect(planned.plan).toMatchObject({
      id: tables[0]!.id,
      file: LABEL,
      action: 'Channel table of raw',
      removes: false,
      rows: { added: ['Channel:0:2'], removed: ['Channel:0:3'], changed: ['Channel:0:1'] },
      refusal: null,
    });
    expect(readFileSync(file, 'utf8')).not.toBe(theirs);
    await writeTableRestore(planned, planned.plan.expected, journal(`restore --before ${tables[0]!.id}`));
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    const after = (await readFolderJournal(dir, configDir)).tables!;
    expect(after.at(-1)).toMatchObject({ action: `restore --before ${tables[0]!.id}`, file: LABEL });
  });

  it('plans the removal of a table the record created, and removes it', async () => {
    const tables = await save(mine);
    const planned = (await planChannelTableRestore(dir, tables, tables[0]!.batch))!;
    expect(planned.plan).toMatchObject({ removes: true, refusal: null });
    await writeTableRestore(planned, planned.plan.expected, journal('restore'));
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a table another program changed since, naming the record, and writes nothing', async () => {
    writeFileSync(file, theirs);
    const tables = await save(mine);
    writeFileSync(file, 'Channel ID,Channel Name\r\nChannel:0:0,edited elsewhere\r\n');
    const planned = (await planChannelTableRestore(dir, tables, tables[0]!.id))!;
    expect(planned.plan.refusal).toEqual({
      kind: 'changed',
      message: `${LABEL} changed since AcqMeta wrote it (record ${tables[0]!.id}): nothing written`,
    });
    await expect(writeTableRestore(planned, null, journal('restore'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file, 'utf8')).toBe('Channel ID,Channel Name\r\nChannel:0:0,edited elsewhere\r\n');
  });

  it('refuses to write over a version other than the one the review saw', async () => {
    writeFileSync(file, theirs);
    const tables = await save(mine);
    const planned = (await planChannelTableRestore(dir, tables, tables[0]!.id))!;
    const seen = { size: 1, mtimeMs: 1, sha256: 'another' };
    await expect(writeTableRestore(planned, seen, journal('restore'))).rejects.toThrow(/changed since the review/);
    expect(readFileSync(file, 'utf8')).not.toBe(theirs);
  });

  it('says when the record did not keep the earlier table, and knows no other id', async () => {
    writeFileSync(file, theirs);
    const tables = (await save(mine)).map(({ beforeText: _kept, ...record }) => record);
    const planned = (await planChannelTableRestore(dir, tables, tables[0]!.id))!;
    expect(planned.plan.refusal).toMatchObject({ kind: 'unrestorable', message: /did not keep the earlier table/ });
    expect(await planChannelTableRestore(dir, tables, 'no-such-id')).toBeNull();
  });
});
