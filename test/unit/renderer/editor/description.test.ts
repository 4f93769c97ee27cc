import { describe, expect, it } from 'vitest';
import { imageJDescriptionLines, prettyJson } from '../../../../renderer/src/editor/description';

describe('image descriptions', () => {
  it('splits an ImageJ description into key/value lines', () => {
    expect(imageJDescriptionLines('ImageJ=1.52s\nimages=3\nunit=\\u00B5m\n\nloop=false\n')).toEqual([
      { key: 'ImageJ', value: '1.52s' },
      { key: 'images', value: '3' },
      { key: 'unit', value: '\\u00B5m' },
      { key: 'loop', value: 'false' },
    ]);
  });

  it('indents JSON and leaves other text alone', () => {
    expect(prettyJson('{"shape":[2,512]}')).toBe('{\n  "shape": [\n    2,\n    512\n  ]\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
});
