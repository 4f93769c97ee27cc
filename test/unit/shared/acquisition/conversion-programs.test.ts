/** Converters and libraries that write image files are told apart from acquisition software. */
import { describe, expect, it } from 'vitest';
import { isConversionProgram } from '../../../../shared/acquisition/conversion-programs';
import { tiffTagsAcquisition } from '../../../../shared/acquisition/tiff-tags-acquisition';

describe('the program that wrote a file', () => {
  it('is a converter for the names converters and libraries sign with', () => {
    const names = [
      'tifffile.py',
      'OME Bio-Formats 6.5.0',
      'LOCI Bio-Formats',
      'pylibCZIrw 3.2.1',
      'ImageJ',
      'AcqMeta 0.1.0',
    ];
    for (const name of names) expect(isConversionProgram(name), name).toBe(true);
  });

  it('is not acquisition software for the image editors that re-save files', () => {
    const editors = ['Adobe Photoshop CS2 Macintosh', 'ImageMagick 6.6.2-0 2010-07-08 Q16', 'GIMP 2.10.34'];
    for (const name of editors) expect(isConversionProgram(name), name).toBe(true);
  });

  it('is acquisition software for the microscopes’ own programs', () => {
    for (const name of ['NIS-Elements AR 4.20.01', 'ZEN 3.4', 'LAS X 3.5.7', 'MetaMorph 7.10', 'ScanImage 2019a'])
      expect(isConversionProgram(name), name).toBe(false);
  });

  it('fills written_by, not software, from a converter’s Software tag', () => {
    expect(tiffTagsAcquisition({ software: 'OME Bio-Formats 6.5.0' })).toMatchObject({
      written_by: 'OME Bio-Formats 6.5.0',
    });
    expect(tiffTagsAcquisition({ software: 'OME Bio-Formats 6.5.0' }).software).toBeUndefined();
    expect(tiffTagsAcquisition({ software: 'MetaMorph 7.10' })).toMatchObject({ software: 'MetaMorph 7.10' });
  });
});
