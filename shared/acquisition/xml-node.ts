/**
 * The shape of a parsed XML element the acquisition readers walk: the TIFF reader's strict
 * parser (`shared/tiff/xml.ts`) produces it, with namespace prefixes dropped.
 */

/** One element: local name, attributes by local name, its own text (trimmed), children. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** The children of `node` named `name`. */
export function childNodes(node: XmlNode, name: string): XmlNode[] {
  const named: XmlNode[] = [];
  for (const child of node.children) if (child.name === name) named.push(child);
  return named;
}

/** The first child of `node` named `name`, if any. */
export function childNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined) return undefined;
  for (const child of node.children) if (child.name === name) return child;
  return undefined;
}

/** A value given as an attribute (later schemas) or as a child element's text (the 2008 ones). */
export function attributeOrChild(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined) return undefined;
  return node.attributes[name] ?? childNode(node, name)?.text;
}
