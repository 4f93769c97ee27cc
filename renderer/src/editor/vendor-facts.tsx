/** What the header view shows of a CZI, ND2, LIF or OIB file: its format, its images (scenes, positions) and its attachments. */
import type { VendorFileDetail } from '../../../shared/formats';
import { IMAGE_FORMAT_NAMES, type ImageFormat } from '../../../shared/image-format';
import { formatDimensions } from '../../../shared/columns';

/** `3 images`, `1 image`. */
function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The format, image count and attachments, then the images (the header describes the first) in a disclosure. */
export function VendorFacts({ format, vendor }: { format: ImageFormat; vendor: VendorFileDetail }) {
  const { images, attachments } = vendor;
  return (
    <>
      <dl className="kv-grid">
        <div className="kv kv-wide">
          <dt>File</dt>
          <dd className="kv-wrap">
            <span className="fact">{IMAGE_FORMAT_NAMES[format]}</span>
            {' · '}
            <span className="fact">{countOf(images.length, 'image')}</span>
          </dd>
        </div>
        {attachments.length > 0 && (
          <div className="kv kv-wide">
            <dt>Attachments</dt>
            <dd className="kv-wrap">{attachments.join(', ')}</dd>
          </div>
        )}
      </dl>
      <details className="disclosure" open={images.length > 1}>
        <summary>
          Images in the file <span className="muted">({images.length}; the header describes the first)</span>
        </summary>
        <dl className="kv-grid" aria-label="Images in the file">
          {images.map((image, i) => (
            <div key={i} className="kv kv-wide">
              <dt title={image.name}>{image.name}</dt>
              <dd className="mono" title={`Stored as shape "${image.shape}", dims "${image.dims}"`}>
                {formatDimensions(image)} · {image.dtype}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
