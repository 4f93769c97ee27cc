/**
 * An action's name as the timeline and History show it: a write that created sidecars is named
 * for what it did (`Create 4 sidecars`, `Create 2 sidecars, edit 3`), not for the button that
 * started it (`Save`).
 */
import type { JournalRecord } from './journal-record';

/**
 * The name of the action whose records (of one batch, or one record) are `records`: with
 * creations among them (records whose `before` is null), how many sidecars it created and
 * edited; else its distinct actions, joined by ` · `.
 */
export function actionName(records: readonly Pick<JournalRecord, 'action' | 'before'>[]): string {
  const created = records.filter((r) => r.before === null).length;
  if (created === 0) return [...new Set(records.map((r) => r.action))].join(' · ');
  const edited = records.length - created;
  const create = `Create ${created} sidecar${created === 1 ? '' : 's'}`;
  return edited === 0 ? create : `${create}, edit ${edited}`;
}
