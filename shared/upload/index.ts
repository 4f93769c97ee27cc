/** An upload's layout and its channel files, built from a lab folder: the pure rules of `acqmeta submission`. */
export {
  CHANNEL_LAYOUT_FILE,
  channelLayoutPart,
  omeChannelsFileName,
  omeChannelsPart,
  type ImageChannels,
} from './upload-channels';
export {
  assayLayout,
  inKeptFolder,
  KEPT_FOLDERS,
  OME_IMAGES,
  RAW_IMAGES,
  rawPlacements,
  type AssayLayout,
  type PlacedFile,
} from './upload-layout';
