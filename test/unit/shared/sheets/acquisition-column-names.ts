/** The acquisition columns an export adds, in order, as documented (written out, not taken from the code under test). */
export const ACQUISITION_COLUMN_NAMES = [
  'acquisition_instrument',
  'acquisition_objective',
  'acquisition_na',
  'acquisition_channels',
  'acquisition_z_step_um',
  'acquisition_interval_s',
  'acquisition_acquired',
];
