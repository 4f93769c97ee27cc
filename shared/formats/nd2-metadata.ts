/**
 * What an ND2's picture metadata (`ImageMetadataSeqLV|0!`), text info and application info
 * tell about the acquisition: objective, channels with their wavelengths, exposure and colour, pixel
 * size, time interval, date and software, read the way the `nd2` package reads them.
 */
import type { Acquisition } from '../acquisition/acquisition-types';
import { AcquisitionBuilder } from '../acquisition/acquisition-builder';
import { isoUtc } from './bytes';
import type { Nd2Loop } from './nd2-experiment';
import { liteAt, liteNumber, liteString, liteValues, type LiteValue } from './nd2-lite';

/** Julian day number of the Unix epoch. */
const JDN_UNIX_EPOCH = 2440587.5;

/** The picture planes (one per channel) of the metadata. */
export function nd2Planes(meta: LiteValue | undefined): LiteValue[] {
  const planes = liteAt(meta, 'sPicturePlanes');
  const listed = liteValues(liteAt(planes, 'sPlaneNew'));
  return listed.length > 0 ? listed : liteValues(liteAt(planes, 'sPlane'));
}

/** The wavelength of a spectrum's highest point (0 when it has none). */
function spectrumMax(spectrum: LiteValue | undefined): number {
  let best: { t: number; wavelength: number } | null = null;
  for (const point of liteValues(liteAt(spectrum, 'pPoint'))) {
    const t = liteNumber(point, 'dTValue') ?? 0;
    if (best === null || t > best.t) best = { t, wavelength: liteNumber(point, 'dWavelength') ?? 0 };
  }
  return best?.wavelength ?? 0;
}

const RGB_COLORS = [420, 515, 590];

/** Excitation and emission of a plane: from its probe, else its first filter (nd2's `_read_wavelengths`). */
function wavelengths(plane: LiteValue, index: number): { excitation: number; emission: number } {
  const probe = liteAt(plane, 'pFluorescentProbe');
  const filter = liteValues(liteAt(plane, 'pFilterPath', 'm_pFilter'))[0];
  const rgb = liteNumber(plane, 'uiCompCount') === 3;
  let excitation = spectrumMax(liteAt(probe, 'm_ExcitationSpectrum'));
  if (excitation === 0 && filter !== undefined) {
    const spectrum = liteAt(filter, 'm_ExcitationSpectrum');
    const points = liteValues(liteAt(spectrum, 'pPoint'));
    if ((liteNumber(spectrum, 'uiCount') ?? 0) > 1 && points.every((p) => liteNumber(p, 'eType') === 4))
      excitation = liteNumber(liteAt(spectrum, 'pPoint'), `Point${index}`, 'dWavelength') ?? 0;
    if (excitation === 0) excitation = spectrumMax(spectrum);
  }
  if (excitation === 0 && rgb) excitation = RGB_COLORS[index] ?? 0;
  let emission = rgb ? (RGB_COLORS[index] ?? 0) : spectrumMax(liteAt(probe, 'm_EmissionSpectrum'));
  if (emission === 0 && filter !== undefined) emission = spectrumMax(liteAt(filter, 'm_EmissionSpectrum'));
  return { excitation, emission };
}

/** The objective's magnification: the metadata's, else the number before `x` in the text info's optics. */
function magnification(
  meta: LiteValue | undefined,
  optics: string | undefined,
): { value: number | undefined; key: string } {
  const mag = liteNumber(meta, 'dObjectiveMag') ?? 0;
  if (mag > 0) return { value: mag, key: 'SLxPictureMetadata/dObjectiveMag' };
  const match = optics === undefined ? null : /\s?(\d+)x/i.exec(optics);
  return { value: match === null ? undefined : Number(match[1]), key: 'SLxImageTextInfo/TextInfoItem_13 (optics)' };
}

/** The pixel size of the metadata when it is calibrated (µm per pixel). */
export function nd2PixelSize(meta: LiteValue | undefined): number | undefined {
  const calibration = liteNumber(meta, 'dCalibration') ?? 0;
  return liteAt(meta, 'bCalibrated') === true && calibration > 0 ? calibration : undefined;
}

/** A channel's colour, stored as a Windows COLORREF (red in the low byte), as `RRGGBB`. */
function abgrColor(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isInteger(value) || value < 0) return undefined;
  const [r, g, b] = [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff];
  return [r, g, b]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** Inputs of the ND2 acquisition model. */
export interface Nd2MetadataParts {
  meta: LiteValue | undefined;
  textInfo: LiteValue | undefined;
  appInfo: LiteValue | undefined;
  loops: Nd2Loop[];
}

/** The acquisition model of an ND2 file. */
export function nd2Acquisition({ meta, textInfo, appInfo, loops }: Nd2MetadataParts): Acquisition {
  const b = new AcquisitionBuilder('nd2');
  const M = 'SLxPictureMetadata';
  const software = [liteString(appInfo, 'm_SWNameString'), liteString(appInfo, 'm_VersionString')].filter(
    (s) => s !== undefined && s !== '',
  );
  b.top('software', software.join(' '), 'CustomDataVar|AppInfo_V1_0/m_SWNameString+m_VersionString');
  const settings = liteValues(liteAt(meta, 'sPicturePlanes', 'sSampleSetting'));
  const device = liteAt(settings[0], 'pDeviceSetting');
  b.group(
    'instrument',
    'model',
    liteString(device, 'm_sMicroscopePhysFullName') || liteString(device, 'm_sMicroscopeFullName'),
    `${M}/sPicturePlanes/sSampleSetting/a0/pDeviceSetting/m_sMicroscopePhysFullName`,
  );
  b.group('objective', 'name', liteString(meta, 'wsObjectiveName'), `${M}/wsObjectiveName`);
  const mag = magnification(meta, liteString(textInfo, 'TextInfoItem_13'));
  b.group('objective', 'magnification', mag.value, mag.key);
  const na = liteNumber(meta, 'dObjectiveNA') ?? -1;
  b.group('objective', 'na', na > 0 ? na : undefined, `${M}/dObjectiveNA`);
  const planes = nd2Planes(meta);
  b.channelCount(planes.length);
  planes.forEach((plane, i) => {
    const p = `${M}/sPicturePlanes/sPlaneNew/a${i}`;
    b.channel(i, 'name', liteString(plane, 'sDescription'), `${p}/sDescription`);
    b.channel(i, 'fluor', liteString(plane, 'pFluorescentProbe', 'm_sName'), `${p}/pFluorescentProbe/m_sName`);
    b.channel(i, 'color', abgrColor(liteNumber(plane, 'uiColor')), `${p}/uiColor`);
    const { excitation, emission } = wavelengths(plane, i);
    b.channel(
      i,
      'excitation_nm',
      excitation > 0 ? excitation : undefined,
      `${p} (probe or filter excitation spectrum)`,
    );
    b.channel(i, 'emission_nm', emission > 0 ? emission : undefined, `${p} (probe or filter emission spectrum)`);
    const sample = liteNumber(plane, 'uiSampleIndex') || i;
    const exposureMs = liteNumber(meta, 'sPicturePlanes', 'sSampleSetting', `a${sample}`, 'dExposureTime');
    b.channel(
      i,
      'exposure_s',
      exposureMs !== undefined && exposureMs > 0 ? exposureMs / 1000 : undefined,
      `${M}/sPicturePlanes/sSampleSetting/a${sample}/dExposureTime`,
    );
  });
  const xy = nd2PixelSize(meta);
  b.group('pixel_size_um', 'x', xy, `${M}/dCalibration`);
  b.group('pixel_size_um', 'y', xy, `${M}/dCalibration`);
  const z = loops.find((l) => l.type === 'ZStackLoop');
  b.group(
    'pixel_size_um',
    'z',
    z?.stepUm !== undefined && z.stepUm !== 0 ? Math.abs(z.stepUm) : undefined,
    'SLxExperiment ZStackLoop/dZStep',
  );
  const time = loops.find((l) => l.type === 'TimeLoop' || l.type === 'NETimeLoop');
  b.top(
    'time_increment_s',
    time?.periodMs !== undefined && time.periodMs > 0 ? time.periodMs / 1000 : undefined,
    `SLxExperiment ${time?.type ?? 'TimeLoop'}/dPeriod`,
  );
  const jdn = liteNumber(meta, 'dTimeAbsolute') ?? 0;
  b.top(
    'acquired_at',
    jdn > 0 ? isoUtc(Math.round((jdn - JDN_UNIX_EPOCH) * 86_400_000)) : undefined,
    `${M}/dTimeAbsolute`,
  );
  return b.build();
}
