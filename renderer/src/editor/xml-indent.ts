/** Pretty-printing of XML (OME-XML image descriptions) without a DOM, so it runs anywhere. */

/** Tags, comments, CDATA, declarations and the text between them. */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<\/?[^>]+>|[^<]+/g;

type Token = { kind: 'open' | 'close' | 'empty' | 'other' | 'text'; text: string };

function classify(raw: string): Token | null {
  if (!raw.startsWith('<')) {
    const text = raw.trim();
    return text === '' ? null : { kind: 'text', text };
  }
  if (raw.startsWith('</')) return { kind: 'close', text: raw };
  if (raw.startsWith('<!') || raw.startsWith('<?')) return { kind: 'other', text: raw };
  return { kind: raw.endsWith('/>') ? 'empty' : 'open', text: raw };
}

/** Tags longer than this put each attribute on a line of its own. */
const WRAP_AT = 60;

/** An attribute with its quoted value; the name starts after whitespace. */
const ATTRIBUTE = /\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*')/g;

/**
 * A start tag on one line, or, when long and holding several attributes, its name on the first
 * line and each attribute on its own line below, indented past the tag (as XML editors do).
 * A tag whose attributes do not parse cleanly stays on one line.
 */
function startTag(pad: string, tag: string): string {
  if (pad.length + tag.length <= WRAP_AT) return pad + tag;
  const name = /^<[^\s/>]+/.exec(tag)?.[0] ?? '';
  const end = tag.endsWith('/>') ? '/>' : '>';
  const body = tag.slice(name.length, tag.length - end.length);
  const attributes = body.match(ATTRIBUTE) ?? [];
  if (attributes.length < 2 || attributes.join('') !== body.trimEnd()) return pad + tag;
  return [pad + name, ...attributes.map((a) => `${pad}    ${a.trim()}`)].join('\n') + end;
}

/**
 * Indents XML two spaces per level, one element per line; an element holding only text stays
 * on one line (`<Name>x</Name>`), and a long start tag puts one attribute per line.
 * Whitespace-only text between tags is dropped. Text that is not well-formed XML comes back
 * indented as far as its tags allow, never lost.
 */
export function indentXml(xml: string): string {
  const tokens = (xml.match(TOKEN) ?? []).map(classify).filter((t): t is Token => t !== null);
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pad = '  '.repeat(depth);
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (token.kind === 'open' && next?.kind === 'text' && after?.kind === 'close') {
      lines.push(`${startTag(pad, token.text)}${next.text}${after.text}`);
      i += 2;
    } else if (token.kind === 'open') {
      lines.push(startTag(pad, token.text));
      depth++;
    } else if (token.kind === 'empty') {
      lines.push(startTag(pad, token.text));
    } else if (token.kind === 'close') {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token.text);
    } else {
      lines.push(pad + token.text);
    }
  }
  return lines.join('\n');
}
