/** The draggable (and keyboard-adjustable) border between the table and the editor panel. */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANEL_WIDTH, useApp } from '../store';

/** A vertical separator that resizes the panel. */
export function PanelSplitter() {
  const width = useApp((s) => s.panelWidth);
  const setPanelWidth = useApp((s) => s.setPanelWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, width };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setPanelWidth(drag.current.width + drag.current.x - event.clientX);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === 'ArrowLeft') setPanelWidth(width + step);
    else if (event.key === 'ArrowRight') setPanelWidth(width - step);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize editor panel"
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
