/**
 * An HTAN `Imaging Level 2` manifest: one row per image, the manifest's attributes in order,
 * each image's own facts (file, instrument, objective, sizes, Z and T flags; what the file does
 * not record of its microscope and objective from the lab's description of them) checked by the
 * attribute's valid values and validation rules; the immersion medium as HTAN's term.
 */
import { normalisedImmersion } from '../instruments';
import { ruleOfAttribute } from './column-rules';
import { imageFacts, type Fact, type FactName, type SubmissionImage } from './image-facts';
import type { HtanComponent } from './metadata-templates';
import { cellOrigin, fillCell, type SubmissionTable, type TodoItem } from './submission-cells';

/** The attributes an image fact fills. */
export const HTAN_FACT_COLUMNS: Readonly<Record<string, FactName>> = {
  'Software and Version': 'software',
  Microscope: 'microscope',
  Objective: 'objective',
  NominalMagnification: 'magnification',
  LensNA: 'na',
  WorkingDistance: 'workingDistance',
  WorkingDistanceUnit: 'workingDistanceUnit',
  Immersion: 'immersion',
  Zstack: 'zStack',
  Tseries: 'tSeries',
  PhysicalSizeX: 'pixelSizeX',
  PhysicalSizeY: 'pixelSizeY',
  PhysicalSizeZ: 'pixelSizeZ',
  PlaneCount: 'planeCount',
  DimensionOrder: 'dimensionOrder',
  'Pixels BigEndian': 'bigEndian',
  Pyramid: 'pyramid',
  SizeC: 'sizeC',
  SizeT: 'sizeT',
  SizeX: 'sizeX',
  SizeY: 'sizeY',
  SizeZ: 'sizeZ',
  PixelType: 'pixelType',
};

/** HTAN's `Immersion` terms by the medium as normalisedImmersion names it (the Micro-Meta App's `ImmersionType`, a vendor's word). */
const IMMERSION_TERMS: Readonly<Record<string, string>> = {
  air: 'Air',
  oil: 'Oil',
  water: 'Water',
  glycerol: 'Other',
  silicone: 'Other',
  multi: 'Other',
};

/** An immersion fact as HTAN's term; a medium without one stays as written (and is refused with a to-do). */
function immersionTerm(fact: Fact | undefined): Fact | undefined {
  const term = fact === undefined ? undefined : IMMERSION_TERMS[normalisedImmersion(String(fact.value)) ?? ''];
  return term === undefined || fact === undefined ? fact : { ...fact, value: term };
}

/** The unit attributes written beside a size the image gives (AcqMeta's sizes are in µm). */
const UNIT_COLUMNS: Readonly<Record<string, FactName>> = {
  PhysicalSizeXUnit: 'pixelSizeX',
  PhysicalSizeYUnit: 'pixelSizeY',
  PhysicalSizeZUnit: 'pixelSizeZ',
};

/** The file format as HTAN names it: `OME-TIFF` for `.ome.tif(f)`, else the name's ending. */
function fileFormat(path: string): string {
  if (/\.ome\.tiff?$/i.test(path)) return 'OME-TIFF';
  return /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

/**
 * The manifest of `component` for `images` of the folder `folderName`: `Filename` is the
 * image's path under it, `Component` the component's name without spaces (as HTAN's
 * manifests write it); `given` fills the attributes it names in every row.
 */
export function htanTable(
  component: HtanComponent,
  folderName: string,
  images: readonly SubmissionImage[],
  given: Readonly<Record<string, Fact>> = {},
): SubmissionTable {
  const todo: TodoItem[] = [];
  const columns = component.attributes.map((attribute) => attribute.name);
  const sources: (string | null)[][] = [];
  const rows = images.map((image) => {
    const facts = imageFacts(image);
    const own: Record<string, Fact> = {
      ...given,
      Component: { value: component.name.replace(/\s+/g, ''), from: 'manifest' },
      Filename: { value: `${folderName}/${image.path}`, from: "image's path" },
      'File Format': { value: fileFormat(image.path), from: "image's name" },
    };
    const origins: (string | null)[] = [];
    sources.push(origins);
    return component.attributes.map((attribute) => {
      const unitOf = UNIT_COLUMNS[attribute.name];
      const fact =
        own[attribute.name] ??
        (unitOf !== undefined && facts[unitOf] !== undefined
          ? { value: 'µm', from: 'image file' }
          : attribute.name === 'Immersion'
            ? immersionTerm(facts.immersion)
            : facts[HTAN_FACT_COLUMNS[attribute.name] as FactName]);
      const source = fact === undefined ? null : { fact };
      const text = fillCell(ruleOfAttribute(attribute), source, image.path, todo, 'HTAN');
      origins.push(cellOrigin(source, text));
      return text;
    });
  });
  return { columns, rows, todo, sources };
}
