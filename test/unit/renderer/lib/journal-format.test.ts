import { describe, expect, it } from 'vitest';
import { journalTime } from '../../../../renderer/src/lib/journal-format';

describe('journalTime', () => {
  it('shows a record’s time on the reader’s clock in the panel’s one date style', () => {
    // written without a zone, the time is read on the local clock, so the test holds in any zone
    expect(journalTime('2025-03-12T14:03:59')).toBe('2025-03-12 14:03');
    expect(journalTime('not a time')).toBe('not a time');
  });
});
