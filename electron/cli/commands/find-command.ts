/**
 * `acqmeta find '<filter>' [--db <url>] [--json] [--share <name>=<mount>]`: the indexed images
 * that pass a filter of the app's filter box, in the app's order.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseFilter } from '../../../shared/filter';
import { findImages, indexUrl, openIndex, parseShare, type FoundImage } from '../../services/index';
import { lastOption } from '../args';
import { EXIT, type Command } from '../cli-io';
import { refusedAsUsage } from '../index-refusals';
import { printable } from '../output';
import { folderArgument } from '../targets';

/** The `find` command. */
export const findCommand: Command = {
  name: 'find',
  help: `Usage: acqmeta find ['<filter>'] [--db <url>] [--json] [--share <name>=<mount>]

Lists the indexed images (see acqmeta index) that pass <filter>, written as in the app's filter
box (species:mouse na:1.4 objective:63x acquired:2025), in the order the app lists them: by
share, then folder by folder. No filter lists every indexed image. One line per image: where
the file lies on this machine, or <share>:<path> when this machine's mount of the share is not known.

  --db <url>              the index (as for acqmeta index): an SQLite file or a postgresql:// URL;
                          default ACQMETA_DB, else index.sqlite in AcqMeta's settings folder.
  --json                  JSON Lines, one object per image: "share", "path" (in the share),
                          "file" (on this machine, or null), then the keys of acqmeta scan --json.
  --share <name>=<mount>  where this machine mounts a named share, for "file". Repeatable.

A filter that starts with - (leaving matches out) follows -- : acqmeta find -- '-species:mouse'.
What the filter could not read as typed is said on stderr (it was searched as text).`,
  syntax: { positionals: { min: 0, max: 1 }, flags: ['--json'], options: ['--db', '--share'] },
  async run(args, io) {
    const query = parseFilter(args.positionals[0] ?? '');
    for (const problem of query.problems) io.err(`acqmeta find: ${problem}`);
    const mounts = new Map<string, string>();
    for (const text of args.options.get('--share') ?? []) {
      const { name, mount } = await refusedAsUsage(() => parseShare(text));
      mounts.set(name, await realpath(await folderArgument(io.cwd, mount)));
    }
    const url = indexUrl(lastOption(args, '--db'));
    const store = await refusedAsUsage(() => openIndex(url, { write: false, cwd: io.cwd }));
    const fileOf = (found: FoundImage): string | null => {
      // a default share is named by its folder's path on the machine that indexed it
      const mount = mounts.get(found.share) ?? (path.isAbsolute(found.share) ? found.share : undefined);
      return mount === undefined ? null : path.join(mount, ...found.path.split('/'));
    };
    const json = args.flags.has('--json');
    try {
      for await (const found of findImages(store, query)) {
        const file = fileOf(found);
        if (json) {
          const { path: inShare, ...record } = JSON.parse(found.record) as Record<string, unknown>;
          await io.out.line(JSON.stringify({ share: found.share, path: inShare, file, ...record }));
        } else await io.out.line(printable(file ?? `${found.share}:${found.path}`));
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
