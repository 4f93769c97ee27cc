// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { WrappingPath } from '../../../../renderer/src/kit';
import { draw, type Drawn } from './render';

let drawn: Drawn | null = null;
afterEach(() => drawn?.remove());

describe('WrappingPath', () => {
  test('keeps each name whole and lets the line break after a slash only, its text the path', () => {
    drawn = draw(<WrappingPath path="lab-folder/qa_qc/resolution.txt" />);
    const code = drawn.container.querySelector('code.wrapping-path')!;
    expect(code.textContent).toBe('lab-folder/qa_qc/resolution.txt');
    expect([...code.childNodes].map((node) => (node.nodeName === 'WBR' ? '<wbr>' : node.textContent))).toEqual([
      'lab-folder/',
      '<wbr>',
      'qa_qc/',
      '<wbr>',
      'resolution.txt',
    ]);
    expect([...code.querySelectorAll('span')].every((part) => part.className === 'wrapping-path-part')).toBe(true);
  });
});
