/**
 * What an OIB's main OIF settings and its first channel's `.pty` settings tell: oiffile's shape
 * (`AxisOrder` reversed, each axis' `MaxSize`) and dtype (`ValidBitCounts`), the capture date,
 * the pixel size and the acquisition model (FluoView version, device, objective, channels).
 */
import type { FileCalibration } from '../image-header';
import type { Acquisition } from '../acquisition/acquisition-types';
import { AcquisitionBuilder } from '../acquisition/acquisition-builder';
import { fail, headerDateTime, isoFields } from './bytes';
import { setting, type Settings } from './oif-ini';
import { numberOf } from './xml-tools';

/** The axes of the image as oiffile gives them: [letter, size], slowest first. */
export function oibAxes(main: Settings): [string, number][] {
  const order = setting(main, 'Axis Parameter Common', 'AxisOrder');
  if (order === undefined || !/^[A-Za-z]{1,16}$/.test(order)) fail('the OIF settings name no axis order');
  const sizes = new Map<string, number>();
  for (let i = 0; i < 16; i++) {
    const code = setting(main, `Axis ${i} Parameters Common`, 'AxisCode');
    const size = Number(setting(main, `Axis ${i} Parameters Common`, 'MaxSize'));
    if (code !== undefined && Number.isSafeInteger(size) && size >= 1) sizes.set(code, size);
  }
  return [...order]
    .reverse()
    .map((a) => [a, sizes.get(a) ?? fail(`the OIF settings give no size for axis ${a}`)] as [string, number]);
}

/** uint16 above 8 valid bits, else uint8 (oiffile's rule). */
export function oibDtype(main: Settings): string {
  return Number(setting(main, 'Reference Image Parameter', 'ValidBitCounts')) > 8 ? 'uint16' : 'uint8';
}

/** The capture date as written (the microscope PC's local time), or null. */
function captured(main: Settings): { text: string; fields: ReturnType<typeof isoFields> } | null {
  const text = setting(main, 'Acquisition Parameters Common', 'ImageCaputreDate');
  const fields = text === undefined ? null : isoFields(text);
  return fields === null || text === undefined ? null : { text, fields };
}

/** CloudScope-style date and time of the capture. */
export function oibDateTime(main: Settings): { date: string; time: string } {
  return headerDateTime(captured(main)?.fields ?? null);
}

/** Pixel size in µm from the reference image's convert values. */
export function oibCalibration(main: Settings): FileCalibration | null {
  const R = 'Reference Image Parameter';
  const x = numberOf(setting(main, R, 'WidthConvertValue'));
  const y = numberOf(setting(main, R, 'HeightConvertValue'));
  if (
    x === undefined ||
    y === undefined ||
    x <= 0 ||
    y <= 0 ||
    setting(main, R, 'WidthUnit') !== 'um' ||
    setting(main, R, 'HeightUnit') !== 'um'
  )
    return null;
  return { x, y, unit: 'um', source: 'oib' };
}

/** Step of an axis from its start and end positions, in µm or s; undefined unless it has one. */
function axisStep(main: Settings, code: string): { value: number; section: string } | undefined {
  for (let i = 0; i < 16; i++) {
    const section = `Axis ${i} Parameters Common`;
    if (setting(main, section, 'AxisCode') !== code) continue;
    const [start, end, size] = ['StartPosition', 'EndPosition', 'MaxSize'].map((k) =>
      numberOf(setting(main, section, k)),
    );
    if (start === undefined || end === undefined || size === undefined || size < 2) return undefined;
    const scale: Record<string, number> = { nm: 1e-3, um: 1, mm: 1e3, ms: 1e-3, s: 1 };
    const factor = scale[setting(main, section, 'PixUnit') ?? ''];
    const step = Math.abs(end - start) / (size - 1);
    return factor === undefined || step === 0 ? undefined : { value: step * factor, section };
  }
  return undefined;
}

/** The acquisition model of an OIB from its main settings and its first channel's `.pty`. */
export function oibAcquisition(main: Settings, pty: Settings | undefined, axes: [string, number][]): Acquisition {
  const b = new AcquisitionBuilder('oib');
  const version = [setting(main, 'Version Info', 'SystemName'), setting(main, 'Version Info', 'SystemVersion')].filter(
    (s) => s !== undefined,
  );
  b.top('software', version.join(' '), '[Version Info] SystemName+SystemVersion');
  b.group(
    'instrument',
    'model',
    setting(main, 'Acquisition Parameters Common', 'Acquisition Device'),
    '[Acquisition Parameters Common] Acquisition Device',
  );
  const A = 'Acquisition Parameters Common';
  b.group(
    'objective',
    'name',
    setting(pty, A, 'ObjectiveLens Name')?.replace(/\s+/g, ' '),
    `.pty [${A}] ObjectiveLens Name`,
  );
  b.group('objective', 'magnification', numberOf(setting(pty, A, 'Magnification')), `.pty [${A}] Magnification`);
  b.group('objective', 'na', numberOf(setting(pty, A, 'ObjectiveLens NAValue')), `.pty [${A}] ObjectiveLens NAValue`);
  const channels = axes.find(([a]) => a === 'C')?.[1] ?? 1;
  b.channelCount(channels);
  for (let i = 0; i < channels; i++) {
    const S = `Channel ${i + 1} Parameters`;
    b.channel(i, 'name', setting(main, S, 'CH Name'), `[${S}] CH Name`);
    const dye = setting(main, S, 'DyeName');
    b.channel(i, 'fluor', dye === 'None' ? undefined : dye, `[${S}] DyeName`);
    const ex = numberOf(setting(main, S, 'ExcitationWavelength'));
    const em = numberOf(setting(main, S, 'EmissionWavelength'));
    b.channel(i, 'excitation_nm', ex !== undefined && ex > 0 ? ex : undefined, `[${S}] ExcitationWavelength`);
    b.channel(i, 'emission_nm', em !== undefined && em > 0 ? em : undefined, `[${S}] EmissionWavelength`);
  }
  const calibration = oibCalibration(main);
  b.group('pixel_size_um', 'x', calibration?.x, '[Reference Image Parameter] WidthConvertValue');
  b.group('pixel_size_um', 'y', calibration?.y, '[Reference Image Parameter] HeightConvertValue');
  const has = (a: string): boolean => axes.some(([x, n]) => x === a && n > 1);
  const z = has('Z') ? axisStep(main, 'Z') : undefined;
  b.group('pixel_size_um', 'z', z?.value, `[${z?.section ?? 'Axis Z'}] Start/EndPosition`);
  const t = has('T') ? axisStep(main, 'T') : undefined;
  b.top('time_increment_s', t?.value, `[${t?.section ?? 'Axis T'}] Start/EndPosition`);
  const when = captured(main);
  const millis = setting(main, A, 'ImageCaputreDate+MilliSec');
  const fraction = millis !== undefined && /^\d{1,3}$/.test(millis) ? `.${millis.padStart(3, '0')}` : '';
  b.top(
    'acquired_at',
    when === null ? undefined : `${when.text.trim().replace(' ', 'T')}${fraction}`,
    `[${A}] ImageCaputreDate(+MilliSec)`,
  );
  return b.build();
}
