import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isRemoteType, needsPolling } from '../../../../../electron/services/watch/filesystem-kind';

describe('needsPolling', () => {
  it('knows network and FUSE file systems by their statfs type, as the kernel may report them', () => {
    for (const type of [0x6969, 0xff534d42, 0xfe534d42, 0x517b, 0x65735546, 0x01021997])
      expect(isRemoteType(type)).toBe(true);
    expect(isRemoteType(0xff534d42 | 0)).toBe(true); // sign-extended, as a signed 32-bit f_type
    for (const type of [0xef53, 0x01021994, 0x9123683e, 0x58465342]) expect(isRemoteType(type)).toBe(false); // ext4, tmpfs, btrfs, xfs
  });

  it('watches a local folder natively, and tries native events where types cannot be told apart', async () => {
    expect(await needsPolling(tmpdir())).toBe(false);
    expect(await needsPolling('/', 'darwin')).toBe(false);
  });
});
