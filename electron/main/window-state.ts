/**
 * The main window's size and position, kept in a JSON file between runs.
 *
 * Saved bounds are fitted to the displays present now: a window saved on a monitor that is
 * gone is centred on the primary display instead of opening off-screen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is saved: the normal (not maximised) bounds and whether the window was maximised. */
export interface WindowState extends Rect {
  maximized: boolean;
}

/** Bounds to open the window with: no position means "let the system centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Size of a first window. */
export const DEFAULT_SIZE = { width: 1280, height: 800 };

/** The smallest the window may be. */
export const MIN_SIZE = { width: 800, height: 500 };

/** How much of the window (title bar included) must lie on a display to keep its position. */
const MIN_VISIBLE = 100;

/** Reads the saved state, or null when the file is missing or not a valid state. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    const numbers = [v.x, v.y, v.width, v.height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    return {
      x: v.x as number,
      y: v.y as number,
      width: v.width as number,
      height: v.height as number,
      maximized: v.maximized === true,
    };
  } catch {
    return null;
  }
}

/** Writes the state atomically (temp file, then rename). */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2));
  renameSync(temp, file);
}

/** Fits saved bounds to the work areas of the displays present now. */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const largest = workAreas.reduce<Rect | null>(
    (best, area) => (best === null || area.width * area.height > best.width * best.height ? area : best),
    null,
  );
  const clampSize = (want: number, min: number, max: number | undefined) =>
    Math.round(Math.max(min, max === undefined ? want : Math.min(want, max)));
  const width = clampSize(saved?.width ?? DEFAULT_SIZE.width, MIN_SIZE.width, largest?.width);
  const height = clampSize(saved?.height ?? DEFAULT_SIZE.height, MIN_SIZE.height, largest?.height);
  const maximized = saved?.maximized ?? false;
  if (saved === null) return { width, height, maximized };
  const bounds = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  const visible = workAreas.some((area) => overlap(bounds, area) >= MIN_VISIBLE);
  return visible ? { ...bounds, maximized } : { width, height, maximized };
}

/** The smaller of the horizontal and vertical overlap of the window's top strip with an area. */
function overlap(window: Rect, area: Rect): number {
  const titleBar = { x: window.x, y: window.y, width: window.width, height: MIN_VISIBLE };
  const dx = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
  const dy = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
  return Math.min(dx, dy);
}
