import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  placeWindow,
  saveWindowState,
} from '../../../../electron/main/window-state';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
const MONITOR_RIGHT = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('placeWindow', () => {
  it('opens a first window at the default size, centred by the system', () => {
    expect(placeWindow(null, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores a saved window that is still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(placeWindow(saved, [LAPTOP, MONITOR_RIGHT])).toEqual(saved);
  });

  it('centres a window saved on a monitor that is gone, keeping its size where it fits', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 700, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ width: 1200, height: 700, maximized: false });
  });

  it('shrinks a window larger than the largest display and never below the minimum', () => {
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [LAPTOP])).toMatchObject({
      width: LAPTOP.width,
      height: LAPTOP.height,
    });
    expect(placeWindow({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [LAPTOP])).toMatchObject(MIN_SIZE);
  });

  it('moves a window whose title bar is off the top of every display', () => {
    const placement = placeWindow({ x: 100, y: -600, width: 1000, height: 700, maximized: false }, [LAPTOP]);
    expect(placement.x).toBeUndefined();
    expect(placement.y).toBeUndefined();
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the state through a JSON file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-window-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    saveWindowState(file, { x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: true });
  });

  it('reads a missing, corrupt or incomplete file as no state', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'acqmeta-window-'));
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"x": 1, ');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"x": 1, "y": 2, "width": "wide", "height": 3}');
    expect(loadWindowState(file)).toBeNull();
  });
});
