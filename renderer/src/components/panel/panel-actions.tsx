/** The editor's metadata actions: copy this image's metadata, paste into the selection. */
import { useApp, useAppStore } from '../../store/store-context';
import { baseName } from '../../lib/format';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⇧⌘' : 'Ctrl+Shift+';

/** Copy and Paste buttons; Copy only when one image is shown. */
export function PanelActions({ single }: { single: boolean }) {
  const store = useAppStore();
  const copied = useApp((s) => s.copied);
  return (
    <div className="panel-actions" role="group" aria-label="Metadata actions">
      {single && (
        <button type="button" className="btn btn-small" title={`Copy this image's metadata (${MOD}C)`} onClick={() => store.getState().copyMetadata()}>
          Copy metadata
        </button>
      )}
      <button
        type="button"
        className="btn btn-small"
        disabled={copied === null}
        title={copied ? `Paste metadata from ${baseName(copied.source)} (${MOD}V)` : 'Copy the metadata of an image first'}
        onClick={() => store.getState().requestPaste()}
      >
        Paste…
      </button>
    </div>
  );
}
