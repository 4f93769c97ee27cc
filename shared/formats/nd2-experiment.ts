/**
 * The experiment loops of an ND2 file (`ImageMetadataLV!`), flattened the way the `nd2`
 * package does it: each level's loop (time, XY positions, Z stack, NE time phases, custom),
 * nested levels appended, a spectral loop not counted as an axis. The loop counts give the
 * file's non-plane dimensions in order.
 */
import { fail } from './bytes';
import { liteAt, liteNumber, liteValues, type LiteValue } from './nd2-lite';

/** One experiment loop. */
export interface Nd2Loop {
  type: 'TimeLoop' | 'XYPosLoop' | 'ZStackLoop' | 'NETimeLoop' | 'CustomLoop';
  count: number;
  nestingLevel: number;
  /** Time loops: the period in ms (NE time loops: of their first valid phase). */
  periodMs?: number;
  /** Z stacks: the step in µm (derived from the range when the file gives none). */
  stepUm?: number;
  /** XY position loops: the names of the valid points. */
  positionNames?: string[];
}

/** Axis letter of each loop type (nd2's `AXIS._MAP`). */
export const LOOP_AXIS: Readonly<Record<Nd2Loop['type'], string>> = {
  TimeLoop: 'T',
  XYPosLoop: 'P',
  ZStackLoop: 'Z',
  NETimeLoop: 'T',
  CustomLoop: 'U',
};

const MAX_LEVELS = 64;

function validFlags(value: LiteValue | undefined): boolean[] | null {
  if (value instanceof Uint8Array) return [...value].map((b) => b !== 0);
  const values = liteValues(value);
  return values.length === 0 ? null : values.map((v) => v === true || (typeof v === 'number' && v !== 0));
}

function timeLoop(params: LiteValue | undefined): { count: number; periodMs: number } | null {
  const count = liteNumber(params, 'uiCount') ?? 0;
  return count === 0 ? null : { count, periodMs: liteNumber(params, 'dPeriod') ?? 0 };
}

/** A spectral loop: counted for nesting, not an axis. */
interface SpectLoop {
  type: 'spect';
  count: number;
}

/** One level's loop, or null when it has none. */
function singleLoop(exp: LiteValue): Omit<Nd2Loop, 'nestingLevel'> | SpectLoop | null {
  const type = liteNumber(exp, 'eType') ?? 0;
  let params = liteAt(exp, 'uLoopPars');
  if (params === undefined || type > 10) return null;
  const values = liteValues(params);
  if (
    typeof params === 'object' &&
    !(params instanceof Uint8Array) &&
    !Array.isArray(params) &&
    Object.keys(params).length === 0
  )
    return null;
  if (Array.isArray(params) && values.length === 1) params = values[0];
  switch (type) {
    case 1: {
      const t = timeLoop(params);
      return t === null ? null : { type: 'TimeLoop', ...t };
    }
    case 2: {
      const points = liteValues(liteAt(params, 'Points'));
      const valid = validFlags(liteAt(exp, 'pItemValid'));
      const kept = valid === null ? points : points.filter((_, i) => valid[i] === true);
      const names = kept.map((p) => String(liteAt(p, 'dPosName') ?? liteAt(p, 'pPosName') ?? ''));
      return { type: 'XYPosLoop', count: kept.length, positionNames: names };
    }
    case 4: {
      const count = liteNumber(params, 'uiCount') ?? 0;
      let step = liteNumber(params, 'dZStep') ?? 0;
      if (step === 0 && count > 1)
        step = Math.abs((liteNumber(params, 'dZHigh') ?? 0) - (liteNumber(params, 'dZLow') ?? 0)) / (count - 1);
      return { type: 'ZStackLoop', count, stepUm: step };
    }
    case 6:
      return { type: 'spect', count: liteNumber(params, 'pPlanes', 'uiCount') ?? liteNumber(params, 'uiCount') ?? 0 };
    case 7:
      return { type: 'CustomLoop', count: liteNumber(params, 'uiCount') ?? 0 };
    case 8: {
      const valid = validFlags(liteAt(params, 'pPeriodValid')) ?? [];
      const periods = liteValues(liteAt(params, 'pPeriod'))
        .filter((_, i) => valid[i] === true)
        .map(timeLoop)
        .filter((p) => p !== null);
      return {
        type: 'NETimeLoop',
        count: periods.reduce((sum, p) => sum + p.count, 0),
        periodMs: periods[0]?.periodMs ?? 0,
      };
    }
    case 0:
      return null;
    default:
      return fail(`this ND2 file uses experiment loop type ${type}, which is not supported`);
  }
}

/** Appends the loops of `exp` and its nested levels to `dest` (nd2's `load_experiment`). */
function collect(exp: LiteValue, level: number, dest: Nd2Loop[]): void {
  if (level > MAX_LEVELS) fail(`the ND2 experiment nests deeper than ${MAX_LEVELS} levels`);
  const loop = singleLoop(exp);
  if (loop === null || loop.count === 0) return;
  let next = level;
  if (loop.type === 'spect') next = level - 1;
  else {
    const prev = dest[dest.length - 1];
    if (prev === undefined || prev.nestingLevel < level) dest.push({ ...loop, nestingLevel: level });
    else if (prev.nestingLevel === level && prev.type === loop.type && prev.count < loop.count)
      dest[dest.length - 1] = { ...loop, nestingLevel: level };
  }
  const sub = liteValues(liteAt(exp, 'uLoopPars', 'pSubLoops'))[0];
  const subExperiment = liteAt(liteValues(liteAt(sub, 'ppNextLevelEx'))[0], 'SLxExperiment');
  if (subExperiment !== undefined) dest.push(...nd2Loops(subExperiment));
  for (const item of liteValues(liteAt(exp, 'ppNextLevelEx'))) collect(item, next + 1, dest);
}

/** The experiment's loops, outermost first. */
export function nd2Loops(experiment: LiteValue | undefined): Nd2Loop[] {
  const dest: Nd2Loop[] = [];
  if (experiment !== undefined) collect(experiment, 0, dest);
  return dest;
}
