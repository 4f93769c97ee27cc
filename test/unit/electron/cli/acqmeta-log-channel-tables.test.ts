/**
 * `acqmeta log` of a folder lists the journal's channel table writes among the sidecars':
 * the table, whether it was created, rewritten or removed, and its rows by Channel ID.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeChannelTableFile } from '../../../../electron/services/channels';
import { journalPlaces } from '../../../../electron/services/journal';
import { emptyChannelTable } from '../../../../shared/channels/channel-table';
import { cliInFolder } from './support/cli-in-folder';

const { acqmeta, at } = cliInFolder('acqmeta-log-tables-', {
  prepare: (base) => mkdirSync(path.join(base, 'exp', 'raw'), { recursive: true }),
  env: (base) => ({ XDG_CONFIG_HOME: path.join(base, 'config') }),
});

it('lists each channel table write of a folder, text and JSON', async () => {
  const exp = at('exp');
  const file = path.join(exp, 'raw', 'acqmeta.channels.csv');
  const places = journalPlaces({ roots: [exp], configDir: at('config') });
  const table = { ...emptyChannelTable(), rows: [{ 'Channel ID': 'Channel:0:0' }, { 'Channel ID': 'Channel:0:1' }] };
  const created = await writeChannelTableFile(file, 'raw/acqmeta.channels.csv', table, null, {
    places,
    tool: 'AcqMeta',
    action: 'Channel table of raw',
  });
  await writeChannelTableFile(file, 'raw/acqmeta.channels.csv', null, created, {
    places,
    tool: 'AcqMeta',
    action: 'Undo Channel table of raw',
  });

  const text = await acqmeta('log', 'exp');
  expect(text.code).toBe(0);
  const lines = text.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/ AcqMeta: Channel table of raw {2}batch /);
  expect(lines[1]).toMatch(
    /^ {2}record \S+ {2}raw\/acqmeta\.channels\.csv {2}channel table created: rows 2 added \(Channel:0:0, Channel:0:1\)$/,
  );
  expect(lines[2]).toMatch(/ AcqMeta: Undo Channel table of raw {2}batch /);
  expect(lines[3]).toMatch(/channel table removed: rows 2 removed \(Channel:0:0, Channel:0:1\)$/);

  const json = await acqmeta('log', 'exp', '--json');
  const records = json.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((r) => [r.kind, r.file, r.action, r.after === null])).toEqual([
    ['channel-table', 'raw/acqmeta.channels.csv', 'Channel table of raw', false],
    ['channel-table', 'raw/acqmeta.channels.csv', 'Undo Channel table of raw', true],
  ]);
});
