/** Which lines of ScanImage's texts give a key's value: the line rules of `scanImageValues`. */
import { describe, expect, it } from 'vitest';
import { scanImageValues } from '../../../../shared/acquisition/scanimage-acquisition';

const read = (...texts: string[]) => Object.fromEntries(scanImageValues(texts));

describe('ScanImage key lines', () => {
  it('reads a key at the start of a line, after LF, CRLF or CR, with spaces or tabs before "="', () => {
    expect(read("SI.VERSION_MAJOR = '2019a'\nSI.VERSION_MINOR\t= '1'\r\nSI.hStackManager.numSlices=3\rx = 1")).toEqual({
      'SI.VERSION_MAJOR': "'2019a'",
      'SI.VERSION_MINOR': "'1'",
      'SI.hStackManager.numSlices': '3',
    });
  });

  it('reads the scanimage. prefix of BigTIFF frame data as the plain key', () => {
    expect(read('scanimage.SI.hRoiManager.scanFramePeriod = 0.033')).toEqual({
      'SI.hRoiManager.scanFramePeriod': '0.033',
    });
  });

  it('ignores a key inside a line, after other line breaks, or as the start of a longer key', () => {
    expect(
      read(
        'x SI.VERSION_MAJOR = 1\nSI.VERSION_MAJORS = 2\n\u2028SI.VERSION_MINOR = 3\n  SI.hScan2D.logAverageFactor = 4',
      ),
    ).toEqual({});
  });

  it('takes the first line of a key in a text, and a later text over an earlier one', () => {
    expect(read('SI.VERSION_MAJOR = 1\nSI.VERSION_MAJOR = 2')).toEqual({ 'SI.VERSION_MAJOR': '1' });
    expect(read('SI.VERSION_MAJOR = 1', 'SI.VERSION_MAJOR = 2')).toEqual({ 'SI.VERSION_MAJOR': '2' });
  });
});
