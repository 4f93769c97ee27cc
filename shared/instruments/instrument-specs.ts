/**
 * The editable fields of a description's stand and of the common component types, as the
 * Micro-Meta App's JSON schemas define them (key, type, allowed values, unit, the tier that
 * requires each), bundled as data by `build/scripts/make-instrument-specs.py`.
 */
import type { InstrumentCatalogueInfo, InstrumentFieldSpec } from '../api-instruments';
import bundle from './generated/instrument-specs.json';
import { componentKind } from './read-instrument';

/** The editor's fields: the stand's, and each component type's by its `Schema_ID`. */
export function instrumentSpecs(): InstrumentCatalogueInfo['specs'] {
  return {
    stand: bundle.stand.fields as InstrumentFieldSpec[],
    components: bundle.components.map(({ schemaId, label, fields }) => ({
      schemaId,
      kind: componentKind(schemaId),
      label,
      fields: fields as InstrumentFieldSpec[],
    })),
  };
}
