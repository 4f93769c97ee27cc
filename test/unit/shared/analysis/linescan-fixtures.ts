/** Test helpers: the line-scan sidecars of test/fixtures/linescans, parsed. */
import { readFileSync } from 'node:fs';
import { parseSidecar, type Sidecar } from '../../../../shared/sidecar';

/** The text of a line-scan fixture sidecar (`ls_01.tif.json` ...), as Python wrote it. */
export function linescanText(name: string): string {
  return readFileSync(new URL(`../../../fixtures/linescans/${name}`, import.meta.url), 'utf8');
}

/** Parses sidecar text that must be valid. */
export function sidecarOf(text: string): Sidecar {
  const result = parseSidecar(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.sidecar;
}

/** The six line-scan fixtures, in file order. */
export const LINESCANS = [
  'ls_01.tif.json',
  'ls_02.tif.json',
  'ls_03.tif.json',
  'ls_04.tif.json',
  'ls_05.tif.json',
  'ls_06.tif.json',
];
