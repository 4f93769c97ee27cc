// The 4,320 source files of the lab folder (issue 51): `acqmeta scan --json --no-cache`, the
// acquisition included, against tifffile reading the same headers, whole processes in turns;
// with `--against <rev>`, that commit's scan too, in the same turns.
import { againstBase, builds, pairedRatios, ratioText } from '../against.mjs';
import { countTiffs, markdownTable, median } from '../bench-kit.mjs';
import { ensureLabSources, sourcesAgainstTifffile } from '../lab-corpus.mjs';

const ROUNDS = 7;
/** The scan against tifffile (issue 81). */
const TARGET = 2;

/** The sources suite. */
export const suite = {
  name: 'sources',
  title: 'The lab sources: scan against tifffile',
  against: true,
  async run() {
    const sources = ensureLabSources();
    const measured = builds();
    console.log(
      `the ${countTiffs(sources)} sources: ${measured.length} scan(s) and tifffile in turns, ${ROUNDS} rounds ...`,
    );
    const { scans, tifffile, scansCpu } = sourcesAgainstTifffile(sources, measured, ROUNDS);
    const asFast = scans.map((scan) => pairedRatios(tifffile, scan));
    const rows = measured.map((build, i) => [
      `\`acqmeta scan --json --no-cache\`, ${build.label}`,
      `${median(scans[i]).toFixed(2)} s`,
      ratioText(asFast[i]),
      build.base ? '—' : `≥ ${TARGET}×`,
    ]);
    rows.push(['tifffile (`read-tifffile.py`)', `${median(tifffile).toFixed(2)} s`, 'reference', '']);
    if (measured.length > 1) {
      const figure = 'the scan of the lab sources';
      rows.push([
        `this tree against ${measured[1].label}, per round`,
        '',
        againstBase(figure, scans[0], scans[1]),
        'no slower',
      ]);
      rows.push([
        `CPU of the scan (all threads): this tree against ${measured[1].label}, per round`,
        '',
        `${ratioText(pairedRatios(scansCpu[0], scansCpu[1]))} the base's`,
        '—',
      ]);
    }
    const table = markdownTable(['reader', 'median time', 'as fast as tifffile: median (min–max)', 'target'], rows);
    const verdict = asFast[0].median >= TARGET ? 'Within target.' : 'NOT within target.';
    const about =
      `The ${countTiffs(sources).toLocaleString('en-US')} sources of the lab folder (\`make-lab-corpus.py\`: single pages, ImageJ and OME-TIFF ` +
      'stacks, plain stacks of 1,000 pages), in the page cache. Each reader is a whole process; they run in turns, ' +
      `${ROUNDS} rounds after one not counted, and each ratio is taken per round (tifffile's time over the scan's), then its median and spread.`;
    return `${about}\n\n${table}\n\n${verdict}`;
  },
};
