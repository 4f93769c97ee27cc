/**
 * The one save path: field changes to one image's sidecar, as every door (the app, browser
 * mode, `acqmeta set`, `acqmeta import`) writes them.
 */
export {
  ProfileRefusal,
  saveImageChanges,
  type FieldDiff,
  type ImageChanges,
  type ImageSaved,
  type SaveContext,
} from './save-image';
