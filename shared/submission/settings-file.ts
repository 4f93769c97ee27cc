/**
 * HuBMAP's `extras/microscope_settings.json` (optional in the confocal, histology and
 * light-sheet directory schemas): the Micro-Meta App settings file of the dataset's acquisition,
 * an `Image.json` document tied to the microscope description written beside it by its
 * `InstrumentID` and, for each part in use, the part's `Component_ID`: the objective (and its
 * immersion liquid), each channel's light source, emission filter and detector, as the images
 * matched them in the lab's catalogue, and the pixel size and time step the files record.
 * One file describes one acquisition: it is written only when every image says the same.
 */
import type { Acquisition } from '../acquisition/acquisition-types';
import { normalisedImmersion, type InstrumentDescription, type MatchedHardware } from '../instruments';
import { cleanNumber } from '../number-text';
import { findTarget } from './directory-schemas';
import type { SubmissionImage } from './image-facts';
import type { TodoItem } from './submission-cells';

/** Where HuBMAP's directory schemas take the acquisition's settings, relative to the dataset folder. */
export const SETTINGS_FILE = 'extras/microscope_settings.json';

/** The Micro-Meta App's immersion liquid types by AcqMeta's normalised medium (oil: the schema's only oil is mineral oil, which most immersion oils are not). */
const LIQUIDS: Readonly<Record<string, string>> = {
  water: 'Water',
  glycerol: 'Glycerol',
  silicone: 'Silicone Oil',
  multi: 'Multi',
};

type Json = Record<string, unknown>;

/** What the settings say, part by part, in the words a to-do names a difference with. */
const PARTS: readonly (readonly [string, string])[] = [
  ['Pixels', 'pixel size or time step'],
  ['ObjectiveSettings', 'objective'],
  ['Channels', 'channels'],
];

/** `{ key: value }` when `value` is given, else nothing (a number without float noise). */
const given = (key: string, value: string | number | undefined): Json =>
  value === undefined ? {} : { [key]: typeof value === 'number' ? cleanNumber(value) : value };

/** The pixel size (µm) and time step (s) the file records. */
function pixels(id: string, acquisition: Acquisition | undefined): Json | undefined {
  const size = acquisition?.pixel_size_um ?? {};
  const axes = (['x', 'y', 'z'] as const).flatMap((axis) =>
    size[axis] === undefined
      ? []
      : [
          [`PhysicalSize${axis.toUpperCase()}`, cleanNumber(size[axis])],
          [`PhysicalSize${axis.toUpperCase()}Unit`, 'µm'],
        ],
  );
  const step = acquisition?.time_increment_s;
  if (axes.length === 0 && step === undefined) return undefined;
  return {
    Schema_ID: 'Pixels.json',
    ID: `${id}-pixels`,
    ...Object.fromEntries(axes),
    ...(step === undefined ? {} : { TimeIncrement: cleanNumber(step), TimeIncrementUnit: 's' }),
  };
}

/** The objective matched, with the immersion liquid the file records. */
function objectiveSettings(id: string, image: SubmissionImage): Json | undefined {
  const objective = image.hardware?.objective;
  if (objective == null) return undefined;
  const liquid = LIQUIDS[normalisedImmersion(image.acquisition?.objective?.immersion) ?? ''];
  return {
    Schema_ID: 'ObjectiveSettings.json',
    ID: `${id}-objective`,
    Component_ID: objective.component.id,
    ...(liquid === undefined
      ? {}
      : { ImmersionLiquid: { Schema_ID: 'ImmersionLiquid.json', ID: `${id}-immersion`, Type: liquid } }),
  };
}

/** Each channel with a part matched: its name, and the light source, emission filter and detector it went through. */
function channels(id: string, image: SubmissionImage, hardware: MatchedHardware): Json[] {
  return (hardware.channels ?? []).flatMap(({ channel, lightSource, filter, detector }) => {
    const channelId = `${id}-channel-${channel}`;
    const link = (slot: string, part: typeof lightSource, schema?: string): Json =>
      part === null
        ? {}
        : {
            [slot]: {
              ...(schema === undefined ? {} : { Schema_ID: schema }),
              ID: `${channelId}-${slot}`,
              Component_ID: part.component.id,
            },
          };
    const settings = {
      ...link('LightSource', lightSource, 'LightSourceSettings.json'),
      ...link('EmissionFilter', filter),
      ...link('Detector', detector),
    };
    if (Object.keys(settings).length === 0) return [];
    return [
      {
        Schema_ID: 'Channel.json',
        ID: channelId,
        ...given('Name', image.acquisition?.channels?.[channel]?.name),
        LightPath: { Schema_ID: 'LightPath.json', ID: `${channelId}-light-path`, ComponentSettings: settings },
      },
    ];
  });
}

/** The settings `image` states; its parts absent where it states none. */
function imageSettings(id: string, image: SubmissionImage): Json {
  const lit = image.hardware === undefined ? [] : channels(id, image, image.hardware);
  const objective = objectiveSettings(id, image);
  const pixelPart = pixels(id, image.acquisition);
  return {
    ...(pixelPart === undefined ? {} : { Pixels: pixelPart }),
    ...(objective === undefined ? {} : { ObjectiveSettings: objective }),
    ...(lit.length === 0 ? {} : { Channels: lit }),
  };
}

/**
 * The settings file for the assay `assay`, the images all matched `microscope` (whose
 * description is written beside it): its text when they were taken alike and matched a part of
 * it; the to-do saying why not when they differ; nothing when the assay's directory schema has
 * no place for it, when the dataset holds it already (`present`: the lab's own is never
 * replaced), or when no image matched a part (nothing to say).
 */
export function settingsFile(
  assay: string,
  microscope: InstrumentDescription,
  images: readonly SubmissionImage[],
  present = false,
): { text: string } | { todo: TodoItem } | null {
  const entry = findTarget(`hubmap:${assay}`)?.files.find((file) => file.pattern.includes('microscope_settings'));
  if (entry === undefined || present || images.length === 0) return null;
  const id = `${microscope.id}-settings`;
  const each = images.map((image) => imageSettings(id, image));
  const first = each[0] as Json;
  const odd = each.findIndex((settings) => JSON.stringify(settings) !== JSON.stringify(first));
  if (odd >= 0) {
    const differ = PARTS.filter(([key]) => JSON.stringify(each[odd]?.[key]) !== JSON.stringify(first[key])).map(
      ([, words]) => words,
    );
    return {
      todo: {
        row: SETTINGS_FILE,
        column: 'the file',
        required: entry.required,
        reason: `not written: a settings file describes one acquisition, and ${images[0]?.path} and ${images[odd]?.path} were not taken alike (${differ.join(', ')}); write it in the dataset folder yourself, or make a dataset of the images taken alike`,
      },
    };
  }
  if (first.ObjectiveSettings === undefined && first.Channels === undefined) return null;
  const document = {
    Name: `${microscope.name} acquisition settings`,
    Schema_ID: 'Image.json',
    ID: id,
    ...given('ModelVersion', microscope.modelVersion),
    InstrumentName: microscope.name,
    InstrumentID: microscope.id,
    Domain: 'ImageAcquisitionSettings',
    Category: 'Image',
    ...first,
  };
  return { text: `${JSON.stringify(document, null, 2)}\n` };
}
