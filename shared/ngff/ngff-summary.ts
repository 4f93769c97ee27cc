/**
 * An NGFF image's header as every other image's: CloudScope's header values, the pixel size the
 * store declares, plane counts, and the acquisition model (pixel sizes, interval, resolution
 * levels, channel names and colours, each with where it was read), merged with what the store's OME-XML (`OME/METADATA.ome.xml`, as
 * bioformats2raw writes it) records of the microscope.
 */
import type { FileCalibration, HeaderValues } from '../image-header';
import { AcquisitionBuilder } from '../acquisition/acquisition-builder';
import type { Acquisition } from '../acquisition/acquisition-types';
import { mergeAcquisitions } from '../acquisition/merge-acquisition';
import { omeAcquisition } from '../acquisition/ome-acquisition';
import { lengthInMicrons, timeInSeconds } from '../acquisition/units';
import { parseOme } from '../tiff/ome';
import { headerFromSizes } from '../formats/header-strings';
import type { NgffAxis, NgffImage } from './types';

/** What {@link ngffSummary} tells of an image. */
export interface NgffSummary {
  header: HeaderValues;
  fileCalibration: FileCalibration | null;
  planes: { c: number; z: number; t: number };
  acquisition: Acquisition;
}

/** Where the full-resolution pixel sizes are read. */
const SCALE_KEY = 'multiscales[0] coordinateTransformations scale of datasets[0]';

/** The place of the axis that is a channel, time or the named one; -1 when there is none. */
function axisIndex(axes: readonly NgffAxis[], name: string, type?: string): number {
  return axes.findIndex((axis) => axis.name.toLowerCase() === name || (type !== undefined && axis.type === type));
}

/** The level-0 size of one axis, in µm (lengths) or s (times); undefined without a unit the model knows. */
function physical(image: NgffImage, index: number, inUnit: typeof lengthInMicrons): number | undefined {
  const axis = image.axes[index];
  const scale = image.levels[0]?.scale[index];
  return axis?.unit === null || axis === undefined || scale === undefined ? undefined : inUnit(scale, axis.unit);
}

/** The acquisition an OME-XML document records; a document that cannot be read is one problem. */
function omeXmlAcquisition(xml: string): Acquisition {
  try {
    const doc = parseOme(xml);
    if (doc === null) return { sources: ['ome'], problems: ['OME/METADATA.ome.xml: not an OME document'] };
    return omeAcquisition(doc.root);
  } catch (error) {
    // the readers' own errors are plain Errors; anything else is a bug, not the file's
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    return { sources: ['ome'], problems: [`OME/METADATA.ome.xml: could not be read (${error.message})`] };
  }
}

/** The header values, declared pixel size, plane counts and acquisition of an NGFF image (level 0), with the store's OME-XML when it has one. */
export function ngffSummary(image: NgffImage, omeXml: string | null = null): NgffSummary {
  const { axes, levels } = image;
  const shape = levels[0]?.shape ?? [];
  const sizes = axes.map((axis, i): [string, number] => [axis.name.toUpperCase(), shape[i] ?? 0]);
  const at = { c: axisIndex(axes, 'c', 'channel'), z: axisIndex(axes, 'z'), t: axisIndex(axes, 't', 'time') };
  const x = physical(image, axisIndex(axes, 'x'), lengthInMicrons);
  const y = physical(image, axisIndex(axes, 'y'), lengthInMicrons);
  const header = {
    ...headerFromSizes(sizes, levels[0]?.dtype ?? '', 1),
    num_channels: at.c < 0 ? 1 : (shape[at.c] ?? 1),
    date: '',
    time: '',
  };
  const b = new AcquisitionBuilder('ngff');
  b.group('storage', 'resolution_levels', levels.length > 0 ? levels.length : undefined, 'multiscales[0] datasets');
  b.group('pixel_size_um', 'x', x, SCALE_KEY);
  b.group('pixel_size_um', 'y', y, SCALE_KEY);
  if (at.z >= 0) b.group('pixel_size_um', 'z', physical(image, at.z, lengthInMicrons), SCALE_KEY);
  if (at.t >= 0) b.top('time_increment_s', physical(image, at.t, timeInSeconds), SCALE_KEY);
  const channels = at.c < 0 ? 1 : (shape[at.c] ?? 1);
  if (image.channels.length > 0) {
    b.channelCount(channels);
    image.channels.slice(0, channels).forEach((channel, i) => {
      b.channel(i, 'name', channel.label ?? undefined, `omero channels[${i}].label`);
      const color = /^[0-9a-f]{6}$/i.test(channel.color ?? '') ? channel.color?.toUpperCase() : undefined;
      b.channel(i, 'color', color, `omero channels[${i}].color`);
    });
  }
  return {
    header,
    fileCalibration: x === undefined || y === undefined ? null : { x, y, unit: 'um', source: 'ngff' },
    planes: {
      c: at.c < 0 ? 1 : (shape[at.c] ?? 1),
      z: at.z < 0 ? 1 : (shape[at.z] ?? 1),
      t: at.t < 0 ? 1 : (shape[at.t] ?? 1),
    },
    acquisition: omeXml === null ? b.build() : (mergeAcquisitions([b.build(), omeXmlAcquisition(omeXml)]) ?? b.build()),
  };
}
