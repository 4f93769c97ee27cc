/**
 * The OME-TIFF output folder: a typed path (inside the open folder unless absolute), with
 * Electron's Choose… (the system's folder dialog) or, in browser mode, which cannot browse the
 * server's disk, the subfolders that match what is typed, to pick from.
 */
import { useRef, type ReactNode } from 'react';
import { matchingFolders, suggestionSource, type SuggestionSource } from './folder-suggestions';
import { useApp } from '../store';
import { FieldRow, FolderList, useFolderListing } from '../kit';

/** The subfolders that match the typed path, when there are any; picking one writes it after the typed folder. */
function Suggestions({ source, onPick }: { source: SuggestionSource; onPick: (folder: string) => void }) {
  const { listed } = useFolderListing(source.listed);
  if (listed === null || listed.asked !== source.listed) return null;
  const suggestions = matchingFolders(listed.listing.folders, source.start);
  if (suggestions.length === 0) return null;
  return (
    <section className="folder-suggestions" aria-label="Matching folders">
      <FolderList
        folders={suggestions}
        truncated={listed.listing.truncated}
        onPick={(folder) => onPick(`${source.head}${folder.name}`)}
      />
    </section>
  );
}

interface OutputFolderFieldProps {
  value: string;
  onChange: (folder: string) => void;
  /** The field's id and label, and the hint under it, where they are not a conversion's output folder's. */
  id?: string;
  label?: string;
  hint?: ReactNode;
}

/** The label, the field (and Choose…), the matching subfolders and the hint. */
export function OutputFolderField({
  value,
  onChange,
  id = 'convert-folder',
  label = 'Output folder',
  hint,
}: OutputFolderFieldProps) {
  const root = useApp((s) => s.folder?.root ?? '');
  const door = useApp((s) => s.session?.door);
  const chooseFolderPath = useApp((s) => s.chooseFolderPath);
  const input = useRef<HTMLInputElement>(null);
  const source = door === 'browser' ? suggestionSource(value.trim(), root) : null;
  const choose = async () => {
    const chosen = await chooseFolderPath();
    if (chosen !== null) onChange(chosen);
  };
  return (
    <FieldRow
      id={id}
      label={label}
      message={
        hint ?? (
          <>
            Inside the open folder (<span className="mono">{root}</span>) unless the path is absolute; made when
            missing.
          </>
        )
      }
    >
      {(control) => (
        <>
          <div className="path-field">
            <input
              ref={input}
              {...control}
              className="input mono"
              value={value}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => onChange(event.target.value)}
            />
            {door === 'electron' && (
              <button type="button" className="btn" aria-haspopup="dialog" onClick={() => void choose()}>
                Choose…
              </button>
            )}
          </div>
          {source !== null && (
            <Suggestions
              source={source}
              onPick={(folder) => {
                onChange(folder);
                input.current?.focus();
              }}
            />
          )}
        </>
      )}
    </FieldRow>
  );
}
