/**
 * What one image says that a submission's columns can use: its acquisition (instrument,
 * objective, pixel sizes), its header (axes and sizes, pixel type), its sidecar's calibration
 * and, for what the file does not record, the lab's description of the microscope and objective
 * it matched; each fact with where it came from. A fact nobody recorded is absent.
 */
import type { HeaderValues } from '../image-header';
import { DIMENSION_ORDERS, type Acquisition } from '../acquisition/acquisition-types';
import type { FieldValues } from '../fields/field-table';
import type { ImageFormat } from '../image-format';
import { realValue, type MatchedHardware } from '../instruments';
import { headerAxes } from '../sheets/header-axes';

/** The parts of an image row a submission is made from. */
export interface SubmissionImage {
  /** Relative to the dataset folder, `/`-separated. */
  readonly path: string;
  readonly format: ImageFormat;
  readonly header: HeaderValues | null;
  readonly acquisition?: Acquisition;
  /** The sidecar's fields (defaults where it has none). */
  readonly values: FieldValues;
  /** What it matched in the lab's microscope descriptions; absent when none is in force. */
  readonly hardware?: MatchedHardware;
}

/** One fact about an image and where it came from (`image file`, `sidecar`, …). */
export interface Fact {
  readonly value: string | number;
  readonly from: string;
}

/** The facts a column can be filled from. */
export type FactName =
  | 'vendor'
  | 'model'
  | 'microscope'
  | 'objective'
  | 'magnification'
  | 'na'
  | 'immersion'
  | 'workingDistance'
  | 'workingDistanceUnit'
  | 'software'
  | 'pixelSizeX'
  | 'pixelSizeY'
  | 'pixelSizeZ'
  | 'zStack'
  | 'tSeries'
  | 'sizeX'
  | 'sizeY'
  | 'sizeZ'
  | 'sizeC'
  | 'sizeT'
  | 'planeCount'
  | 'dimensionOrder'
  | 'bigEndian'
  | 'pyramid'
  | 'channels'
  | 'pixelType'
  | 'bytesPerPixel';

/**
 * The maker of each vendor format, whose acquisition software writes it for its own
 * instruments: the vendor where the file names its microscope's model but no manufacturer.
 */
export const FORMAT_MAKERS: Readonly<Partial<Record<ImageFormat, string>>> = {
  czi: 'Zeiss',
  nd2: 'Nikon',
  lif: 'Leica',
  oib: 'Olympus',
  oir: 'Olympus',
};

/**
 * The vendor formats whose specification fixes their byte order, little-endian: their pixels
 * are never big-endian (a TIFF's header states its own, which the acquisition model keeps).
 */
const LITTLE_ENDIAN_FORMATS: ReadonlySet<ImageFormat> = new Set(['czi', 'nd2', 'lif']);

/** The vendor formats whose images are stored at one resolution only: never a pyramid. */
const ONE_LEVEL_FORMATS: ReadonlySet<ImageFormat> = new Set(['nd2', 'lif', 'oib']);

/** OME's pixel types by numpy dtype name. */
const PIXEL_TYPES: Readonly<Record<string, string>> = {
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  float32: 'float',
  float64: 'double',
  bool: 'bit',
};

/** Sidecar calibration units as µm factors. */
const UNIT_UM: Readonly<Record<string, number>> = { um: 1, nm: 1e-3, mm: 1e3 };

const FILE = 'image file';
const HEADER = 'image header';

/** Every fact `image` gives, by name. */
export function imageFacts(image: SubmissionImage): Partial<Record<FactName, Fact>> {
  const facts: Partial<Record<FactName, Fact>> = {};
  const put = (name: FactName, value: string | number | undefined, from: string) => {
    if (value !== undefined && value !== '' && !(typeof value === 'number' && !Number.isFinite(value)))
      facts[name] = { value, from };
  };
  const { instrument, objective, pixel_size_um: size, software, storage } = image.acquisition ?? {};
  const maker = FORMAT_MAKERS[image.format];
  const { microscope: described, objective: lens } = image.hardware ?? {};
  if (instrument?.manufacturer !== undefined) put('vendor', instrument.manufacturer, FILE);
  else if (described != null) put('vendor', realValue(described.stand.manufacturer), descriptionOf(described.file));
  // a converter may write the format too: only a file naming its microscope was written by the maker's software
  if (facts.vendor === undefined && maker !== undefined && instrument?.model !== undefined)
    put('vendor', maker, `${image.format.toUpperCase()} format, made by ${maker}`);
  put('model', instrument?.model, FILE);
  const model = facts.model?.value;
  const vendor = facts.vendor?.value;
  if (model !== undefined)
    put(
      'microscope',
      vendor === undefined || String(model).startsWith(String(vendor)) ? model : `${vendor} ${model}`,
      FILE,
    );
  put('objective', objective?.name, FILE);
  put('magnification', objective?.magnification, FILE);
  put('na', objective?.na, FILE);
  put('immersion', objective?.immersion, FILE);
  put('workingDistance', objective?.working_distance_um, FILE);
  if (facts.workingDistance !== undefined) put('workingDistanceUnit', 'µm', FILE);
  if (lens != null) lensFacts(lens, facts, put);
  put('software', software, FILE);
  put('pixelSizeX', size?.x ?? calibrationUm(image.values, 'x'), size?.x === undefined ? 'sidecar calibration' : FILE);
  put('pixelSizeY', size?.y ?? calibrationUm(image.values, 'y'), size?.y === undefined ? 'sidecar calibration' : FILE);
  put('pixelSizeZ', size?.z, FILE);
  const format = `${image.format.toUpperCase()} format`;
  if (storage?.byte_order !== undefined) put('bigEndian', storage.byte_order === 'big' ? 'True' : 'False', FILE);
  else if (LITTLE_ENDIAN_FORMATS.has(image.format)) put('bigEndian', 'False', format);
  const levels = storage?.resolution_levels;
  if (levels !== undefined) put('pyramid', levels > 1 ? 'Yes' : 'No', FILE);
  else if (ONE_LEVEL_FORMATS.has(image.format)) put('pyramid', 'No', format);
  if (image.header !== null) headerFacts(image.header, put);
  // the order the file states, even where an axis of one plane makes another order equivalent
  put('dimensionOrder', storage?.dimension_order, FILE);
  return facts;
}

/** Where a fact from the lab's description `file` came from. */
const descriptionOf = (file: string): string => `microscope description ${file}`;

/** Lengths as OME (and HTAN) spell their units. */
const LENGTH_UNITS: Readonly<Record<string, string>> = { um: 'µm', μm: 'µm', micron: 'µm', microns: 'µm' };

/** The objective's facts the file does not record, from the lab's description of the objective it matched. */
function lensFacts(
  { component, file }: NonNullable<MatchedHardware['objective']>,
  facts: Partial<Record<FactName, Fact>>,
  put: (name: FactName, value: string | number | undefined, from: string) => void,
) {
  const from = descriptionOf(file);
  // a placeholder (`999`) is no value, whether text or number
  const fill = (name: FactName, value: string | number | undefined) => {
    if (facts[name] === undefined && realValue(value === undefined ? undefined : String(value)) !== undefined)
      put(name, value, from);
  };
  fill('objective', realValue(component.model) ?? realValue(component.name));
  fill('magnification', component.magnification);
  fill('na', component.na);
  fill('immersion', component.immersion);
  fill('workingDistance', component.workingDistance);
  if (facts.workingDistance?.from === from) {
    const unit = realValue(component.workingDistanceUnit);
    put('workingDistanceUnit', unit === undefined ? undefined : (LENGTH_UNITS[unit.toLowerCase()] ?? unit), from);
  }
}

/** The sidecar's pixel size along `axis` in µm, when its unit is a length (not the default `Pixels`). */
function calibrationUm(values: FieldValues, axis: 'x' | 'y'): number | undefined {
  const factor = UNIT_UM[String(values[`physical_label_${axis}`])];
  const size = values[`physical_unit_${axis}`];
  return factor === undefined || typeof size !== 'number' ? undefined : size * factor;
}

/**
 * OME's dimension order of a header's axes (`TZCYX` → `XYCZT`): the header's order reversed
 * (fastest first) for every axis with more than one plane; an axis of size 1 changes no plane's
 * place, so it stands where the first of OME's orders that fits puts it (`YX` → `XYZCT`).
 * Undefined for an axis OME has no letter for.
 */
function dimensionOrder(axes: string, size: (letter: string) => number): string | undefined {
  const spread = [...axes.replace('S', '')].reverse().join('');
  if (![...spread].every((letter) => 'XYZCT'.includes(letter))) return undefined;
  const many = (order: string) => [...order].filter((letter) => spread.includes(letter) && size(letter) > 1).join('');
  return DIMENSION_ORDERS.find((order) => many(order) === many(spread));
}

/** The header's facts: sizes per axis (an axis it lacks has size 1), Z and T flags, pixel type. */
function headerFacts(
  header: HeaderValues,
  put: (name: FactName, value: string | number | undefined, from: string) => void,
) {
  const { axes, sizes } = headerAxes(header);
  if (axes.length === 0 || axes.length !== sizes.length) return;
  const size = (letter: string) => (axes.includes(letter) ? Number(sizes[axes.indexOf(letter)]) : 1);
  put('sizeX', size('X'), HEADER);
  put('sizeY', size('Y'), HEADER);
  put('sizeZ', size('Z'), HEADER);
  put('sizeC', size('C') * size('S'), HEADER);
  put('sizeT', size('T'), HEADER);
  put('planeCount', size('Z') * size('C') * size('T'), HEADER);
  put('dimensionOrder', dimensionOrder(axes, size), HEADER);
  put('zStack', size('Z') > 1 ? 'Yes' : 'No', HEADER);
  put('tSeries', size('T') > 1 ? 'Yes' : 'No', HEADER);
  put('channels', header.num_channels, HEADER);
  put('pixelType', PIXEL_TYPES[header.dtype], HEADER);
  const bits = /^u?int(\d+)$|^float(\d+)$/.exec(header.dtype);
  if (bits !== null) put('bytesPerPixel', Number(bits[1] ?? bits[2]) / 8, HEADER);
}
