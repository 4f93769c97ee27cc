/** Axis ticks at round numbers (1, 2 or 5 times a power of ten) covering a range of values. */

/** An axis: its ends (on ticks) and the ticks between them. */
export interface Axis {
  min: number;
  max: number;
  ticks: number[];
}

/** About `count` round ticks covering `low`..`high`; a single value gets a range around it. */
export function niceAxis(low: number, high: number, count = 5): Axis {
  let [a, b] = low <= high ? [low, high] : [high, low];
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    [a, b] = [a - pad, b + pad];
  }
  const rough = (b - a) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const min = Math.floor(a / step) * step;
  const max = Math.ceil(b / step) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 2; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min, max, ticks };
}
