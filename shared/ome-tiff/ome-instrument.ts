/**
 * The Instrument of an archival OME-XML, from what the acquisition records: the Microscope,
 * the Objective, a Detector for each distinct detector the channels name, a
 * GenericExcitationSource for each distinct excitation wavelength (the model does not say
 * whether a laser, an LED or a lamp gave it), and the IDs the Image and its channels refer to.
 */
import type { Acquisition, AcquisitionChannel } from '../acquisition/acquisition-types';
import { omeCorrection, omeDetectorType, omeImmersion } from './ome-enums';
import { xmlElement } from './xml-text';

/** The Instrument element and the references into it. */
export interface OmeInstrument {
  /** The Instrument element; undefined when the acquisition records nothing of one. */
  element: string | undefined;
  /** The Objective's ID, for the Image's ObjectiveSettings; undefined when there is none. */
  objectiveId: string | undefined;
  /** For each channel: the ID of its Detector, if the acquisition names one. */
  detectorIds: (string | undefined)[];
  /** For each channel: the ID of its light source and the wavelength, if the acquisition records one. */
  lightSources: ({ id: string; wavelengthNm: number } | undefined)[];
}

/** `value` when it is a positive number (OME's PositiveFloat), else undefined. */
export function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

function objectiveElement(acquisition: Acquisition, id: string): string | undefined {
  const objective = acquisition.objective;
  if (objective === undefined) return undefined;
  const attributes = {
    ID: id,
    Model: objective.name,
    Correction: objective.name === undefined ? undefined : omeCorrection(objective.name),
    Immersion: objective.immersion === undefined ? undefined : omeImmersion(objective.immersion),
    LensNA: positive(objective.na),
    NominalMagnification: positive(objective.magnification),
    WorkingDistance: positive(objective.working_distance_um),
    WorkingDistanceUnit: positive(objective.working_distance_um) === undefined ? undefined : 'µm',
  };
  const { ID: _id, ...stated } = attributes;
  if (Object.values(stated).every((value) => value === undefined)) return undefined;
  return xmlElement('Objective', attributes);
}

/** A channel's detector as OME states it; undefined when the acquisition records none of its fields. */
function detectorAttributes(channel: AcquisitionChannel): Record<string, string | undefined> | undefined {
  const attributes = {
    Manufacturer: channel.detector_manufacturer,
    Model: channel.detector_model,
    SerialNumber: channel.detector_serial,
    Type: channel.detector_type === undefined ? undefined : omeDetectorType(channel.detector_type),
  };
  return Object.values(attributes).some((value) => value !== undefined) ? attributes : undefined;
}

/** The Instrument (`Instrument:0`) for the first `channelCount` channels of `acquisition`. */
export function omeInstrument(acquisition: Acquisition, channelCount: number): OmeInstrument {
  const channels = (acquisition.channels ?? []).slice(0, channelCount);
  const objective = objectiveElement(acquisition, 'Objective:0:0');
  const detectors = new Map<string, string>();
  const detectorIds = channels.map((channel) => {
    const attributes = detectorAttributes(channel);
    if (attributes === undefined) return undefined;
    const key = JSON.stringify(attributes);
    let id = detectors.get(key);
    if (id === undefined) {
      id = `Detector:0:${detectors.size}`;
      detectors.set(key, id);
    }
    return id;
  });
  const sources = new Map<number, string>();
  const lightSources = channels.map((channel) => {
    const wavelengthNm = positive(channel.excitation_nm);
    if (wavelengthNm === undefined) return undefined;
    let id = sources.get(wavelengthNm);
    if (id === undefined) {
      id = `LightSource:0:${sources.size}`;
      sources.set(wavelengthNm, id);
    }
    return { id, wavelengthNm };
  });
  const { manufacturer, model } = acquisition.instrument ?? {};
  const children = [
    ...(manufacturer === undefined && model === undefined
      ? []
      : [xmlElement('Microscope', { Manufacturer: manufacturer, Model: model })]),
    ...[...sources.values()].map((id) => xmlElement('GenericExcitationSource', { ID: id })),
    ...[...detectors].map(([key, id]) => xmlElement('Detector', { ID: id, ...(JSON.parse(key) as object) })),
    ...(objective === undefined ? [] : [objective]),
  ];
  return {
    element: children.length === 0 ? undefined : xmlElement('Instrument', { ID: 'Instrument:0' }, children),
    objectiveId: objective === undefined ? undefined : 'Objective:0:0',
    detectorIds,
    lightSources,
  };
}
