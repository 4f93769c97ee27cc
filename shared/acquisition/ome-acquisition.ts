/**
 * The acquisition an OME-XML document records for its first image (schemas 2008-02 to
 * 2016-06): the microscope of the image's Instrument, the Objective its ObjectiveSettings
 * name, the channels (Name, Fluor, Excitation/EmissionWavelength, the exposure of their first
 * Plane, the wavelength and kind of their light source, Color), PhysicalSizeX/Y/Z,
 * DimensionOrder, TimeIncrement, the
 * acquisition date, and the acquisition software an AcqMeta archival copy keeps of its source.
 * Units are OME's (`…Unit` attributes; the schema's defaults when absent).
 * An instrument or objective the image does not name is taken for its own only when it is the
 * only one there is (Bio-Formats' OME-TIFFs of 2008–2016 leave the reference out), and its
 * origin says so; of several, none is guessed.
 */
import { ARCHIVAL_NAMESPACES, SOURCE_SOFTWARE_KEY } from '../ome-tiff/ome-annotations';
import { AcquisitionBuilder } from './acquisition-builder';
import { DIMENSION_ORDERS, LIGHT_SOURCE_KINDS, type Acquisition, type LightSourceKind } from './acquisition-types';
import { isoDateTime } from './dates';
import { isLengthUnit, isTimeUnit, lengthInMicrons, timeInSeconds, wavelengthInNm } from './units';
import { attributeOrChild, childNode, childNodes, type XmlNode } from './xml-node';

/** Most Plane elements looked through for the channels' exposure times. */
const MAX_PLANES = 100_000;

/** The element among `candidates` whose ID is `id`. */
function byId(candidates: XmlNode[], id: string | undefined): XmlNode | undefined {
  if (id === undefined) return undefined;
  for (const node of candidates) if (node.attributes.ID === id) return node;
  return undefined;
}

/** Origin prefix of a value read from an element the image does not reference, the only one of its kind. */
const ONLY_ONE = ' (the only one; the image names none)';

/**
 * The element among `candidates` that `ref` names; with no `ref`, the only candidate, if there
 * is exactly one, and the origin prefix that says it was taken as the only one.
 */
function referencedOrOnly(
  candidates: XmlNode[],
  ref: XmlNode | undefined,
  name: string,
): [XmlNode | undefined, string] {
  if (ref !== undefined) return [byId(candidates, ref.attributes.ID), name];
  return candidates.length === 1 ? [candidates[0], `${name}${ONLY_ONE}`] : [undefined, name];
}

function readInstrument(b: AcquisitionBuilder, root: XmlNode, image: XmlNode): XmlNode | undefined {
  const [instrument, at] = referencedOrOnly(
    childNodes(root, 'Instrument'),
    childNode(image, 'InstrumentRef'),
    'Instrument',
  );
  const microscope = childNode(instrument, 'Microscope');
  b.group('instrument', 'manufacturer', microscope?.attributes.Manufacturer, `${at}/Microscope@Manufacturer`);
  b.group('instrument', 'model', microscope?.attributes.Model, `${at}/Microscope@Model`);
  if (instrument === undefined) return undefined;
  const ref = childNode(image, 'ObjectiveSettings') ?? childNode(image, 'ObjectiveRef');
  const [objective, objectiveAt] = referencedOrOnly(childNodes(instrument, 'Objective'), ref, 'Objective');
  if (objective !== undefined) {
    b.group('objective', 'name', objective.attributes.Model, `${objectiveAt}@Model`);
    b.group(
      'objective',
      'magnification',
      positive(attributeOrChild(objective, 'NominalMagnification')),
      `${objectiveAt}@NominalMagnification`,
    );
    b.group('objective', 'na', positive(attributeOrChild(objective, 'LensNA')), `${objectiveAt}@LensNA`);
    b.group('objective', 'immersion', attributeOrChild(objective, 'Immersion'), `${objectiveAt}@Immersion`);
    const distance = withUnit(b, objective, WORKING_DISTANCE);
    b.group(
      'objective',
      'working_distance_um',
      distance !== undefined && distance > 0 ? distance : undefined,
      `${objectiveAt}@WorkingDistance`,
    );
  }
  return instrument;
}

function positive(text: string | undefined): number | undefined {
  const value = text === undefined ? NaN : Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * An attribute OME measures in a unit: the attribute naming its unit (`…Unit`), the schema's
 * default unit, the conversion to the model's unit.
 */
interface Measured {
  name: string;
  unit: string;
  fallback: string;
  convert: (value: string, unit: string) => number | undefined;
  known: (unit: string) => boolean;
}

function measured(name: string, fallback: string, convert: Measured['convert'], known: Measured['known']): Measured {
  return { name, unit: `${name}Unit`, fallback, convert, known };
}

const PHYSICAL_SIZES = (['X', 'Y', 'Z'] as const).map((axis) => ({
  field: axis.toLowerCase(),
  attribute: measured(`PhysicalSize${axis}`, 'µm', lengthInMicrons, isLengthUnit),
  key: `Pixels@PhysicalSize${axis}`,
}));
const TIME_INCREMENT = measured('TimeIncrement', 's', timeInSeconds, isTimeUnit);
const EXPOSURE_TIME = measured('ExposureTime', 's', timeInSeconds, isTimeUnit);
const WAVELENGTH = measured('Wavelength', 'nm', wavelengthInNm, isLengthUnit);
const EXCITATION = measured('ExcitationWavelength', 'nm', wavelengthInNm, isLengthUnit);
const EMISSION = measured('EmissionWavelength', 'nm', wavelengthInNm, isLengthUnit);
const WORKING_DISTANCE = measured('WorkingDistance', 'µm', lengthInMicrons, isLengthUnit);

/** Reads an attribute in its unit; a unit the reader does not know is a problem. */
function withUnit(b: AcquisitionBuilder, node: XmlNode, attribute: Measured): number | undefined {
  const value = node.attributes[attribute.name];
  if (value === undefined) return undefined;
  const unit = node.attributes[attribute.unit] ?? attribute.fallback;
  if (!attribute.known(unit)) {
    b.problem(
      `OME-XML: ${node.name}@${attribute.unit} "${unit}" is not a unit AcqMeta knows; ${attribute.name} is left out`,
    );
    return undefined;
  }
  return attribute.convert(value, unit);
}

/**
 * Sizes, interval and the stated dimension order. `BigEndian` is not read: an OME-TIFF's
 * samples are in its TIFF header's byte order, which OME readers follow whatever the XML says.
 */
function readPixels(b: AcquisitionBuilder, pixels: XmlNode): void {
  for (const { field, attribute, key } of PHYSICAL_SIZES)
    b.group('pixel_size_um', field, withUnit(b, pixels, attribute), key);
  b.top('time_increment_s', withUnit(b, pixels, TIME_INCREMENT), 'Pixels@TimeIncrement');
  const order = pixels.attributes.DimensionOrder;
  const stated = DIMENSION_ORDERS.find((known) => known === order);
  b.group('storage', 'dimension_order', stated, 'Pixels@DimensionOrder');
}

/** A Channel's `Color` (a signed 32-bit RGBA integer) as `RRGGBB`; undefined when it is not one. */
function channelColor(text: string | undefined): string | undefined {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  if (value < -(2 ** 31) || value >= 2 ** 32) return undefined;
  return (value >>> 0).toString(16).padStart(8, '0').slice(0, 6).toUpperCase();
}

/** The kind of the light source a channel's LightSourceSettings name: its element (2008 schemas: the LightSource's child). */
function lightSourceKind(instrument: XmlNode | undefined, channel: XmlNode): LightSourceKind | undefined {
  const id = childNode(channel, 'LightSourceSettings')?.attributes.ID;
  const source = instrument === undefined ? undefined : byId(instrument.children, id);
  const elements = source?.name === 'LightSource' ? source.children : source === undefined ? [] : [source];
  return LIGHT_SOURCE_KINDS.find((kind) => elements.some((element) => element.name === kind));
}

/** The wavelength of the light source a channel's LightSourceSettings name (a Laser, or a LightSource holding one). */
function lightSourceWavelength(
  b: AcquisitionBuilder,
  instrument: XmlNode | undefined,
  channel: XmlNode,
): number | undefined {
  const settings = childNode(channel, 'LightSourceSettings');
  if (settings === undefined) return undefined;
  const own = withUnit(b, settings, WAVELENGTH);
  if (own !== undefined || instrument === undefined) return own;
  const source = byId(instrument.children, settings.attributes.ID);
  const laser = source?.name === 'Laser' ? source : childNode(source, 'Laser');
  return laser === undefined ? undefined : withUnit(b, laser, WAVELENGTH);
}

/** The Detector of the instrument that a channel's DetectorSettings (2008: DetectorRef) names: its make, model, type, serial. */
function readDetector(b: AcquisitionBuilder, instrument: XmlNode | undefined, channel: XmlNode, i: number): void {
  const ref = childNode(channel, 'DetectorSettings') ?? childNode(channel, 'DetectorRef');
  const detector = instrument === undefined ? undefined : byId(childNodes(instrument, 'Detector'), ref?.attributes.ID);
  if (detector === undefined) return;
  const at = `Detector[@ID=${detector.attributes.ID ?? ''}]@`;
  b.channel(i, 'detector_manufacturer', detector.attributes.Manufacturer, `${at}Manufacturer`);
  b.channel(i, 'detector_model', detector.attributes.Model, `${at}Model`);
  b.channel(i, 'detector_type', detector.attributes.Type, `${at}Type`);
  b.channel(i, 'detector_serial', detector.attributes.SerialNumber, `${at}SerialNumber`);
}

/** Exposure time of each of `count` channels: that of the first Plane of the channel that gives one. */
function exposures(b: AcquisitionBuilder, pixels: XmlNode, count: number): Map<string, number> {
  const out = new Map<string, number>();
  let seen = 0;
  for (const plane of pixels.children) {
    if (out.size >= count) break;
    if (plane.name !== 'Plane') continue;
    if (++seen > MAX_PLANES) break;
    const channel = plane.attributes.TheC ?? '0';
    // a channel past the count is none of the image's: it must not end the search early
    if (!(Number(channel) < count) || out.has(channel) || plane.attributes.ExposureTime === undefined) continue;
    const seconds = withUnit(b, plane, EXPOSURE_TIME);
    if (seconds !== undefined) out.set(channel, seconds);
  }
  return out;
}

/** Channel `i`'s values; `where` names the elements the channels are (`Channel`, `LogicalChannel`). */
function readChannel(
  b: AcquisitionBuilder,
  instrument: XmlNode | undefined,
  channel: XmlNode,
  i: number,
  where: string,
  exposure: Map<string, number>,
): void {
  const at = `${where}[${i}]@`;
  const attributes = channel.attributes;
  b.channel(i, 'name', attributes.Name, `${at}Name`);
  b.channel(i, 'fluor', attributes.Fluor, `${at}Fluor`);
  const excitation = withUnit(b, channel, EXCITATION);
  if (excitation !== undefined) b.channel(i, 'excitation_nm', excitation, `${at}ExcitationWavelength`);
  else if (attributes.ExWave !== undefined)
    b.channel(i, 'excitation_nm', wavelengthInNm(attributes.ExWave, 'nm'), `${at}ExWave`);
  else
    b.channel(i, 'excitation_nm', lightSourceWavelength(b, instrument, channel), `${at}LightSourceSettings@Wavelength`);
  const emission = withUnit(b, channel, EMISSION);
  if (emission !== undefined) b.channel(i, 'emission_nm', emission, `${at}EmissionWavelength`);
  else b.channel(i, 'emission_nm', wavelengthInNm(attributes.EmWave, 'nm'), `${at}EmWave`);
  b.channel(i, 'exposure_s', exposure.get(String(i)), `Plane[TheC=${i}]@ExposureTime`);
  b.channel(i, 'color', channelColor(attributes.Color), `${at}Color`);
  b.channel(i, 'light_source_kind', lightSourceKind(instrument, channel), `${at}LightSourceSettings → Instrument`);
  readDetector(b, instrument, channel, i);
}

function readChannels(
  b: AcquisitionBuilder,
  instrument: XmlNode | undefined,
  image: XmlNode,
  pixels: XmlNode | undefined,
): void {
  const modern = pixels === undefined ? [] : childNodes(pixels, 'Channel');
  const channels = modern.length > 0 ? modern : childNodes(image, 'LogicalChannel');
  const where = modern.length > 0 ? 'Channel' : 'LogicalChannel';
  b.channelCount(channels.length);
  const exposure = pixels === undefined ? new Map<string, number>() : exposures(b, pixels, channels.length);
  for (let i = 0; i < channels.length; i++) readChannel(b, instrument, channels[i] as XmlNode, i, where, exposure);
}

/**
 * The acquisition software of the file an archival copy was made from, as the copy's provenance
 * annotation linked to the image states it: the copy's own writer is no acquisition software.
 */
function readSourceSoftware(b: AcquisitionBuilder, root: XmlNode, image: XmlNode): void {
  const linked = new Set(childNodes(image, 'AnnotationRef').map((ref) => ref.attributes.ID));
  const annotations = childNode(root, 'StructuredAnnotations');
  const provenance = (annotations === undefined ? [] : childNodes(annotations, 'MapAnnotation')).find(
    (map) => map.attributes.Namespace === ARCHIVAL_NAMESPACES.source && linked.has(map.attributes.ID),
  );
  const value = childNode(provenance, 'Value');
  const pair = (value === undefined ? [] : childNodes(value, 'M')).find((m) => m.attributes.K === SOURCE_SOFTWARE_KEY);
  b.top('software', pair?.text, `MapAnnotation[@Namespace=${ARCHIVAL_NAMESPACES.source}]/M[@K=${SOURCE_SOFTWARE_KEY}]`);
}

/** The acquisition of the first image of an OME document (its root element, `OME`). */
export function omeAcquisition(root: XmlNode): Acquisition {
  const b = new AcquisitionBuilder('ome');
  const image = childNode(root, 'Image');
  if (image === undefined) return b.build();
  const instrument = readInstrument(b, root, image);
  const pixels = childNode(image, 'Pixels');
  if (pixels !== undefined) readPixels(b, pixels);
  readChannels(b, instrument, image, pixels);
  readSourceSoftware(b, root, image);
  const dateElement = childNode(image, 'AcquisitionDate') ?? childNode(image, 'CreationDate');
  if (dateElement !== undefined && dateElement.text !== '') {
    const date = isoDateTime(dateElement.text);
    if (date === undefined)
      b.problem(`OME-XML: ${dateElement.name} "${dateElement.text.slice(0, 40)}" is not an ISO 8601 date`);
    b.top('acquired_at', date, `Image/${dateElement.name}`);
  }
  return b.build();
}
