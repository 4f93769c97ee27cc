/**
 * Recovery of a header write cut short (issue 79) never cuts off bytes another program wrote:
 * a file whose header ranges hold their old bytes is cut back to its old size only when what
 * lies past that size is (part of) what the write appended. A program that rewrote the image
 * since, longer or with another tail, keeps every byte it wrote.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recoverHeaderWrite } from '../../../../../electron/services/calibrate';
import { writeOnThisThread } from '../../../../../electron/services/sidecar';
import { HEADER_WRITE_KIND, type HeaderWriteRecord } from '../../../../../shared/journal';

let base: string;
let image: string;
let journalDir: string;

/** The image before the write: 4096 bytes of a pattern. */
const original = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 251));
/** What the write appends past the old end, and the new bytes of the range it links. */
const appended = Buffer.alloc(200, 0x41);
const linkBytes = Buffer.from('00100000', 'hex');

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/** The journal's record of a write that appends `appended` and links it at offset 4. */
const record: HeaderWriteRecord = {
  kind: HEADER_WRITE_KIND,
  id: 'w1',
  batch: 'b1',
  time: '2026-11-29T01:00:00.000Z',
  user: 'ana',
  host: 'lab-pc',
  tool: 'acqmeta',
  action: 'calibrate --pixel-size 0.5',
  path: 'cells.tif',
  values: [],
  ranges: [{ offset: 4, old: original.subarray(4, 8).toString('hex'), new: linkBytes.toString('hex') }],
  appended: { offset: 4096, length: appended.length },
  before: { size: 4096, mtime: 1, sha256: sha256(original.subarray(4, 8)) },
  after: { size: 4096 + appended.length, mtime: 2, sha256: sha256(linkBytes, appended) },
};

beforeAll(() => {
  writeOnThisThread();
});

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'acqmeta-recover-header-'));
  image = path.join(base, 'cells.tif');
  journalDir = path.join(base, '.acqmeta', 'journal');
  mkdirSync(journalDir, { recursive: true });
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('recoverHeaderWrite', () => {
  it('reverts a write cut short after its append, or part of it', async () => {
    for (const tail of [appended, appended.subarray(0, 120)]) {
      writeFileSync(image, Buffer.concat([original, tail]));
      expect(await recoverHeaderWrite(image, record, journalDir)).toBe('reverted');
      expect(readFileSync(image).equals(original)).toBe(true);
    }
  });

  it('leaves a file another program rewrote longer, or with another tail, as it is', async () => {
    const longer = Buffer.concat([original, Buffer.alloc(600, 0x42)]);
    const otherTail = Buffer.concat([original, Buffer.alloc(appended.length, 0x43)]);
    for (const rewritten of [longer, otherTail]) {
      writeFileSync(image, rewritten);
      expect(await recoverHeaderWrite(image, record, journalDir)).toBeNull();
      expect(readFileSync(image).equals(rewritten)).toBe(true);
    }
  });
});
