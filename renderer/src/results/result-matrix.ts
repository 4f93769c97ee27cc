/**
 * The results a folder has, arranged for choosing: per analysis, its summary keys (rows) by
 * the ROIs they were measured on (columns).
 */
import { parseResultKey, resultKey } from '../../../shared/analysis';
import { resultWhere } from '../../../shared/columns';

/** Where a result was measured: one ROI (and channel, and repeat) of an image. */
export interface ResultWhere {
  id: string;
  roiId: number | null;
  channel: number | null;
  occurrence: number;
  /** `ROI 1`, `ROI 2, channel 1`. */
  label: string;
}

/** One analysis's results. */
export interface AnalysisResults {
  analysis: string;
  /** Summary keys in the order first met. */
  keys: string[];
  /** ROIs in id order (no ROI last). */
  wheres: ResultWhere[];
  /** Result keys that occur (a key need not exist on every ROI). */
  present: ReadonlySet<string>;
}

/** The result key of an analysis's summary key on one ROI. */
export function matrixKey(analysis: string, key: string, where: ResultWhere): string {
  return resultKey({ analysis, key, roiId: where.roiId, channel: where.channel, occurrence: where.occurrence });
}

const byId = (a: number | null, b: number | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/** Arranges result keys by analysis (in the order first met); keys that do not parse are left out. */
export function resultMatrix(resultKeys: Iterable<string>): AnalysisResults[] {
  const analyses = new Map<string, { keys: Set<string>; wheres: Map<string, ResultWhere>; present: Set<string> }>();
  for (const text of resultKeys) {
    const parts = parseResultKey(text);
    if (parts === null) continue;
    let entry = analyses.get(parts.analysis);
    if (entry === undefined) {
      entry = { keys: new Set(), wheres: new Map(), present: new Set() };
      analyses.set(parts.analysis, entry);
    }
    entry.keys.add(parts.key);
    entry.present.add(text);
    const id = `${parts.roiId}/${parts.channel}/${parts.occurrence}`;
    if (!entry.wheres.has(id)) {
      const label = resultWhere(parts.roiId, parts.channel, parts.occurrence);
      entry.wheres.set(id, { id, roiId: parts.roiId, channel: parts.channel, occurrence: parts.occurrence, label });
    }
  }
  return [...analyses].map(([analysis, entry]) => ({
    analysis,
    keys: [...entry.keys],
    wheres: [...entry.wheres.values()].sort(
      (a, b) => byId(a.roiId, b.roiId) || byId(a.channel, b.channel) || a.occurrence - b.occurrence,
    ),
    present: entry.present,
  }));
}
