/**
 * `acqmeta restore <folder> --before <id>` of a channel table record puts the table back byte
 * for byte (or removes the file the record created), only while the file holds what AcqMeta
 * wrote; `export --format channels -o` over the folder's own table is journaled and restorable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { channelTableInForce, writeChannelTableFile } from '../../../../electron/services/channels';
import { journalPlaces } from '../../../../electron/services/journal';
import type { SidecarVersion } from '../../../../shared/api';
import { emptyChannelTable } from '../../../../shared/channels/channel-table';
import { cliInFolder } from './support/cli-in-folder';

const { acqmeta, at } = cliInFolder('acqmeta-restore-tables-', {
  prepare: (base) => mkdirSync(path.join(base, 'exp', 'raw'), { recursive: true }),
});
/** The folder's channel table. */
const file = () => at('exp', 'raw', 'acqmeta.channels.csv');

/** A colleague's table, in their own spelling (CRLF, quotes), not AcqMeta's. */
const THEIRS = 'Channel ID,Channel Name\r\n"Channel:0:0","DAPI"\r\nChannel:0:1,GFP\r\n';

/** Writes the app's table (two rows, Channel:0:1 renamed) over `expected`, journaled; its version. */
function appWrite(expected: SidecarVersion | null): Promise<SidecarVersion | null> {
  const places = journalPlaces({ roots: [at('exp')], configDir: at('config') });
  const table = {
    ...emptyChannelTable(),
    rows: [
      { 'Channel ID': 'Channel:0:0', 'Channel Name': 'DAPI' },
      { 'Channel ID': 'Channel:0:1', 'Channel Name': 'mCherry' },
    ],
  };
  return writeChannelTableFile(file(), 'raw/acqmeta.channels.csv', table, expected, {
    places,
    tool: 'AcqMeta',
    action: 'Channel table of raw',
  });
}

/** The version of the table on disk, as read by a save. */
function versionNow(): SidecarVersion {
  return channelTableInForce(file(), 'raw/acqmeta.channels.csv')?.version as SidecarVersion;
}

/** The channel table records of `acqmeta log exp --json`, oldest first. */
async function tableRecords(): Promise<Record<string, unknown>[]> {
  const log = await acqmeta('log', 'exp', '--json');
  return log.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((r) => r.kind === 'channel-table');
}

it('puts the colleague table back byte for byte, and the restore is journaled', async () => {
  writeFileSync(file(), THEIRS);
  await appWrite(versionNow());
  const [record] = await tableRecords();

  const run = await acqmeta('restore', 'exp', '--before', record?.id as string);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('restored raw/acqmeta.channels.csv: rows 1 changed (Channel:0:1)\n');
  expect(readFileSync(file(), 'utf8')).toBe(THEIRS);
  expect((await tableRecords()).map((r) => r.action)).toEqual([
    'Channel table of raw',
    `restore --before ${record?.id as string}`,
  ]);
});

it('removes the table the record created, by its batch id', async () => {
  await appWrite(null);
  const [record] = await tableRecords();
  const run = await acqmeta('restore', 'exp', '--before', record?.batch as string);
  expect(run.code).toBe(0);
  expect(existsSync(file())).toBe(false);
});

it('with --dry-run shows the rows and writes nothing', async () => {
  writeFileSync(file(), THEIRS);
  await appWrite(versionNow());
  const written = readFileSync(file());
  const [record] = await tableRecords();
  const run = await acqmeta('restore', 'exp', '--before', record?.id as string, '--dry-run');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('would restore raw/acqmeta.channels.csv: rows 1 changed (Channel:0:1)\n');
  expect(readFileSync(file())).toEqual(written);
  expect(await tableRecords()).toHaveLength(1);
});

it('refuses a table a colleague changed since, naming it, and writes nothing', async () => {
  writeFileSync(file(), THEIRS);
  await appWrite(versionNow());
  const [record] = await tableRecords();
  const edited = 'Channel ID,Channel Name\r\nChannel:0:0,Hoechst\r\n';
  writeFileSync(file(), edited);
  const run = await acqmeta('restore', 'exp', '--before', record?.id as string);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/raw\/acqmeta\.channels\.csv changed since AcqMeta wrote it/);
  expect(readFileSync(file(), 'utf8')).toBe(edited);
});

it('refuses a table over the kept size: the record did not keep it', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `Channel:0:${i},${'x'.repeat(60)}`).join('\r\n');
  writeFileSync(file(), `Channel ID,Channel Name\r\n${rows}\r\n`);
  await appWrite(versionNow());
  const written = readFileSync(file());
  const [record] = await tableRecords();
  const run = await acqmeta('restore', 'exp', '--before', record?.id as string);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/did not keep the earlier table/);
  expect(readFileSync(file())).toEqual(written);
});

it('journals export --format channels into the folder own table, and restore takes it back', async () => {
  writeFileSync(at('exp', 'acqmeta.channels.csv'), THEIRS);
  const run = await acqmeta('export', 'exp/raw', '--format', 'channels', '-o', 'exp/raw/acqmeta.channels.csv');
  expect(run.code).toBe(0);
  expect(readFileSync(file(), 'utf8')).toBe(THEIRS);
  const [record] = await tableRecords();
  expect([record?.action, record?.file, record?.before]).toEqual([
    'export --format channels',
    'raw/acqmeta.channels.csv',
    null,
  ]);
  const again = await acqmeta(
    'export',
    'exp/raw',
    '--format',
    'channels',
    '-o',
    'exp/raw/acqmeta.channels.csv',
    '--force',
  );
  expect(again.code).toBe(0);
  expect(await tableRecords()).toHaveLength(2);
  const back = await acqmeta('restore', 'exp', '--before', record?.id as string);
  expect(back.code).toBe(0);
  expect(existsSync(file())).toBe(false);
});

it('takes a channel table record with --before only: --undo is bad usage, nothing written', async () => {
  writeFileSync(file(), THEIRS);
  await appWrite(versionNow());
  const [record] = await tableRecords();
  const mine = readFileSync(file(), 'utf8');

  const run = await acqmeta('restore', 'exp', '--undo', record?.id as string);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('a channel-table record is taken back with --before <id>');
  expect(readFileSync(file(), 'utf8')).toBe(mine);
});
