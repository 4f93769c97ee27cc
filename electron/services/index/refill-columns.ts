/**
 * Works out every image's searched columns again from its row, as an indexer would write them:
 * what a migration that adds such columns runs, so an older index answers its searches as a new
 * one does without reading any file again.
 */
import type { Kysely } from 'kysely';
import type { ImageRow } from '../../../shared/api';
import type { RunQuery } from './engine';
import { columnsOf } from './image-columns';
import type { IndexDatabase } from './schema';

/** Rows read at a time, by row id. */
const BATCH = 1000;

/** Refills the searched columns of every image of the index, in the caller's transaction. */
export async function refillColumns(run: RunQuery, db: Kysely<IndexDatabase>): Promise<void> {
  for (let after = -1; ;) {
    const rows = await run<{ id: number | string; row: string }>(
      db.selectFrom('images').select(['id', 'row']).where('id', '>', after).orderBy('id').limit(BATCH).compile(),
    );
    for (const { id, row } of rows)
      await run(
        db
          .updateTable('images')
          .set(columnsOf(JSON.parse(row) as ImageRow))
          .where('id', '=', Number(id))
          .compile(),
      );
    if (rows.length < BATCH) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}
