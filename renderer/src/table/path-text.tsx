/**
 * An image's relative path as the table shows it: when its column is too narrow, each folder
 * cut to its start with an ellipsis (shared/path-cut), the file name whole. The cut characters stay in the
 * page (hidden); assistive technology reads the whole path the row's cell holds beside it
 * instead of what is shown.
 */
import type { ReactNode } from 'react';
import { dirName } from '../lib/format';
import { cutFolders, type FolderCut } from '../../../shared/path-cut';
import { baseName, exportedFromText } from '../../../shared/columns';
import { textWidth, usePathBox } from './use-path-box';

/** The weights of the folders and of the name (see table.css). */
const FOLDER_WEIGHT = 400;
const NAME_WEIGHT = 500;

/** The folders with `cuts` hidden, each followed by an ellipsis (drawn by table.css, not part of the text). */
function CutFolders({ folders, cuts }: { folders: string; cuts: readonly FolderCut[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  cuts.forEach(({ start, end }, i) => {
    parts.push(
      <span key={`shown-${i}`} className={`path-folders${i > 0 ? ' path-after-cut' : ''}`}>
        {folders.slice(at, start)}
      </span>,
      <span key={`cut-${i}`} className="path-hidden">
        {folders.slice(start, end)}
      </span>,
    );
    at = end;
  });
  parts.push(
    <span key="rest" className="path-folders path-after-cut">
      {folders.slice(at)}
    </span>,
  );
  return <>{parts}</>;
}

/** The path, filling its cell; for an image of a collection, the file it was exported from after its name. */
export function PathText({ path, exportedFrom }: { path: string; exportedFrom?: string }) {
  const box = usePathBox();
  const folders = dirName(path);
  const name = baseName(path);
  // an en space, which no layout collapses, sets it apart from the name
  const source = exportedFrom === undefined ? '' : `\u2002${exportedFromText(exportedFrom)}`;
  const cuts =
    box === null || folders === ''
      ? null
      : cutFolders(
          folders,
          textWidth(name, box, NAME_WEIGHT) + textWidth(source, box, FOLDER_WEIGHT),
          box.width,
          (text) => textWidth(text, box, FOLDER_WEIGHT),
        );
  return (
    // What the cut path looks like is for the eye: the row's cell holds the whole path as text for assistive technology.
    <span className="path-text" aria-hidden="true">
      {cuts === null ? (
        folders && <span className="path-folders">{folders}</span>
      ) : (
        <CutFolders folders={folders} cuts={cuts} />
      )}
      <span className="path-name">{name}</span>
      {source !== '' && <span className="path-source">{source}</span>}
    </span>
  );
}
