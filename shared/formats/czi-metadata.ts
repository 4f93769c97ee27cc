/**
 * What a CZI's metadata XML (`ImageDocument/Metadata`) tells: the acquisition date CloudScope
 * shows, the pixel size from `Scaling/Items/Distance` (metres), and the acquisition model from
 * `Information` (application, instrument, objective, channels) and `Scaling`.
 */
import type { FileCalibration } from '../api';
import type { Acquisition } from '../acquisition/acquisition-types';
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

/** Objective named by the image's ObjectiveSettings, else the first one of the instrument. */
function objective(information: XmlElement | undefined): { element: XmlElement | undefined; path: string } {
  const objectives = all(information, 'Instrument/Objectives/Objective');
  const ref = at(information, 'Image/ObjectiveSettings/ObjectiveRef')?.attributes.Id;
  const chosen = objectives.find((o) => ref !== undefined && o.attributes.Id === ref) ?? objectives[0];
  return { element: chosen, path: `Information/Instrument/Objectives/Objective[@Id='${chosen?.attributes.Id ?? ''}']` };
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

/** The acquisition model of a CZI from its metadata XML. */
export function cziAcquisition(root: XmlElement | null, channelCount: number): Acquisition {
  const b = new AcquisitionBuilder('czi');
  const metadata = root === null ? undefined : at(root, 'Metadata');
  const information = at(metadata, 'Information');
  const application = [textAt(information, 'Application/Name'), textAt(information, 'Application/Version')].filter(
    (s) => s !== undefined,
  );
  const program = application.join(' ');
  b.top(isConversionProgram(program) ? 'written_by' : 'software', program, 'Information/Application/Name+Version');
  const microscope = all(information, 'Instrument/Microscopes/Microscope')[0];
  b.group('instrument', 'model', microscope?.attributes.Name, 'Information/Instrument/Microscopes/Microscope@Name');
  b.group(
    'instrument',
    'manufacturer',
    textAt(microscope, 'Manufacturer/Manufacturer'),
    'Information/Instrument/Microscopes/Microscope/Manufacturer/Manufacturer',
  );
  const { element: obj, path } = objective(information);
  b.group('objective', 'name', obj?.attributes.Name, `${path}@Name`);
  b.group('objective', 'magnification', numberOf(textAt(obj, 'NominalMagnification')), `${path}/NominalMagnification`);
  b.group('objective', 'na', numberOf(textAt(obj, 'LensNA')), `${path}/LensNA`);
  b.group('objective', 'immersion', textAt(obj, 'Immersion'), `${path}/Immersion`);
  const channels = all(information, 'Image/Dimensions/Channels/Channel');
  b.channelCount(Math.max(channelCount, 0));
  channels.slice(0, channelCount).forEach((ch, i) => {
    const p = `Information/Image/Dimensions/Channels/Channel[${i}]`;
    b.channel(i, 'name', ch.attributes.Name, `${p}@Name`);
    b.channel(i, 'fluor', textAt(ch, 'Fluor'), `${p}/Fluor`);
    readExcitation(b, ch, i, p);
    b.channel(i, 'emission_nm', numberOf(textAt(ch, 'EmissionWavelength')), `${p}/EmissionWavelength`);
    const exposureNs = numberOf(textAt(ch, 'ExposureTime'));
    b.channel(i, 'exposure_s', exposureNs === undefined ? undefined : exposureNs / 1e9, `${p}/ExposureTime`);
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
