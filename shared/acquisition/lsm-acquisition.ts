/**
 * The acquisition a Zeiss LSM file records: CZ_LSMINFO (voxel sizes in metres, the time
 * interval, the channel count) and its scan information, a tree of tagged entries (the
 * recording's objective and start time, each track's detection channels with their names and
 * dyes, and the wavelength of the laser line that excited them). The tree is walked as
 * tifffile's `read_lsm_scaninfo` does, within a fixed number of bytes and entries.
 */
import { AcquisitionBuilder } from './acquisition-builder';
import type { Acquisition } from './acquisition-types';
import { oleDateTime } from './dates';
import { objectiveFromName } from './objective-name';

/** Random access to the file's bytes (reading past its end throws). */
export type ReadBytes = (offset: number, length: number) => Uint8Array;

/** Bytes of scan information read first (most files need a few kB), and at most. */
const FIRST_SCAN_INFO_BYTES = 8 * 1024;
const MAX_SCAN_INFO_BYTES = 256 * 1024;
const MAX_ENTRIES = 20_000;

/** Byte offsets in CZ_LSMINFO. */
const INFO = { size: 4, z: 16, c: 20, t: 24, voxelX: 40, voxelY: 48, voxelZ: 56, interval: 112, scanInfo: 124 };

/** Entry codes of the scan information: blocks that hold lists, blocks that are one item, and the attributes read. */
const LISTS: Readonly<Record<number, string>> = {
  0x20000000: 'Tracks',
  0x30000000: 'Lasers',
  0x60000000: 'DetectionChannels',
  0x80000000: 'IlluminationChannels',
  0xa0000000: 'BeamSplitters',
  0xc0000000: 'DataChannels',
  0x11000000: 'Timers',
  0x13000000: 'Markers',
};
const ITEMS = new Set([0x40000000, 0x50000000, 0x70000000, 0x90000000, 0xb0000000, 0xd0000000, 0x12000000, 0x14000000]);
const ATTRIBUTES: Readonly<Record<number, string>> = {
  0x10000004: 'Objective',
  0x10000036: 'Sample0time',
  0x40000006: 'Acquire',
  0x7000000b: 'Acquire',
  0x7000000c: 'PointDetectorName',
  0x70000014: 'ChannelName',
  0x70000026: 'DyeName',
  0x90000003: 'Wavelength',
  0x90000004: 'Aquire',
};
const END = 0xffffffff;

type Value = string | number;
interface Block {
  values: Record<string, Value>;
  lists: Record<string, Block[]>;
}

function newBlock(): Block {
  return { values: {}, lists: {} };
}

const LATIN1 = new TextDecoder('latin1');

/** NUL-stripped ASCII/Latin-1 text. */
function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return LATIN1.decode(bytes.subarray(0, end < 0 ? bytes.length : end));
}

/** The value of an entry at `at`: a text (type 2), an int32 (4), a float64 (5); 0 for other types. */
function entryValue(bytes: Uint8Array, view: DataView, type: number, at: number, size: number): Value {
  if (type === 2) return text(bytes.subarray(at, at + size));
  if (type === 4) return view.getInt32(at, true);
  if (type === 5) return view.getFloat64(at, true);
  return 0;
}

class PastBounds extends Error {}

/**
 * The scan information tree (the Recording block): read in a window that grows fourfold while
 * the tree runs past it, up to {@link MAX_SCAN_INFO_BYTES}; throws when it runs past that.
 */
function readScanInfo(read: ReadBytes, offset: number, fileSize: number): Block {
  const limit = Math.min(MAX_SCAN_INFO_BYTES, fileSize - offset);
  for (let window = Math.min(FIRST_SCAN_INFO_BYTES, limit); ; window = Math.min(window * 4, limit)) {
    try {
      return parseScanInfo(read(offset, window));
    } catch (error) {
      if (!(error instanceof PastBounds)) throw error;
      if (window >= limit) throw new Error('its scan information runs past its bounds', { cause: error });
    }
  }
}

/** Parses the scan information in `bytes`; throws {@link PastBounds} when it runs past them. */
function parseScanInfo(bytes: Uint8Array): Block {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recording = newBlock();
  if (bytes.length < 12 || view.getUint32(0, true) !== 0x10000000) return recording;
  let at = 12;
  let block = recording;
  let list: Block[] | null = null;
  const stack: { block: Block; list: Block[] | null }[] = [];
  for (let n = 0; n < MAX_ENTRIES; n++) {
    if (at + 12 > bytes.length) throw new PastBounds();
    const entry = view.getUint32(at, true);
    const type = view.getUint32(at + 4, true);
    const size = view.getUint32(at + 8, true);
    at += 12;
    const valueAt = at;
    if (type === 2) at += size;
    else if (type === 4 || type === 5) at += type === 4 ? 4 : 8;
    if (at > bytes.length) throw new PastBounds();
    const listName = LISTS[entry];
    if (listName !== undefined) {
      stack.push({ block, list });
      list = block.lists[listName] = [];
    } else if (ITEMS.has(entry)) {
      stack.push({ block, list });
      const item = newBlock();
      list?.push(item);
      block = item;
      list = null;
    } else if (entry === END) {
      const top = stack.pop();
      if (top === undefined) return recording;
      ({ block, list } = top);
    } else {
      const name = ATTRIBUTES[entry];
      if (name !== undefined) block.values[name] = entryValue(bytes, view, type, valueAt, size);
    }
  }
  throw new Error(`its scan information has more than ${MAX_ENTRIES} entries`);
}

/** The items of a list that are acquired (their `key` value is not 0). */
function acquiredItems(items: Block[] | undefined, key = 'Acquire'): Block[] {
  const acquired: Block[] = [];
  for (const item of items ?? []) if (item.values[key] !== 0) acquired.push(item);
  return acquired;
}

function readChannels(b: AcquisitionBuilder, recording: Block, count: number): void {
  const channels: {
    name: Value | undefined;
    dye: Value | undefined;
    detector: Value | undefined;
    excitation: number | undefined;
  }[] = [];
  for (const track of acquiredItems(recording.lists.Tracks)) {
    const lines = acquiredItems(track.lists.IlluminationChannels, 'Aquire');
    const wavelength = lines.length === 1 ? lines[0]?.values.Wavelength : undefined;
    for (const detector of acquiredItems(track.lists.DetectionChannels)) {
      channels.push({
        name: detector.values.ChannelName,
        dye: detector.values.DyeName,
        detector: detector.values.PointDetectorName,
        excitation: typeof wavelength === 'number' && wavelength > 0 ? wavelength : undefined,
      });
    }
  }
  // the acquired detectors are the image's channels only when they are as many
  if (channels.length !== count) return;
  b.channelCount(count);
  channels.forEach((channel, i) => {
    b.channel(i, 'name', channel.name, `ScanInformation.Tracks.DetectionChannels[${i}].ChannelName`);
    b.channel(i, 'fluor', channel.dye, `ScanInformation.Tracks.DetectionChannels[${i}].DyeName`);
    b.channel(i, 'excitation_nm', channel.excitation, 'ScanInformation.Tracks.IlluminationChannels.Wavelength');
    b.channel(i, 'detector_name', channel.detector, `ScanInformation.Tracks.DetectionChannels[${i}].PointDetectorName`);
  });
}

/**
 * The acquisition of an LSM file from its CZ_LSMINFO structure (`info`: its bytes, at least
 * the first 128) and the file, for the scan information it points to. Voxel sizes are
 * metres in the file, µm here; a Z size or time interval counts only when the image has more
 * than one plane or time point (LSM writes placeholders otherwise).
 */
export function lsmAcquisition(info: Uint8Array, read: ReadBytes, fileSize: number): Acquisition {
  const b = new AcquisitionBuilder('lsm');
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  if (info.length < INFO.scanInfo + 4) {
    b.problem('LSM: CZ_LSMINFO is too short to read');
    return b.build();
  }
  const microns = (at: number): number | undefined => {
    const metres = view.getFloat64(at, true);
    return Number.isFinite(metres) && metres > 0 ? Number((metres * 1e6).toPrecision(12)) : undefined;
  };
  b.group('pixel_size_um', 'x', microns(INFO.voxelX), 'CZ_LSMINFO.VoxelSizeX');
  b.group('pixel_size_um', 'y', microns(INFO.voxelY), 'CZ_LSMINFO.VoxelSizeY');
  if (view.getInt32(INFO.z, true) > 1) b.group('pixel_size_um', 'z', microns(INFO.voxelZ), 'CZ_LSMINFO.VoxelSizeZ');
  const interval = view.getFloat64(INFO.interval, true);
  if (view.getInt32(INFO.t, true) > 1 && interval > 0) b.top('time_increment_s', interval, 'CZ_LSMINFO.TimeIntervall');
  const scanInfo = view.getUint32(INFO.scanInfo, true);
  if (scanInfo === 0 || scanInfo >= fileSize) return b.build();
  try {
    const recording = readScanInfo(read, scanInfo, fileSize);
    const objective = recording.values.Objective;
    if (typeof objective === 'string') {
      b.group('objective', 'name', objective, 'ScanInformation.Objective');
      const parsed = objectiveFromName(objective);
      b.group('objective', 'magnification', parsed.magnification, 'ScanInformation.Objective (name)');
      b.group('objective', 'na', parsed.na, 'ScanInformation.Objective (name)');
      b.group('objective', 'immersion', parsed.immersion, 'ScanInformation.Objective (name)');
    }
    const start = recording.values.Sample0time;
    if (typeof start === 'number') b.top('acquired_at', oleDateTime(start), 'ScanInformation.Sample0time');
    readChannels(b, recording, view.getInt32(INFO.c, true));
  } catch (error) {
    b.problem(`LSM: ${error instanceof Error ? error.message : String(error)}`);
  }
  return b.build();
}
