import { describe, expect, it } from 'vitest';
import { confirmDiscardOrSave, type CloseChoice } from '../../../../electron/main/close-guard';

function scenario(unsaved: boolean, choice: CloseChoice, saved: boolean) {
  const calls: string[] = [];
  const result = confirmDiscardOrSave({
    hasUnsavedChanges: async () => unsaved,
    ask: async () => {
      calls.push('ask');
      return choice;
    },
    saveAll: async () => {
      calls.push('save');
      return saved;
    },
  });
  return { result, calls };
}

describe('confirmDiscardOrSave', () => {
  it('closes without asking when nothing is unsaved', async () => {
    const { result, calls } = scenario(false, 'cancel', false);
    expect(await result).toBe(true);
    expect(calls).toEqual([]);
  });

  it('saves, then closes, when the user picks Save and every save succeeds', async () => {
    const { result, calls } = scenario(true, 'save', true);
    expect(await result).toBe(true);
    expect(calls).toEqual(['ask', 'save']);
  });

  it('stays open when a save fails', async () => {
    const { result } = scenario(true, 'save', false);
    expect(await result).toBe(false);
  });

  it("closes without saving on Don't Save", async () => {
    const { result, calls } = scenario(true, 'discard', true);
    expect(await result).toBe(true);
    expect(calls).toEqual(['ask']);
  });

  it('stays open on Cancel', async () => {
    const { result, calls } = scenario(true, 'cancel', true);
    expect(await result).toBe(false);
    expect(calls).toEqual(['ask']);
  });
});
