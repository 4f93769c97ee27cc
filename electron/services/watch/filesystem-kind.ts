/**
 * Whether a folder lives on a file system whose changes native watchers cannot see: on a
 * network share, another machine's writes never reach this machine's inotify.
 */
import { statfs } from 'node:fs/promises';

/**
 * `statfs` magic numbers (Linux `f_type`) of network and user-space file systems: NFS, SMB/CIFS
 * (three kinds), AFS, Coda, 9P (VM shares, WSL), Ceph, Lustre, GPFS, VirtualBox shares and FUSE
 * (sshfs, rclone, gvfs; FUSE may be local, but polling is the safe side).
 */
const REMOTE_TYPES = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x5346414f, 0x73757245, 0x01021997, 0x00c36400, 0x0bd00bd0, 0x47504653,
  0x786f4256, 0x65735546,
]);

/**
 * Whether changes under `folder` must be polled for. Only Linux reports file-system types
 * that can be told apart; elsewhere (and when `statfs` fails) native events are tried first.
 */
export async function needsPolling(folder: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== 'linux') return false;
  const info = await statfs(folder).catch(() => null);
  return info !== null && isRemoteType(info.type);
}

/** Whether a Linux `f_type` is one of {@link REMOTE_TYPES} (the kernel may report it sign-extended). */
export function isRemoteType(type: number): boolean {
  return REMOTE_TYPES.has(type >>> 0);
}
