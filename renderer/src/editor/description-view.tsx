/** The ImageDescription, pretty-printed by kind: OME-XML indented, ImageJ as a table, JSON indented. */
import type { ImageDetail } from '../../../shared/api';
import { imageJDescriptionLines, prettyJson } from './description';
import { indentXml } from './xml-indent';

/** How each kind is named in the disclosure's title. */
export const DESCRIPTION_LABELS: Readonly<Record<ImageDetail['description']['kind'], string>> = {
  ome: 'OME-XML',
  imagej: 'ImageJ',
  json: 'JSON',
  text: 'text',
  none: 'none',
};

/** The description body. */
export function DescriptionView({ description }: { description: ImageDetail['description'] }) {
  if (description.kind === 'imagej') {
    return (
      <table className="tags-table kv-table">
        <tbody>
          {imageJDescriptionLines(description.text).map((entry, i) => (
            <tr key={`${entry.key}-${i}`}>
              <th scope="row">{entry.key}</th>
              <td className="mono">{entry.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const text =
    description.kind === 'ome'
      ? indentXml(description.text)
      : description.kind === 'json'
        ? prettyJson(description.text)
        : description.text;
  return <CodeLines text={text} />;
}

/** Hanging indent past a line's own indentation, so a wrapped line stays visibly one line. */
const HANG = 4;

/**
 * Text one block per line, each wrapping under itself (indented past its own indentation)
 * instead of back at the left edge. The indentation stays real spaces, so copied text keeps it.
 */
function CodeLines({ text }: { text: string }) {
  return (
    <pre className="code-block" tabIndex={0} role="region" aria-label="Image description text">
      {text.split('\n').map((line, i) => {
        const content = line.trimStart();
        const indent = line.length - content.length;
        return (
          <span
            key={i}
            className="code-line"
            style={{ paddingLeft: `${indent + HANG}ch`, textIndent: `-${indent + HANG}ch` }}
          >
            {indent > 0 && <span className="code-indent">{line.slice(0, indent)}</span>}
            {content || '\u00a0'}
          </span>
        );
      })}
    </pre>
  );
}
