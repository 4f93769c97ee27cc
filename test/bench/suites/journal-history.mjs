// History on a large journal: `getJournal` of an open folder whose journal holds 100,000
// records (20 writers' files of 5,000), read afresh as before (every file read and parsed) and
// by the reader the app keeps per open folder (unchanged files not read again), and after one
// record appended; in turns, medians.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importSource, int, markdownTable, median, root } from '../bench-kit.mjs';

const FILES = 20;
const PER_FILE = 5_000;
const RUNS = 9;
const dir = path.join(root, 'bench-corpus-journal-history');
const journalDir = path.join(dir, '.acqmeta', 'journal');

/** A record of the image `i` at second `i` (of some 300 bytes, as the app writes them). */
function record(i, writer) {
  const version = (n) => ({ size: 2500 + n, mtime: 1795562731156.16 + n, sha256: `${n}`.padStart(64, '0') });
  return `${JSON.stringify({
    id: `${writer}-${i}`,
    batch: `batch-${Math.floor(i / 100)}`,
    time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    user: 'ana',
    host: `pc-${writer}`,
    tool: 'AcqMeta',
    action: 'Genotype',
    path: `animal-${writer}/cell-${String(i).padStart(4, '0')}.tif`,
    changes: [{ field: 'genotype', old: 'WT', new: 'Thy1' }],
    before: version(i),
    after: version(i + 1),
  })}\n`;
}

/** Milliseconds `task` takes. */
async function timed(task) {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** The suite. */
export const suite = {
  name: 'journal-history',
  title: 'History on a journal of 100,000 records',
  async run() {
    const { FolderJournalReader, readFolderJournal } = await importSource([
      "export { FolderJournalReader, readFolderJournal } from './electron/services/journal';",
    ]);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(journalDir, { recursive: true });
    for (let w = 0; w < FILES; w++) {
      let text = '';
      for (let i = 0; i < PER_FILE; i++) text += record(i, w);
      writeFileSync(path.join(journalDir, `pc-${w}-a-0001.jsonl`), text);
    }
    const config = path.join(dir, 'config');
    try {
      const kept = new FolderJournalReader(dir, config);
      const first = await kept.read();
      if (first.records.length !== FILES * PER_FILE) throw new Error(`read ${first.records.length} records`);
      const afresh = [];
      const unchanged = [];
      const appended = [];
      for (let run = 0; run < RUNS; run++) {
        afresh.push(await timed(() => readFolderJournal(dir, config)));
        unchanged.push(await timed(() => kept.read()));
        appendFileSync(path.join(journalDir, 'pc-0-a-0001.jsonl'), record(PER_FILE + run, 0));
        appended.push(await timed(() => kept.read()));
      }
      const ms = (values) => `${median(values).toFixed(1)} ms`;
      const table = markdownTable(
        ['getJournal of the open folder', 'median'],
        [
          ['read afresh (every file read and parsed)', ms(afresh)],
          ['kept reader, nothing appended', ms(unchanged)],
          ['kept reader, one record appended', ms(appended)],
        ],
      );
      return (
        `A journal of ${int(FILES * PER_FILE)} records in ${FILES} writers' files, read by the backend's journal ` +
        `reader (no IPC, no rendering), in turns, ${RUNS} rounds; medians.\n\n${table}`
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
