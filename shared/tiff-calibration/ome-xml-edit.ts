/**
 * The first image's `Pixels` element of an OME-XML document with attributes set (PhysicalSizeX…,
 * TimeIncrement) and its channels renamed, by editing the start tags in the text: everything
 * else, other images included, keeps its bytes. The result is parsed again before it is used.
 */
import { parseXml } from '../tiff/xml';

/** A start tag's place in the text: from `<` to just past `>`. */
interface Tag {
  start: number;
  end: number;
}

/** The start tag of the first `name` element (any namespace prefix) at or after `from`; null when none. */
function startTag(xml: string, name: string, from: number, before = xml.length): Tag | null {
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(xml);
  if (match === null || match.index >= before) return null;
  let quote: string | null = null;
  for (let i = match.index + match[0].length; i < xml.length; i++) {
    const char = xml[i];
    if (quote !== null) quote = char === quote ? null : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return { start: match.index, end: i + 1 };
  }
  return null;
}

/** `text` as a double-quoted attribute value: markup escaped, anything past ASCII as a character reference. */
function attributeValue(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '"') out += '&quot;';
    else if (code < 0x20 || code > 0x7e) out += `&#x${code.toString(16).toUpperCase()};`;
    else out += char;
  }
  return out;
}

/** The start tag `tag` with each of `values` set: an attribute replaced where it is, or added before the tag's end. */
function withAttributes(tag: string, values: Readonly<Record<string, string>>): string {
  let edited = tag;
  const added: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    const text = `"${attributeValue(value)}"`;
    if (pattern.test(edited)) edited = edited.replace(pattern, (_, head: string) => `${head}${text}`);
    else added.push(` ${name}=${text}`);
  }
  const close = edited.endsWith('/>') ? edited.length - 2 : edited.length - 1;
  return `${edited.slice(0, close)}${added.join('')}${edited.slice(close)}`;
}

/**
 * `xml` with the first image's Pixels given `attributes` and its Channel elements, in order,
 * the `channels` names (null: left as they are); null when the document has no such Pixels,
 * not as many Channel elements as names, or would not parse after the edit.
 */
export function withPixelsAttributes(
  xml: string,
  attributes: Readonly<Record<string, string>>,
  channels: readonly string[] | null,
): string | null {
  const image = startTag(xml, 'Image', 0);
  const pixels = image === null ? null : startTag(xml, 'Pixels', image.end);
  if (pixels === null) return null;
  const edits: { tag: Tag; text: string }[] = [
    { tag: pixels, text: withAttributes(xml.slice(pixels.start, pixels.end), attributes) },
  ];
  if (channels !== null) {
    const close = /<\/(?:[A-Za-z_][\w.-]*:)?Pixels\s*>/g;
    close.lastIndex = pixels.end;
    const end = xml.slice(pixels.end - 2, pixels.end) === '/>' ? pixels.end : (close.exec(xml)?.index ?? xml.length);
    let from = pixels.end;
    for (const name of channels) {
      const channel = startTag(xml, 'Channel', from, end);
      if (channel === null) return null;
      edits.push({ tag: channel, text: withAttributes(xml.slice(channel.start, channel.end), { Name: name }) });
      from = channel.end;
    }
    if (startTag(xml, 'Channel', from, end) !== null) return null;
  }
  let edited = xml;
  for (const { tag, text } of edits.reverse()) edited = edited.slice(0, tag.start) + text + edited.slice(tag.end);
  return parseXml(edited) === null ? null : edited;
}
