/**
 * Text from files made printable (issue 46): control characters shown escaped, so a file name,
 * a sidecar value or a journal record cannot steer the terminal; plain text left as it is.
 */
import { describe, expect, it } from 'vitest';
import { printable } from '../../../../electron/cli/output';

describe('printable', () => {
  it('escapes C0 controls, DEL and C1 controls visibly', () => {
    expect(printable('\u001b]0;owned\u0007')).toBe(String.raw`\x1b]0;owned\x07`);
    expect(printable('a\r\n\tb\u0000\u007f\u009b2J')).toBe(String.raw`a\r\n\tb\x00\x7f\x9b2J`);
  });

  it('leaves plain text, accents, symbols and backslashes unchanged', () => {
    const plain = String.raw`Ai14 × PDGFRb-Cre — µm, Zürich, 細胞 \x1b`;
    expect(printable(plain)).toBe(plain);
  });
});
