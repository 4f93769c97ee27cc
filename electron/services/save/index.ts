/**
 * The one save path: field changes to one image's sidecar, as every door (the app, browser
 * mode, `acqmeta set`, `acqmeta import`) writes them; the images written, for the facility index.
 */
export { saveImageChanges } from './noted-save';
export { ProfileRefusal, type FieldDiff, type ImageChanges, type ImageSaved, type SaveContext } from './save-image';
export { noteWritten, takeWritten } from './written-images';
