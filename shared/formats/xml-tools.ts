/**
 * Vendor metadata XML: parsed with the strict parser of `shared/tiff/xml.ts` (which expands no
 * entity but the five predefined ones and skips DTDs, so an entity-expansion bomb is an
 * undefined-entity error, not a gigabyte string), under a size cap, with path look-ups.
 */
import { parseXml, type XmlElement } from '../tiff/xml';
import { fail } from './bytes';

/** Largest metadata XML a header read parses (characters). */
export const MAX_XML_CHARS = 32 * 1024 * 1024;

/** Parses vendor XML; a clear error when it is too large or not well-formed. */
export function parseVendorXml(text: string, what: string): XmlElement {
  if (text.length > MAX_XML_CHARS)
    fail(`${what} is ${text.length} characters, more than the ${MAX_XML_CHARS} a header read parses`);
  const root = parseXml(text.replace(/\0+$/, ''));
  if (root === null) fail(`${what} is not well-formed XML (or uses entities other than the five predefined ones)`);
  return root;
}

/** The first child of `element` with local name `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** The element at a `/`-separated path of child names below `element`. */
export function at(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = element;
  for (const name of path.split('/')) current = child(current, name);
  return current;
}

/** Every element at a `/`-separated path (the last step may match several children). */
export function all(element: XmlElement | undefined, path: string): XmlElement[] {
  const names = path.split('/');
  const last = names.pop() as string;
  const parent = names.length === 0 ? element : at(element, names.join('/'));
  return parent?.children.filter((c) => c.name === last) ?? [];
}

/** Trimmed text at a path, or undefined when the element is missing or empty. */
export function textAt(element: XmlElement | undefined, path: string): string | undefined {
  const text = at(element, path)?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** Descendants (document order, depth first, without recursion) with local name `name`. */
export function* descendants(element: XmlElement, name: string): Generator<XmlElement> {
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop() as XmlElement;
    if (next.name === name) yield next;
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as XmlElement);
  }
}

/** The first descendant with local name `name`. */
export function firstDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const found of descendants(element, name)) return found;
  return undefined;
}

/** A finite number from text, or undefined. */
export function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
