// Loaded into the command line by tests (NODE_OPTIONS=--require), in every thread: a disk that
// fills up, without mounting one. A file opened through fs/promises below $FULL_DISK_FOLDER holds
// at most $FULL_DISK_BYTES bytes. A positional write that runs past them writes what fits and
// answers with that count, as libuv does when a disk fills part way through a write (its error
// dropped); a write with no room left fails with ENOSPC, as the disk's next write does.
'use strict';
const fsp = require('node:fs/promises');
const path = require('node:path');

const folder = process.env.FULL_DISK_FOLDER;
const room = Number(process.env.FULL_DISK_BYTES);

/** The error a write meets on a full disk. */
function noRoom() {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    errno: -28,
    code: 'ENOSPC',
    syscall: 'write',
  });
}

/** The first `count` bytes of `buffers`. */
function firstBytes(buffers, count) {
  const kept = [];
  let left = count;
  for (const buffer of buffers) {
    if (left === 0) break;
    const part = buffer.subarray(0, left);
    kept.push(part);
    left -= part.length;
  }
  return kept;
}

/** Makes the handle's positional writes stop at `room` bytes into the file. */
function limit(handle) {
  const writev = handle.writev.bind(handle);
  const write = handle.write.bind(handle);
  handle.writev = async (buffers, position) => {
    if (typeof position !== 'number') return writev(buffers, position);
    const asked = buffers.reduce((n, buffer) => n + buffer.length, 0);
    const fits = Math.max(0, Math.min(asked, room - position));
    if (asked > 0 && fits === 0) throw noRoom();
    const { bytesWritten } = await writev(firstBytes(buffers, fits), position);
    return { bytesWritten, buffers };
  };
  handle.write = async (buffer, offset, length, position) => {
    if (typeof buffer === 'string' || typeof position !== 'number') return write(buffer, offset, length, position);
    const asked = length ?? buffer.length - (offset ?? 0);
    const fits = Math.max(0, Math.min(asked, room - position));
    if (asked > 0 && fits === 0) throw noRoom();
    const { bytesWritten } = await write(buffer, offset ?? 0, fits, position);
    return { bytesWritten, buffer };
  };
}

if (folder) {
  const open = fsp.open;
  fsp.open = async (file, ...rest) => {
    const handle = await open(file, ...rest);
    const relative = path.relative(folder, path.resolve(String(file)));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) limit(handle);
    return handle;
  };
}
