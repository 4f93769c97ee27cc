/**
 * An image as acqstore's analysis pools see it: the base columns every pooled row starts with
 * (`AnalysisPool.base_columns`), and the (channel, ROI) pairs a pool has rows for.
 */
import type { JsonObject } from '../../../sidecar';
import { type LoadedAnalysis, type LoadedSidecar } from './acqstore-load';
import { NA, pyBool, pyFloatCell, pyInt, pyStr, type PyCell } from './pandas-cells';

/** One exported image, for the pools. */
export interface PoolSource {
  /**
   * The source's path in the exported folder (`/`-separated): the pools' `path`. acqstore
   * writes the absolute path on the exporting machine; a collection for the web keeps the path
   * its manifest gives, as acqstore's manifest does.
   */
  relativePath: string;
  /** The source's file name. */
  name: string;
  /** The names of the folder holding the source and of the one above it (`''` at the root). */
  parent: string;
  grandparent: string;
  numChannels: number;
  /** The sidecar as the collection holds it. */
  sidecar: JsonObject;
}

/** The base columns every pool starts with. */
export const BASE_COLUMNS = [
  'pool_row_id',
  'pool_row',
  'name',
  'path',
  'parent',
  'grandparent',
  'condition',
  'genotype',
  'age',
  'sex',
  'branch_order',
  'direction',
  'depth',
  'note',
  'accept',
  'channel',
  'roi_id',
  'step_y',
  'step_x',
] as const;

/**
 * The (channel, ROI) pairs a pool has rows for, in order: every channel by every ROI, and those
 * of the loaded analyses `named`.
 */
export function selectionKeys(
  source: PoolSource,
  loaded: LoadedSidecar,
  named: (analysis: LoadedAnalysis) => boolean,
): [number, number][] {
  const keys = new Map<string, [number, number]>();
  const add = (channel: number, roiId: number): void => void keys.set(`${channel}/${roiId}`, [channel, roiId]);
  for (let channel = 0; channel < source.numChannels; channel++) for (const roiId of loaded.roiIds) add(channel, roiId);
  for (const analysis of loaded.analyses.values()) if (named(analysis)) add(analysis.channel, analysis.roiId);
  return [...keys.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** A row's base cells, in {@link BASE_COLUMNS}' order, `pool_row` left 0 (numbered once the table is in order). */
export function baseRow(
  source: PoolSource,
  loaded: LoadedSidecar,
  rowId: string,
  [channel, roiId]: [number, number],
): PyCell[] {
  const own: Record<string, PyCell> = {
    pool_row_id: pyStr(rowId),
    pool_row: pyInt(0),
    name: pyStr(source.name),
    path: pyStr(source.relativePath),
    parent: pyStr(source.parent),
    grandparent: pyStr(source.grandparent),
    accept: pyBool(loaded.accept),
    channel: pyInt(channel),
    roi_id: pyInt(roiId),
    step_y: pyFloatCell(loaded.steps[0]),
    step_x: pyFloatCell(loaded.steps[1]),
  };
  return BASE_COLUMNS.map((column) => own[column] ?? loaded.fields.get(column) ?? NA);
}
