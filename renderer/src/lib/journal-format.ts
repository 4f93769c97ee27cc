/** How the change journal's records read in the History section and the timeline. */
import { editableField, type FieldValue } from '../../../shared/fields/field-table';
import type { JournalRecord } from '../../../shared/journal';
import { displayValue } from './format';

/** A record's time on the reader's own clock, in the panel's one date style: `2025-03-12 14:03`. */
export function journalTime(time: string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Which door wrote a record: `AcqMeta` (the app) or `command line` (`acqmeta`). */
export function journalTool(tool: string): string {
  return tool === 'acqmeta' ? 'command line' : tool;
}

/** A field's name as the editor shows it (the sidecar key for a field it does not know). */
export function fieldLabel(field: string): string {
  return editableField(field)?.displayName ?? field;
}

/** A value as a journal record holds it, in words; `absent`: the file lacked the key. */
export function journalValue(value: FieldValue, absent = false): string {
  return absent ? '(not in the file)' : displayValue(value);
}

/** Who wrote a record: `user@host`. */
export function personOf(record: Pick<JournalRecord, 'user' | 'host'>): string {
  return `${record.user}@${record.host}`;
}
