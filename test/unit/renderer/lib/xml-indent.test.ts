import { describe, expect, it } from 'vitest';
import { indentXml } from '../../../../renderer/src/lib/xml-indent';

describe('indentXml', () => {
  it('puts one element per line, indented by depth, with text-only elements on one line', () => {
    const xml = '<?xml version="1.0"?><OME><!-- c --><Image ID="Image:0"><Pixels SizeC="2"><Channel Name="GFP"/></Pixels><Description>two\nlines</Description></Image></OME>';
    expect(indentXml(xml)).toBe(
      [
        '<?xml version="1.0"?>',
        '<OME>',
        '  <!-- c -->',
        '  <Image ID="Image:0">',
        '    <Pixels SizeC="2">',
        '      <Channel Name="GFP"/>',
        '    </Pixels>',
        '    <Description>two\nlines</Description>',
        '  </Image>',
        '</OME>',
      ].join('\n'),
    );
  });

  it('keeps every character of malformed input', () => {
    expect(indentXml('</a>text<b>')).toBe('</a>\ntext\n<b>');
  });
});
