/**
 * The time `acqmeta calibrate` itself takes, for the benchmark: with `ACQMETA_CALIBRATE_TIMES`
 * naming a file, the command appends to it, as the process exits, one JSON line of the wall and
 * CPU milliseconds from its arguments parsed to its exit. Start-up (Node, the bundle) is left
 * out, so that the figure is not the difference of two whole processes, each far longer than it.
 */
import { appendFileSync } from 'node:fs';

/** Starts the clock when the benchmark asks for it (the variable set); otherwise does nothing. */
export function timeCalibrate(): void {
  const file = process.env.ACQMETA_CALIBRATE_TIMES;
  if (file === undefined || file === '') return;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  process.once('exit', () => {
    const used = process.cpuUsage(cpu);
    const line = { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
