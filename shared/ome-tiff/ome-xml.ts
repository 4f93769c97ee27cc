/**
 * The OME-XML (schema 2016-06) of an archival OME-TIFF: one Image whose planes are the file's
 * IFDs 0…N-1 in XYCZT order (reduced levels are SubIFDs and not named here), its Instrument,
 * and MapAnnotations for the sidecar's experimental fields, the instrument match and the
 * source file. Pure ASCII, so the TIFF writer stores it as an ASCII ImageDescription; it
 * validates against OME's XSD (test/fixtures/ome-schema/) and reads back through the OME
 * acquisition reader to the same channels, objective and sizes.
 */
import type { AcquisitionChannel } from '../acquisition/acquisition-types';
import type { ArchivalImage, ArchivalPixels } from './archival-types';
import { omeAnnotations } from './ome-annotations';
import { omePixelType } from './ome-enums';
import { omeInstrument, positive, type OmeInstrument } from './ome-instrument';
import { xmlElement, xmlText } from './xml-text';

const OME_NAMESPACE = 'http://www.openmicroscopy.org/Schemas/OME/2016-06';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** An ISO 8601 date and time as xsd:dateTime (offset `+0200` written `+02:00`); undefined when it is not one. */
function xsdDateTime(text: string | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text ?? '');
  if (match === null) return undefined;
  const offset = match[2] ?? '';
  return `${match[1]}${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
}

function channelElement(
  image: ArchivalImage,
  instrument: OmeInstrument,
  channel: AcquisitionChannel | undefined,
  c: number,
): string {
  const excitation = positive(channel?.excitation_nm);
  const emission = positive(channel?.emission_nm);
  const light = instrument.lightSources[c];
  const detector = instrument.detectorIds[c];
  return xmlElement(
    'Channel',
    {
      ID: `Channel:0:${c}`,
      Name: channel?.name,
      SamplesPerPixel: image.pixels.samples,
      ExcitationWavelength: excitation,
      ExcitationWavelengthUnit: excitation === undefined ? undefined : 'nm',
      EmissionWavelength: emission,
      EmissionWavelengthUnit: emission === undefined ? undefined : 'nm',
      Fluor: channel?.fluor,
      // OME's Color is RGBA as a signed 32-bit integer: RRGGBB, opaque
      Color: channel?.color === undefined ? undefined : (Number.parseInt(channel.color, 16) * 256 + 255) | 0,
    },
    [
      ...(light === undefined
        ? []
        : [xmlElement('LightSourceSettings', { ID: light.id, Wavelength: light.wavelengthNm, WavelengthUnit: 'nm' })]),
      ...(detector === undefined ? [] : [xmlElement('DetectorSettings', { ID: detector })]),
    ],
  );
}

/** A Plane for each channel with an exposure time: its first plane (Z 0, T 0), as readers look for it. */
function planeElements(channels: (AcquisitionChannel | undefined)[]): string[] {
  const planes: string[] = [];
  channels.forEach((channel, c) => {
    const exposure = channel?.exposure_s;
    if (exposure === undefined || !Number.isFinite(exposure) || exposure < 0) return;
    planes.push(xmlElement('Plane', { TheZ: 0, TheT: 0, TheC: c, ExposureTime: exposure, ExposureTimeUnit: 's' }));
  });
  return planes;
}

function pixelsElement(image: ArchivalImage, instrument: OmeInstrument): string {
  const pixels: ArchivalPixels = image.pixels;
  const channels = Array.from({ length: pixels.sizeC }, (_, c) => image.acquisition.channels?.[c]);
  const { x, y, z } = image.physicalSizeUm;
  const length = (value: number | null): [number | undefined, string | undefined] => {
    const size = positive(value ?? undefined);
    return [size, size === undefined ? undefined : 'µm'];
  };
  const [sizeX, unitX] = length(x);
  const [sizeY, unitY] = length(y);
  const [sizeZ, unitZ] = length(z);
  const increment = image.acquisition.time_increment_s;
  const timeIncrement = increment !== undefined && Number.isFinite(increment) && increment >= 0 ? increment : undefined;
  const planeCount = pixels.sizeC * pixels.sizeZ * pixels.sizeT;
  return xmlElement(
    'Pixels',
    {
      ID: 'Pixels:0',
      DimensionOrder: 'XYCZT',
      Type: omePixelType(pixels.dtype),
      SizeX: pixels.width,
      SizeY: pixels.height,
      SizeZ: pixels.sizeZ,
      SizeC: pixels.sizeC * pixels.samples,
      SizeT: pixels.sizeT,
      BigEndian: false,
      Interleaved: pixels.samples > 1,
      PhysicalSizeX: sizeX,
      PhysicalSizeXUnit: unitX,
      PhysicalSizeY: sizeY,
      PhysicalSizeYUnit: unitY,
      PhysicalSizeZ: sizeZ,
      PhysicalSizeZUnit: unitZ,
      TimeIncrement: timeIncrement,
      TimeIncrementUnit: timeIncrement === undefined ? undefined : 's',
    },
    [
      ...channels.map((channel, c) => channelElement(image, instrument, channel, c)),
      xmlElement('TiffData', { IFD: 0, PlaneCount: planeCount }),
      ...planeElements(channels),
    ],
  );
}

/** The OME-XML document of an archival copy of `image`: ASCII, schema 2016-06, `Creator` the converter. */
export function archivalOmeXml(image: ArchivalImage): string {
  const instrument = omeInstrument(image.acquisition, image.pixels.sizeC);
  const annotations = omeAnnotations(image);
  const date = xsdDateTime(image.acquisition.acquired_at);
  const imageElement = xmlElement('Image', { ID: 'Image:0', Name: image.name }, [
    ...(date === undefined ? [] : [xmlElement('AcquisitionDate', {}, [xmlText(date)])]),
    ...(instrument.element === undefined ? [] : [xmlElement('InstrumentRef', { ID: 'Instrument:0' })]),
    ...(instrument.objectiveId === undefined ? [] : [xmlElement('ObjectiveSettings', { ID: instrument.objectiveId })]),
    pixelsElement(image, instrument),
    ...annotations.ids.map((id) => xmlElement('AnnotationRef', { ID: id })),
  ]);
  const root = xmlElement(
    'OME',
    {
      xmlns: OME_NAMESPACE,
      'xmlns:xsi': XSI_NAMESPACE,
      'xsi:schemaLocation': `${OME_NAMESPACE} ${OME_NAMESPACE}/ome.xsd`,
      Creator: image.converter,
    },
    [...(instrument.element === undefined ? [] : [instrument.element]), imageElement, annotations.element],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
