// Preloaded (`node --require`) by the upload suite: every hard link fails as it does across
// disks (EXDEV), so that `acqmeta submission` streams a copy of each file and reads it back, as
// it does for an upload on another disk, while the benchmark keeps to the one disk it has.
const fs = require('node:fs');

const exdev = (from, to) =>
  Object.assign(new Error(`EXDEV: cross-device link not permitted, link '${from}' -> '${to}'`), {
    code: 'EXDEV',
    errno: -18,
    syscall: 'link',
  });
fs.promises.link = async (from, to) => {
  throw exdev(from, to);
};
fs.linkSync = (from, to) => {
  throw exdev(from, to);
};
