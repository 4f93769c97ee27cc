import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
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

let dir: string;
let configDir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-table-restore-'));
  configDir = mkdtempSync(path.join(tmpdir(), 'acqmeta-table-restore-config-'));
  file = path.join(dir, 'raw', 'acqmeta.channels.csv');
  mkdirSync(path.dirname(file));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

const LABEL = 'raw/acqmeta.channels.csv';
const journal = (action: string) => ({ places: journalPlaces({ roots: [dir], configDir }), tool: 'AcqMeta', action });
const theirs = 'Channel ID,Channel Name\r\nChannel:0:0,DAPI\r\nChannel:0:1,GFP\r\nChannel:0:2,Cy5\r\n';
const mine = {
  ...emptyChannelTable(),
  rows: [
    { 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' },
    { 'Channel ID': 'Channel:0:1', 'Channel Name': 'mCherry' },
    { 'Channel ID': 'Channel:0:3', 'Channel Name': 'Cy7' },
  ],
};

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
