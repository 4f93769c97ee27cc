/**
 * The editor's metadata actions: copy this image's metadata, paste into the selection, presets
 * (apply one to the selection, save this image's fields as one, manage them), fill from names.
 */
import { baseName } from '../../../shared/columns';
import { useApp, useAppStore } from '../store';
import { MenuButton, type MenuEntry } from '../kit';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⇧⌘' : 'Ctrl+Shift+';

/** Presets listed in the menu before "Manage presets…" takes over. */
const MENU_PRESETS = 12;

/** Copy, Paste, Presets and Fill from names; Copy and "Save as preset" only when one image is shown. */
export function PanelActions({ single }: { single: boolean }) {
  const store = useAppStore();
  const copied = useApp((s) => s.copied);
  const presetList = useApp((s) => s.presetList);
  const presetEntries = (): MenuEntry[] => {
    const s = store.getState();
    const presets = (presetList?.presets ?? []).flatMap((p) => (p.ok ? [p] : []));
    const apply: MenuEntry[] =
      presets.length === 0
        ? [
            {
              label: presetList === null ? 'Loading presets…' : 'No presets yet',
              onSelect: () => undefined,
              disabled: true,
            },
          ]
        : presets.slice(0, MENU_PRESETS).map((p) => ({
            label: p.name,
            onSelect: () => void s.applyPreset(p.id),
            title: `Apply “${p.name}” to the selected images`,
          }));
    return [
      { heading: single ? 'Apply to this image' : 'Apply to the selection' },
      ...apply,
      'separator',
      ...(single ? [{ label: 'Save as preset…', onSelect: () => s.openPresetDialog('save') }] : []),
      { label: 'Manage presets…', onSelect: () => s.openPresetDialog('manage') },
    ];
  };
  return (
    <div className="panel-actions" role="group" aria-label="Metadata actions">
      {single && (
        <button
          type="button"
          className="btn btn-small"
          title={`Copy this image's metadata (${MOD}C)`}
          onClick={() => store.getState().copyMetadata()}
        >
          Copy metadata
        </button>
      )}
      <button
        type="button"
        className="btn btn-small"
        disabled={copied === null}
        title={
          copied ? `Paste metadata from ${baseName(copied.source)} (${MOD}V)` : 'Copy the metadata of an image first'
        }
        onClick={() => store.getState().requestPaste()}
      >
        Paste…
      </button>
      <MenuButton
        label="Presets"
        small
        entries={presetEntries}
        onOpen={() => void store.getState().loadPresets()}
        title="Apply, save and manage presets"
      />
      <button
        type="button"
        className="btn btn-small"
        aria-label="Fill from names…"
        title="Fill fields from the selected images' file names"
        onClick={() => store.getState().openNamePrompt()}
      >
        From names…
      </button>
    </div>
  );
}
