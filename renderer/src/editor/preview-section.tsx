/** The preview of one image: a canvas of the chosen plane and sliders for C, Z and T; it folds away with its ROIs. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImageRow, PreviewImage } from '../../../shared/api';
import { type PlaneIndex, useApp } from '../store';
import { shownPreview } from './preview-state';
import { formatCount, plural } from '../lib/format';
import { previewToRgba } from './preview-pixels';
import { SectionToggle } from './section-toggle';
import { usePreviewOpen } from './use-preview-open';

/** Longest side of the preview the backend renders. */
const PREVIEW_SIZE = 512;

const AXES: readonly { axis: keyof PlaneIndex; letter: string; label: string }[] = [
  { axis: 'c', letter: 'C', label: 'Channel' },
  { axis: 'z', letter: 'Z', label: 'Z slice' },
  { axis: 't', letter: 'T', label: 'Time point' },
];

/** Long, thin images (line scans) are stretched to fill the frame instead of shown as a sliver. */
const STRETCH_RATIO = 4;

/** Whether a plane is too long and thin to show at its true aspect ratio. */
function stretchOf(image: PreviewImage): 'tall' | 'wide' | null {
  const ratio = image.sourceWidth / Math.max(1, image.sourceHeight);
  return ratio > STRETCH_RATIO ? 'wide' : ratio < 1 / STRETCH_RATIO ? 'tall' : null;
}

function PreviewCanvas({ image, stale, overlay }: { image: PreviewImage; stale: boolean; overlay?: ReactNode }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    context?.putImageData(new ImageData(previewToRgba(image), image.width, image.height), 0, 0);
  }, [image]);
  const stretch = stretchOf(image);
  const ratio = image.sourceWidth / Math.max(1, image.sourceHeight);
  // The stage has the drawn image's exact box, so an overlay in image pixels lines up with it.
  const style =
    stretch === null
      ? {
          aspectRatio: `${image.sourceWidth} / ${image.sourceHeight}`,
          width: `min(100%, ${Math.round(280 * ratio)}px)`,
        }
      : undefined;
  return (
    <div className={`preview-stage${stretch ? ` is-stretched-${stretch}` : ''}`} style={style}>
      <canvas
        ref={canvas}
        width={image.width}
        height={image.height}
        className={`preview-canvas${stale ? ' is-stale' : ''}`}
        role="img"
        aria-label={`Preview, ${image.sourceWidth} × ${image.sourceHeight} pixels${stretch ? ', stretched to fit' : ''}`}
      />
      {overlay}
    </div>
  );
}

/**
 * The preview section for an image whose header could be read (a TIFF, CZI, ND2, LIF or OIB
 * file); `overlay` is drawn over the image, `children` (the ROI list) are shown and hidden with
 * it. Closed, it reads no preview.
 */
export function PreviewSection({
  row,
  overlay,
  children,
}: {
  row: ImageRow;
  overlay?: (image: PreviewImage) => ReactNode;
  children?: ReactNode;
}) {
  const [open, setOpen] = usePreviewOpen();
  const detail = useApp((s) => s.details[row.path]);
  const rois = detail?.status === 'ready' ? detail.value.rois.length : 0;
  return (
    <>
      <section className="panel-section preview-section" aria-labelledby="section-preview">
        <SectionToggle
          id="section-preview"
          open={open}
          onToggle={() => setOpen(!open)}
          title={rois > 0 ? 'Preview and ROIs' : 'Preview'}
          summary={rois > 0 ? plural(rois, 'ROI') : null}
        />
        {open && <PreviewBody row={row} overlay={overlay} />}
      </section>
      {open && children}
    </>
  );
}

/** The canvas, its size and the plane sliders. */
function PreviewBody({ row, overlay }: { row: ImageRow; overlay?: (image: PreviewImage) => ReactNode }) {
  const [plane, setPlane] = useState<PlaneIndex>({ c: 0, z: 0, t: 0 });
  const detail = useApp((s) => s.details[row.path]);
  const loadPreview = useApp((s) => s.loadPreview);
  const shown = useApp(useShallow((s) => shownPreview(s, row.path, plane, PREVIEW_SIZE)));
  const ready = detail?.status === 'ready';

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void loadPreview(row.path, plane, PREVIEW_SIZE), 30);
    return () => clearTimeout(timer);
  }, [ready, row.path, plane, loadPreview]);

  const planes = ready ? detail.value.planes : { c: 1, z: 1, t: 1 };
  const image = shown.image;
  return (
    <>
      <div className={`preview-frame${image ? '' : ' is-empty'}`}>
        {image && <PreviewCanvas image={image} stale={shown.stale} overlay={overlay?.(image)} />}
        {!image && shown.status === 'error' && (
          <p className="preview-message text-danger">Preview unavailable: {shown.message}</p>
        )}
        {!image && shown.status !== 'error' && detail?.status !== 'error' && (
          <p className="preview-message muted">Loading preview…</p>
        )}
        {!image && detail?.status === 'error' && <p className="preview-message muted">No preview</p>}
      </div>
      {image && (
        <p className="preview-caption muted">
          {formatCount(image.sourceWidth)} × {formatCount(image.sourceHeight)} px
          {stretchOf(image) !== null
            ? ' · stretched to fit'
            : image.sourceWidth > image.width
              ? ` · shown at ${image.width} × ${image.height}`
              : ''}
        </p>
      )}
      {AXES.filter(({ axis }) => planes[axis] > 1).map(({ axis, letter, label }) => (
        <div key={axis} className="plane-slider">
          <span className="plane-letter" aria-hidden="true">
            {letter}
          </span>
          <input
            type="range"
            aria-label={label}
            min={0}
            max={planes[axis] - 1}
            value={plane[axis]}
            onChange={(e) => setPlane({ ...plane, [axis]: Number(e.target.value) })}
          />
          <output className="plane-value">
            {plane[axis] + 1} / {planes[axis]}
          </output>
        </div>
      ))}
    </>
  );
}
