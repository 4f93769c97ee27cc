/**
 * What a CZI's metadata XML (`ImageDocument/Metadata`) tells: the acquisition date CloudScope
 * shows, the pixel size from `Scaling/Items/Distance` (metres), and the acquisition model from
 * `Information` (application, instrument, objective, channels with their light sources, their
 * kinds and filters), `Scaling` and `DisplaySetting` (channel colours, and the names
 * `Information` lacks).
 */
import type { FileCalibration } from '../image-header';
import { LIGHT_SOURCE_KINDS, type Acquisition } from '../acquisition/acquisition-types';
import type { XmlElement } from '../tiff/xml';
import { AcquisitionBuilder } from '../acquisition/acquisition-builder';
import { isConversionProgram } from '../acquisition/conversion-programs';
import { headerDateTime, isoFields } from './bytes';
import { all, at, descendants, firstDescendant, numberOf, textAt } from './xml-tools';

/**
 * CloudScope's date and time: czifile takes the first `AcquisitionDateAndTime` in the document,
 * drops its zone suffix, and numpy parses it (years 1678..2261); the `0001-01-01T00:00:00`
 * placeholder and anything unparsable give none.
 */
export function cziDateTime(root: XmlElement | null): { date: string; time: string } {
  const text = root === null ? undefined : firstDescendant(root, 'AcquisitionDateAndTime')?.text.trim();
  if (text === undefined || text === '' || text.startsWith('0001-01-01T00:00:00')) return headerDateTime(null);
  const clean = text.replace(/Z$|[+-]\d{2}:\d{2}$/, '');
  const fields = isoFields(clean) ?? (/^\d{4}-\d{2}-\d{2}$/.test(clean) ? isoFields(`${clean}T00:00:00`) : null);
  if (fields === null || fields.year < 1678 || fields.year > 2261) return headerDateTime(null);
  return headerDateTime(fields);
}

/** The `Scaling/Items/Distance` values in metres, by axis (czifile reads them anywhere in the document). */
function distances(root: XmlElement | null): Map<string, number> {
  const out = new Map<string, number>();
  const scaling = root === null ? undefined : firstDescendant(root, 'Scaling');
  for (const d of all(scaling, 'Items/Distance')) {
    const value = numberOf(textAt(d, 'Value'));
    const id = d.attributes.Id;
    if (id !== undefined && value !== undefined && !out.has(id)) out.set(id, value);
  }
  return out;
}

/** Pixel size in µm from the scaling distances; null unless X and Y are both positive. */
export function cziCalibration(root: XmlElement | null): FileCalibration | null {
  const d = distances(root);
  const [x, y] = [d.get('X'), d.get('Y')];
  if (x === undefined || y === undefined || x <= 0 || y <= 0) return null;
  return { x: x * 1e6, y: y * 1e6, unit: 'um', source: 'czi' };
}

/**
 * The planned time interval in seconds: the first `Interval/TimeSpan/Value` (czifile's choice).
 * ZEN writes it in seconds whatever its `DefaultUnitFormat` display unit says (a 60 with unit
 * `min` sits beside time offsets 60 s apart); 0 means none.
 */
function plannedInterval(root: XmlElement | null): number | undefined {
  if (root === null) return undefined;
  for (const interval of descendants(root, 'Interval')) {
    const text = textAt(interval, 'TimeSpan/Value');
    if (text === undefined) continue;
    const seconds = numberOf(text);
    return seconds !== undefined && seconds > 0 ? seconds : undefined;
  }
  return undefined;
}

/** The instrument's `kind` (`Objectives/Objective`) with the Id `ref` names, else its first; and its path. */
function referenced(
  information: XmlElement | undefined,
  kind: string,
  ref: string | undefined,
): { element: XmlElement | undefined; path: string } {
  const elements = all(information, `Instrument/${kind}`);
  const chosen = elements.find((e) => ref !== undefined && e.attributes.Id === ref) ?? elements[0];
  return { element: chosen, path: `Information/Instrument/${kind}[@Id='${chosen?.attributes.Id ?? ''}']` };
}

/** The instrument's `kind` with the Id `id`, if any. */
function byId(information: XmlElement | undefined, kind: string, id: string | undefined): XmlElement | undefined {
  return id === undefined ? undefined : all(information, `Instrument/${kind}`).find((e) => e.attributes.Id === id);
}

/** A part's name: its `Name`, else the model its maker gives it (ZEN names lasers and objectives only so). */
function partName(part: XmlElement | undefined): { name: string | undefined; key: string } {
  const name = part?.attributes.Name;
  return name !== undefined && name.trim() !== ''
    ? { name, key: '@Name' }
    : { name: textAt(part, 'Manufacturer/Model'), key: '/Manufacturer/Model' };
}

/**
 * A channel's excitation: the light used (the illumination's single peak, else the wavelength of
 * its first light source setting), and apart from it the dye's peak that ZEN records as
 * `ExcitationWavelength` (DAPI's 353 nm, lit by a 385 nm LED).
 */
function readExcitation(b: AcquisitionBuilder, channel: XmlElement, i: number, p: string): void {
  const peak = numberOf(textAt(channel, 'IlluminationWavelength/SinglePeak'));
  const laser = numberOf(textAt(channel, 'LightSourcesSettings/LightSourceSettings/Wavelength'));
  if (peak !== undefined && peak > 0) b.channel(i, 'excitation_nm', peak, `${p}/IlluminationWavelength/SinglePeak`);
  else if (laser !== undefined && laser > 0)
    b.channel(i, 'excitation_nm', laser, `${p}/LightSourcesSettings/LightSourceSettings[0]/Wavelength`);
  b.channel(i, 'dye_excitation_nm', numberOf(textAt(channel, 'ExcitationWavelength')), `${p}/ExcitationWavelength`);
}

/** The detector a channel's `DetectorSettings/Detector@Id` names among the instrument's: its name, make, model, serial, type. */
function readDetector(
  b: AcquisitionBuilder,
  information: XmlElement | undefined,
  channel: XmlElement,
  i: number,
): void {
  const id = at(channel, 'DetectorSettings/Detector')?.attributes.Id;
  const detector = all(information, 'Instrument/Detectors/Detector').find(
    (d) => id !== undefined && d.attributes.Id === id,
  );
  if (detector === undefined) return;
  const p = `Information/Instrument/Detectors/Detector[@Id='${id ?? ''}']`;
  b.channel(i, 'detector_name', detector.attributes.Name, `${p}@Name`);
  b.channel(
    i,
    'detector_manufacturer',
    textAt(detector, 'Manufacturer/Manufacturer'),
    `${p}/Manufacturer/Manufacturer`,
  );
  b.channel(i, 'detector_model', textAt(detector, 'Manufacturer/Model'), `${p}/Manufacturer/Model`);
  b.channel(i, 'detector_serial', textAt(detector, 'Manufacturer/SerialNumber'), `${p}/Manufacturer/SerialNumber`);
  b.channel(i, 'detector_type', textAt(detector, 'Type'), `${p}/Type`);
}

/**
 * A channel's light source (the one its first light source setting names) and emission filters
 * (those of the filter set it names), by name.
 */
function readLightPath(
  b: AcquisitionBuilder,
  information: XmlElement | undefined,
  channel: XmlElement,
  i: number,
): void {
  const lightId = at(channel, 'LightSourcesSettings/LightSourceSettings/LightSource')?.attributes.Id;
  const source = byId(information, 'LightSources/LightSource', lightId);
  const light = partName(source);
  const lightPath = `Information/Instrument/LightSources/LightSource[@Id='${lightId ?? ''}']`;
  b.channel(i, 'light_source', light.name, `${lightPath}${light.key}`);
  const kinds = at(source, 'LightSourceType')?.children ?? [];
  const kind = LIGHT_SOURCE_KINDS.find((name) => kinds.some((element) => element.name === name));
  b.channel(i, 'light_source_kind', kind, `${lightPath}/LightSourceType`);
  const setId = at(channel, 'FilterSet')?.attributes.Id;
  const set = byId(information, 'FilterSets/FilterSet', setId);
  const names = all(set, 'EmissionFilters/EmissionFilterRef')
    .map((ref) => partName(byId(information, 'Filters/Filter', ref.attributes.Id)).name?.trim())
    .filter((name) => name !== undefined && name !== '');
  b.channel(
    i,
    'emission_filter',
    names.join('; '),
    `Information/Instrument/FilterSets/FilterSet[@Id='${setId ?? ''}']/EmissionFilters → Filters/Filter`,
  );
}

/** Each channel's `DisplaySetting` channel (by Id; by place when the two lists are as long) and its path. */
function displayChannels(
  root: XmlElement | null,
  channels: XmlElement[],
): { display: XmlElement | undefined; path: string }[] {
  const shown = root === null ? [] : all(at(root, 'Metadata'), 'DisplaySetting/Channels/Channel');
  return channels.map((channel, i) => {
    const id = channel.attributes.Id;
    const same = shown.find((d) => id !== undefined && d.attributes.Id === id);
    const display = same ?? (shown.length === channels.length ? shown[i] : undefined);
    return { display, path: `DisplaySetting/Channels/Channel${same === undefined ? `[${i}]` : `[@Id='${id ?? ''}']`}` };
  });
}

/**
 * The channels' names and colours: each `Information` channel's `@Name`, else that of its
 * `DisplaySetting` channel, where ZEN keeps the names a processed image was given; the colour
 * ZEN shows it in (`#AARRGGBB`, or `#RRGGBB`) as `RRGGBB`.
 */
function readDisplay(b: AcquisitionBuilder, root: XmlElement | null, channels: XmlElement[]): void {
  displayChannels(root, channels).forEach(({ display, path }, i) => {
    const own = channels[i]?.attributes.Name;
    if (own !== undefined && own.trim() !== '')
      b.channel(i, 'name', own, `Information/Image/Dimensions/Channels/Channel[${i}]@Name`);
    else b.channel(i, 'name', display?.attributes.Name, `${path}@Name`);
    const color = /^#(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(textAt(display, 'Color')?.trim() ?? '')?.[1];
    b.channel(i, 'color', color?.toUpperCase(), `${path}/Color`);
  });
}

/** The acquisition model of a CZI from its metadata XML, with the resolution `levels` its subblocks hold. */
export function cziAcquisition(root: XmlElement | null, channelCount: number, levels: number): Acquisition {
  const b = new AcquisitionBuilder('czi');
  b.group('storage', 'resolution_levels', levels, "SubBlockDirectory: the scale factors of the scene's subblocks");
  const metadata = root === null ? undefined : at(root, 'Metadata');
  const information = at(metadata, 'Information');
  const application = [textAt(information, 'Application/Name'), textAt(information, 'Application/Version')].filter(
    (s) => s !== undefined,
  );
  const program = application.join(' ');
  b.top(isConversionProgram(program) ? 'written_by' : 'software', program, 'Information/Application/Name+Version');
  const microscopeRef = at(information, 'Image/MicroscopeRef')?.attributes.Id;
  const { element: microscope, path: m } = referenced(information, 'Microscopes/Microscope', microscopeRef);
  // ZEN names a confocal's stand by its System (`LSM 880, AxioObserver`), not a Name
  const stand = microscope?.attributes.Name?.trim() ? '@Name' : '/System';
  b.group(
    'instrument',
    'model',
    stand === '@Name' ? microscope?.attributes.Name : textAt(microscope, 'System'),
    `${m}${stand}`,
  );
  b.group(
    'instrument',
    'manufacturer',
    textAt(microscope, 'Manufacturer/Manufacturer'),
    `${m}/Manufacturer/Manufacturer`,
  );
  const objectiveRef = at(information, 'Image/ObjectiveSettings/ObjectiveRef')?.attributes.Id;
  const { element: obj, path } = referenced(information, 'Objectives/Objective', objectiveRef);
  const lens = partName(obj);
  b.group('objective', 'name', lens.name, `${path}${lens.key}`);
  b.group('objective', 'magnification', numberOf(textAt(obj, 'NominalMagnification')), `${path}/NominalMagnification`);
  b.group('objective', 'na', numberOf(textAt(obj, 'LensNA')), `${path}/LensNA`);
  b.group('objective', 'immersion', textAt(obj, 'Immersion'), `${path}/Immersion`);
  // ZEN writes it in µm; 0 stands for none
  const distance = numberOf(textAt(obj, 'WorkingDistance'));
  b.group(
    'objective',
    'working_distance_um',
    distance !== undefined && distance > 0 ? distance : undefined,
    `${path}/WorkingDistance`,
  );
  const channels = all(information, 'Image/Dimensions/Channels/Channel');
  b.channelCount(Math.max(channelCount, 0));
  readDisplay(b, root, channels.slice(0, channelCount));
  channels.slice(0, channelCount).forEach((ch, i) => {
    const p = `Information/Image/Dimensions/Channels/Channel[${i}]`;
    b.channel(i, 'fluor', textAt(ch, 'Fluor'), `${p}/Fluor`);
    readExcitation(b, ch, i, p);
    b.channel(i, 'emission_nm', numberOf(textAt(ch, 'EmissionWavelength')), `${p}/EmissionWavelength`);
    const exposureNs = numberOf(textAt(ch, 'ExposureTime'));
    b.channel(i, 'exposure_s', exposureNs === undefined ? undefined : exposureNs / 1e9, `${p}/ExposureTime`);
    readLightPath(b, information, ch, i);
    readDetector(b, information, ch, i);
  });
  const d = distances(root);
  for (const axis of ['X', 'Y', 'Z'] as const) {
    const metres = d.get(axis);
    if (metres !== undefined && metres > 0)
      b.group('pixel_size_um', axis.toLowerCase(), metres * 1e6, `Scaling/Items/Distance[@Id='${axis}']/Value`);
  }
  b.top('time_increment_s', plannedInterval(root), 'Interval/TimeSpan/Value (the first in the document)');
  const acquired = textAt(information, 'Image/AcquisitionDateAndTime');
  if (acquired !== undefined && !acquired.startsWith('0001-01-01'))
    b.top('acquired_at', acquired, 'Information/Image/AcquisitionDateAndTime');
  return b.build();
}
