import { describe, expect, it } from 'vitest';
import { placeInWords } from '../../../../shared/validation/json-path';

describe('placeInWords', () => {
  const sidecar = {
    rois: [{}, {}, {}, {}, {}, { roi_type: 'polygonroi', data: { col1: 'x' } }],
    analysis: [{ summary: {} }],
    image_contrast: { '0': 'gray' },
    reference_image_metadata: { file_name: 1 },
    extra: [[1, 2]],
  };

  it('counts ROIs and analysis records from 1 and names their keys in words', () => {
    expect(placeInWords(sidecar, ['rois', '5', 'roi_type'])).toBe('ROI 6, type');
    expect(placeInWords(sidecar, ['rois', '5', 'data', 'col1'])).toBe('ROI 6, data, col1');
    expect(placeInWords(sidecar, ['rois', '0'])).toBe('ROI 1');
    expect(placeInWords(sidecar, ['analysis', '0', 'summary'])).toBe('analysis record 1, summary');
  });

  it('names other places without code punctuation', () => {
    expect(placeInWords(sidecar, ['image_contrast', '0'])).toBe('image contrast, channel "0"');
    expect(placeInWords(sidecar, ['reference_image_metadata', 'file_name'])).toBe(
      'reference image metadata, file name',
    );
    expect(placeInWords(sidecar, ['extra', '0', '1'])).toBe('extra, item 1, item 2');
    expect(placeInWords(sidecar, [])).toBe('the top level');
  });
});
