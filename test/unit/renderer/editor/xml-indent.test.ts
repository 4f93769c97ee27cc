import { describe, expect, it } from 'vitest';
import { indentXml } from '../../../../renderer/src/editor/xml-indent';

describe('indentXml', () => {
  it('puts one element per line, indented by depth, with text-only elements on one line', () => {
    const xml =
      '<?xml version="1.0"?><OME><!-- c --><Image ID="Image:0"><Pixels SizeC="2"><Channel Name="GFP"/></Pixels><Description>two\nlines</Description></Image></OME>';
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

  it('puts each attribute of a long start tag on its own line', () => {
    const xml =
      '<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" Creator="OME Bio-Formats 5.2.2"><Image ID="Image:0"/>' +
      '<Channel ID="Channel:0:0" Name="a long channel name" SamplesPerPixel="1" Color="-1"/></OME>';
    expect(indentXml(xml)).toBe(
      [
        '<OME',
        '    xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"',
        '    Creator="OME Bio-Formats 5.2.2">',
        '  <Image ID="Image:0"/>',
        '  <Channel',
        '      ID="Channel:0:0"',
        '      Name="a long channel name"',
        '      SamplesPerPixel="1"',
        '      Color="-1"/>',
        '</OME>',
      ].join('\n'),
    );
  });

  it('keeps every character of malformed input', () => {
    expect(indentXml('</a>text<b>')).toBe('</a>\ntext\n<b>');
  });
});
