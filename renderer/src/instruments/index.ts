/**
 * The microscope catalogue: its editor dialog and its state.
 */
export { InstrumentCatalogueDialog } from './instrument-catalogue-dialog';
export { createInstrumentCatalogueSlice, type InstrumentCatalogueSlice } from './instrument-catalogue-slice';
