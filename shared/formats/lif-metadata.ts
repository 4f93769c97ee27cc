/**
 * What a LIF image's XML tells beyond its shape: the first timestamp (Windows FILETIME, UTC),
 * pixel sizes from each dimension's `Length` over its elements less one (readlif's rule), and
 * the acquisition model from the `HardwareSetting` attachment's confocal settings (LAS X): the
 * active detectors, when as many as the channels, are the channels' (their dye, name and type);
 * each channel's colour from its lookup table's name.
 */
import type { FileCalibration } from '../image-header';
import type { Acquisition } from '../acquisition/acquisition-types';
import { AcquisitionBuilder } from '../acquisition/acquisition-builder';
import { namedColor } from '../acquisition/named-colors';
import { headerDateTime, isoUtc, utcFields } from './bytes';
import type { LifDimension, LifImage } from './lif-image';
import type { LifAxes } from './lif-planes';
import { all, at, descendants, numberOf } from './xml-tools';

/** Milliseconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
const FILETIME_EPOCH_MS = 11644473600000;

/** The first timestamp of the image as Unix milliseconds, or undefined. */
export function lifFirstTimestamp(image: LifImage): number | undefined {
  const list = at(image.element, 'Data/Image/TimeStampList');
  if (list === undefined) return undefined;
  const first = list.text.trim().split(/\s+/)[0];
  if (first !== undefined && /^[0-9a-fA-F]{1,16}$/.test(first))
    return Number(BigInt(`0x${first}`) / 10000n) - FILETIME_EPOCH_MS;
  const stamp = list.children.find((c) => c.name === 'TimeStamp');
  const high = Number(stamp?.attributes.HighInteger);
  const low = Number(stamp?.attributes.LowInteger);
  if (!Number.isSafeInteger(high) || !Number.isSafeInteger(low)) return undefined;
  return Math.floor((high * 2 ** 32 + low) / 10000) - FILETIME_EPOCH_MS;
}

/** CloudScope-style date and time of the first timestamp (UTC). */
export function lifDateTime(image: LifImage): { date: string; time: string } {
  const ms = lifFirstTimestamp(image);
  return headerDateTime(ms === undefined ? null : utcFields(ms));
}

/** Size of one element along a dimension in µm (or s for time); undefined when unknown. */
export function lifStep(d: LifDimension | undefined): number | undefined {
  if (d === undefined || d.length === undefined || d.count < 2) return undefined;
  const step = d.length / (d.count - 1);
  if (!(step > 0)) return undefined;
  return d.unit === 'm' ? step * 1e6 : d.unit === 's' ? step : undefined;
}

/** Pixel size of the plane (its `x` by `y`: see lif-planes) when both are lengths in metres. */
export function lifCalibration({ x: across, y: down }: LifAxes): FileCalibration | null {
  if (across?.unit !== 'm' || down?.unit !== 'm') return null;
  const [x, y] = [lifStep(across), lifStep(down)];
  return x === undefined || y === undefined ? null : { x, y, unit: 'um', source: 'lif' };
}

/** The acquisition model of one LIF image. */
export function lifAcquisition(image: LifImage, channelCount: number): Acquisition {
  const b = new AcquisitionBuilder('lif');
  const hardware = all(at(image.element, 'Data/Image'), 'Attachment').find(
    (a) => a.attributes.Name === 'HardwareSetting',
  );
  const H = 'Attachment[@Name=HardwareSetting]';
  b.top('software', hardware?.attributes.Software, `${H}@Software`);
  b.group('instrument', 'model', hardware?.attributes.SystemTypeName, `${H}@SystemTypeName`);
  const confocal =
    hardware === undefined
      ? undefined
      : [
          ...descendants(hardware, 'ATLConfocalSettingDefinition'),
          ...descendants(hardware, 'ATLCameraSettingDefinition'),
        ][0];
  const C = `${H}/${confocal?.name ?? 'ATLConfocalSettingDefinition'}`;
  b.group('objective', 'name', confocal?.attributes.ObjectiveName, `${C}@ObjectiveName`);
  b.group('objective', 'magnification', numberOf(confocal?.attributes.Magnification), `${C}@Magnification`);
  b.group('objective', 'na', numberOf(confocal?.attributes.NumericalAperture), `${C}@NumericalAperture`);
  b.group('objective', 'immersion', confocal?.attributes.Immersion, `${C}@Immersion`);
  b.channelCount(channelCount);
  const active =
    confocal === undefined ? [] : [...descendants(confocal, 'Detector')].filter((d) => d.attributes.IsActive === '1');
  const bands = confocal === undefined ? [] : [...descendants(confocal, 'MultiBand')];
  if (active.length === channelCount) {
    active.forEach((detector, i) => {
      const band = bands.find((m) => m.attributes.Channel === detector.attributes.Channel);
      b.channel(
        i,
        'fluor',
        band?.attributes.DyeName,
        `${C}/Spectro/MultiBand[@Channel=${detector.attributes.Channel ?? ''}]@DyeName`,
      );
      const D = `${C}/DetectorList/Detector[@Channel=${detector.attributes.Channel ?? ''}]`;
      b.channel(i, 'detector_name', detector.attributes.Name, `${D}@Name`);
      b.channel(i, 'detector_type', detector.attributes.Type, `${D}@Type`);
    });
  }
  // LAS X names each channel's lookup table; one of a single colour is the colour it shows the channel in
  const described = all(at(image.element, 'Data/Image/ImageDescription'), 'Channels/ChannelDescription');
  if (described.length === channelCount)
    described.forEach((channel, i) => {
      const key = `ImageDescription/Channels/ChannelDescription[${i}]@LUTName`;
      b.channel(i, 'color', namedColor(channel.attributes.LUTName), key);
    });
  const byId = (id: number): LifDimension | undefined => image.dims.find((d) => d.id === id);
  for (const [axis, id] of [
    ['x', 1],
    ['y', 2],
    ['z', 3],
  ] as const) {
    const d = byId(id);
    b.group(
      'pixel_size_um',
      axis,
      d?.unit === 'm' ? lifStep(d) : undefined,
      `ImageDescription/Dimensions/DimensionDescription[@DimID=${id}]@Length`,
    );
  }
  const t = byId(4);
  b.top(
    'time_increment_s',
    t?.unit === 's' ? lifStep(t) : undefined,
    'ImageDescription/Dimensions/DimensionDescription[@DimID=4]@Length',
  );
  const ms = lifFirstTimestamp(image);
  b.top('acquired_at', ms === undefined ? undefined : isoUtc(ms), 'Data/Image/TimeStampList (first)');
  return b.build();
}
