// The first-rows suite's tables (suites/first-rows.mjs): each build's figures against the
// targets, this tree's against the base's per round, and where the time of an open goes.
import { againstBase } from './against.mjs';
import { median } from './bench-kit.mjs';

/** `123 ms`. */
export const ms = (value) => `${Math.round(value)} ms`;
/** `1.23 s` from ms. */
export const s = (value) => `${(value / 1000).toFixed(2)} s`;
/** Whether a target is met, as the tables say it. */
export const mark = (ok) => (ok ? 'yes' : '**no**');
/** A median and, in brackets, every run. */
export const withRuns = (values, format) => `${format(median(values))} (${values.map(format).join(', ')})`;

/**
 * The figures of `runs`, the opens of one build (`name` prefixes each with the build when two are
 * measured), against the command line's `scan` (median, ms) and the case's targets.
 */
export function figuresOf(runs, scan, { label, big, targets }, name) {
  const med = (key) => median(runs.map((run) => key(run)));
  const all = (key) => runs.map((run) => key(run));
  const figures = [];
  const add = (figure, measured, target, ok) =>
    figures.push([`${label}${name ? ` (${name})` : ''}: ${figure}`, measured, target, mark(ok)]);
  add(
    'first row drawn (from navigation)',
    withRuns(
      all((r) => r.firstRow),
      ms,
    ),
    `≤ ${ms(targets.first)}`,
    med((r) => r.firstRow) <= targets.first,
  );
  add('JavaScript arrived before the first row', `${Math.round(med((r) => r.scriptKb))} KB`, '', true);
  const ratio = med((r) => r.allRows) / scan;
  add(
    'all rows (from navigation); × the command line',
    `${withRuns(
      all((r) => r.allRows),
      s,
    )}; ${ratio.toFixed(2)}×`,
    targets.timesScan ? `≤ ${targets.timesScan}× (${s(targets.timesScan * scan)})` : '',
    !targets.timesScan || ratio <= targets.timesScan,
  );
  add(
    'longest task from navigation to the last row; while rows stream (tasks over 50 ms)',
    `${withRuns(
      all((r) => r.longestAll.longest),
      ms,
    )}; ${ms(med((r) => r.longestStreaming.longest))} (${med((r) => r.longestStreaming.over50)})`,
    '≤ 100 ms',
    med((r) => r.longestAll.longest) <= 100,
  );
  add(
    `select all, keypress to the selection drawn; to the editor saying "Editing ${label} images"`,
    `${withRuns(
      all((r) => r.selectAll.drawn),
      ms,
    )}; ${withRuns(
      all((r) => r.selectAll.editor),
      ms,
    )}`,
    targets.editor ? `≤ ${ms(targets.editor)} (the editor)` : '',
    !targets.editor || med((r) => r.selectAll.editor) <= targets.editor,
  );
  if (big) {
    add(
      `filter "zebrafish" to the next frame (CPU of its longest task) — ${runs[0].filtered.replace(/\s+/g, ' ')}`,
      `${withRuns(
        all((r) => r.filter.ms),
        ms,
      )} (CPU ${ms(med((r) => r.filter.cpuMs))})`,
      '≤ 100 ms',
      med((r) => r.filter.ms) <= 100,
    );
    add(
      'memory: page (renderer peak RSS) + server (peak RSS)',
      `${Math.round(med((r) => r.memory.page))} + ${Math.round(med((r) => r.memory.server))} = ${Math.round(med((r) => r.memoryMb))} MB`,
      `< ${targets.memoryMb} MB`,
      med((r) => r.memoryMb) < targets.memoryMb,
    );
  }
  return figures;
}

/** This tree's figures over the base's, per round (`here` and `base`: the runs of each, in rounds). */
export function againstFigures(here, base, { label }, baseLabel) {
  const per = (figure, key) => [
    `${label}: ${figure}, this tree against ${baseLabel}, per round`,
    againstBase(
      `${label}: ${figure}`,
      here.map((run) => key(run)),
      base.map((run) => key(run)),
    ),
    'no slower',
    '',
  ];
  return [
    per('first row', (r) => r.firstRow),
    per('all rows', (r) => r.allRows),
    per('longest task to the last row', (r) => r.longestAll.longest),
    per('select all until the editor says so', (r) => r.selectAll.editor),
  ];
}

/** Where the time of an open goes, medians of `runs` (ms from navigation start), `label` before each step. */
export function breakdownOf(runs, scan, label) {
  const med = (key) => median(runs.map((run) => key(run)));
  return [
    [
      'server process started (before navigation: it prints the URL, the page navigates)',
      `−${ms(med((r) => r.serverStartToNavigation))}`,
      'server',
    ],
    [
      "page's document (HTML) asked → arrived",
      `${ms(med((r) => r.documentAsked))} → ${ms(med((r) => r.documentDone))}`,
      'server → transfer',
    ],
    [
      "page's JavaScript (before the first row) asked → arrived",
      `${ms(med((r) => r.scriptAsked))} → ${ms(med((r) => r.scriptDone))}`,
      `${Math.round(runs[0].scriptKb)} KB`,
    ],
    ['DOMContentLoaded', ms(med((r) => r.domContentLoaded)), 'page'],
    [
      '`getSession` answered by the server → arrived in the page',
      `${ms(med((r) => r.sessionSent))} → ${ms(med((r) => r.sessionAnswered))}`,
      'server → transfer',
    ],
    [
      'first `scan-rows` event sent by the server → arrived in the page',
      `${ms(med((r) => r.rowsSent))} → ${ms(med((r) => r.rowsArrived))}`,
      'server → transfer',
    ],
    [
      'first row drawn',
      ms(med((r) => r.firstRow)),
      `page: ${ms(med((r) => r.firstRow - r.rowsArrived))} after the event`,
    ],
    ['all rows drawn', ms(med((r) => r.allRows)), `the command line: ${ms(scan)}`],
  ].map(([step, at, part]) => [`${label}: ${step}`, at, part]);
}
