/**
 * The StructuredAnnotations of an archival OME-XML: MapAnnotations for what OME has no element
 * for. Their namespaces are stable: a reader finds the sidecar's experimental fields, the lab
 * catalogue's instrument match and the copy's provenance by them.
 */
import type { ArchivalImage } from './archival-types';
import { xmlElement, xmlText } from './xml-text';

/** The Namespace of each MapAnnotation an archival copy carries. */
export const ARCHIVAL_NAMESPACES = {
  /** The sidecar's experimental fields, key and text, in the sidecar's order. */
  experimental: 'acqmeta.org/experimental',
  /** The lab catalogue's match of the image's instrument (microscope, objective, detectors … by name). */
  instrumentMatch: 'acqmeta.org/instrument-match',
  /** The source file (name, size, SHA-256), the acquisition software, and the program that converted it. */
  source: 'acqmeta.org/source',
} as const;

/** The key of the source file's SHA-256 among the provenance pairs. */
const SOURCE_HASH_KEY = 'SHA-256';

/** The key of the source's acquisition software among the provenance pairs: the OME reader takes it back. */
export const SOURCE_SOFTWARE_KEY = 'acquisition software';

/**
 * The text that opens the source's SHA-256 in the OME-XML (`<M K="SHA-256">`): a writer that
 * learns the hash only after the description is written finds the place to fill in by it.
 */
export const SOURCE_HASH_OPENING = xmlElement('M', { K: SOURCE_HASH_KEY }, ['']).replace(/<\/M>$/, '');

/** The StructuredAnnotations element and the IDs the Image links with AnnotationRef. */
export interface OmeAnnotations {
  element: string;
  ids: string[];
}

/** The provenance pairs of the source annotation; the software keys only where recorded. */
function sourcePairs(image: ArchivalImage): [string, string][] {
  const pairs: [string, string][] = [
    ['file name', image.source.name],
    ['size (bytes)', String(image.source.bytes)],
    [SOURCE_HASH_KEY, image.source.sha256],
  ];
  if (image.acquisition.software !== undefined) pairs.push([SOURCE_SOFTWARE_KEY, image.acquisition.software]);
  if (image.acquisition.written_by !== undefined) pairs.push(['source written by', image.acquisition.written_by]);
  pairs.push(['converted by', image.converter]);
  return pairs;
}

/** The MapAnnotations of `image` (`Annotation:0`, …), each present only when it has pairs. */
export function omeAnnotations(image: ArchivalImage): OmeAnnotations {
  const maps: [string, [string, string][]][] = [
    [ARCHIVAL_NAMESPACES.experimental, image.experimental],
    [ARCHIVAL_NAMESPACES.instrumentMatch, image.instrumentMatch],
    [ARCHIVAL_NAMESPACES.source, sourcePairs(image)],
  ];
  const ids: string[] = [];
  const elements: string[] = [];
  for (const [namespace, pairs] of maps) {
    if (pairs.length === 0) continue;
    const id = `Annotation:${ids.length}`;
    ids.push(id);
    const values = pairs.map(([key, value]) => xmlElement('M', { K: key }, [xmlText(value)]));
    elements.push(xmlElement('MapAnnotation', { ID: id, Namespace: namespace }, [xmlElement('Value', {}, values)]));
  }
  return { element: xmlElement('StructuredAnnotations', {}, elements), ids };
}
