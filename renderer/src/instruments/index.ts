/**
 * The microscope catalogue: its editor dialog and its state.
 */
import { lazyComponent } from '../lib/lazy-component';

/** The `InstrumentCatalogueDialog` of `instrument-catalogue-dialog.tsx`, fetched when it is first drawn. */
export const InstrumentCatalogueDialog = lazyComponent(() =>
  import('./instrument-catalogue-dialog').then((m) => m.InstrumentCatalogueDialog),
);
export { createInstrumentCatalogueSlice, type InstrumentCatalogueSlice } from './instrument-catalogue-slice';
