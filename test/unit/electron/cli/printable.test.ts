/**
 * Text from files made printable (issues 46 and 77): control characters shown escaped, so a
 * file name, a sidecar value or a journal record cannot steer the terminal or reorder what a
 * line shows; plain text left as it is; what JSON.stringify leaves raw escaped as JSON escapes.
 */
import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../../../electron/cli/output';

describe('printable', () => {
  it('escapes C0 controls visibly, DEL and C1 controls as JSON escapes', () => {
    expect(printable('\u001b]0;owned\u0007')).toBe(String.raw`\x1b]0;owned\x07`);
    expect(printable('a\r\n\tb\u0000\u007f\u009b2J')).toBe(String.raw`a\r\n\tb\x00\u007f\u009b2J`);
  });

  it('escapes every bidirectional control and the line and paragraph separators', () => {
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029';
    expect(printable(`x${controls}y`)).toBe(
      String.raw`x\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029y`,
    );
  });

  it('leaves a JSON text JSON, with the same values', () => {
    const value = { name: 'SP8 \u202egpj.exe \u0085 \u007f', path: 'a\u001bb' };
    const shown = printable(JSON.stringify(value));
    expect(shown).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(JSON.parse(shown)).toEqual(value);
  });

  it('keeps line breaks of text in lines', () => {
    expect(printableLines('one \u202e\ntwo\r')).toBe(String.raw`one \u202e` + '\n' + String.raw`two\r`);
  });

  it('leaves plain text, accents, symbols, right-to-left letters and backslashes unchanged', () => {
    const plain = String.raw`Ai14 × PDGFRb-Cre — µm, Zürich, 細胞, שלום, مرحبا \x1b`;
    expect(printable(plain)).toBe(plain);
  });
});
