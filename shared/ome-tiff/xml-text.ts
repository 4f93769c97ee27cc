/**
 * XML text for the archival OME-XML: escaped, pure ASCII (everything past `~` as a numeric
 * character reference, so the TIFF writer can store it as an ASCII ImageDescription), with the
 * characters XML 1.0 cannot hold dropped, and elements built from attributes and children.
 */
import { numberText } from '../number-text';

/** A value an attribute may take; undefined (or a number that is not finite) leaves the attribute out. */
export type XmlValue = string | number | boolean | undefined;

/**
 * Whether XML 1.0 can carry a code point as a character reference: not a C0 control other than
 * tab, line feed and carriage return, not DEL or a C1 control, not a lone surrogate, not U+FFFE
 * or U+FFFF.
 */
function allowed(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0x7f && code <= 0x9f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}

/** `text` escaped for element content (`inAttribute`: for a double-quoted attribute value, white space kept as written). */
function escape(text: string, inAttribute: boolean): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (!allowed(code)) continue;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"' && inAttribute) out += '&quot;';
    else if (code === 0x0d || (inAttribute && (code === 0x09 || code === 0x0a))) out += `&#${code};`;
    else if (code > 0x7e) out += `&#x${code.toString(16).toUpperCase()};`;
    else out += char;
  }
  return out;
}

/** `text` as element content: escaped, ASCII, characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  return escape(text, false);
}

/** An attribute's value as written between double quotes; undefined when it has none to write. */
function attributeValue(value: XmlValue): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : undefined;
  return escape(String(value), true);
}

/**
 * An element: `name` with the attributes that have a value (in the order given) and the
 * children, already XML; empty-element tag when it has none.
 */
export function xmlElement(name: string, attributes: Record<string, XmlValue>, children: string[] = []): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    const written = attributeValue(value);
    if (written !== undefined) open += ` ${key}="${written}"`;
  }
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}
