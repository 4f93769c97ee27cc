import { describe, expect, it } from 'vitest';
import { diskErrorReason } from '../../../../../electron/services/disk';

/** An error as Node's fs functions throw it. */
function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('diskErrorReason', () => {
  it('words the disk errors a read or a save meets', () => {
    const cases: [string, string][] = [
      ['ENOENT', 'file not found'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EROFS', 'the disk is read-only'],
      ['ENOSPC', 'the disk is full'],
      ['EDQUOT', 'the disk quota is exceeded'],
      ['EISDIR', 'it is a folder'],
      ['EBUSY', 'the file is in use'],
      ['EMFILE', 'too many open files'],
    ];
    for (const [code, reason] of cases) expect(diskErrorReason(errno(code, `${code}: raw, open '/x'`))).toBe(reason);
  });

  it('keeps the message of any other error', () => {
    expect(diskErrorReason(errno('EIO', "EIO: i/o error, read '/x'"))).toBe("EIO: i/o error, read '/x'");
    expect(diskErrorReason(new Error('not a TIFF'))).toBe('not a TIFF');
    expect(diskErrorReason('thrown text')).toBe('thrown text');
    expect(diskErrorReason(undefined)).toBe('undefined');
  });
});
