/**
 * An image's relative path as the table shows it: cut, when its column is too narrow, in the
 * middle of the folders with one ellipsis, the file name whole. The cut characters stay in the
 * page (hidden); assistive technology reads the whole path the row's cell holds beside it
 * instead of what is shown.
 */
import { useRef } from 'react';
import { baseName, dirName } from '../../lib/format';
import { cutFolders } from '../../lib/path-cut';
import { textWidth, usePathBox } from './use-path-box';

/** The weights of the folders and of the name (see table.css). */
const FOLDER_WEIGHT = 400;
const NAME_WEIGHT = 500;

/** The path, filling its cell. */
export function PathText({ path }: { path: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const box = usePathBox(ref);
  const folders = dirName(path);
  const name = baseName(path);
  const cut =
    box === null || folders === ''
      ? null
      : cutFolders(folders, textWidth(name, box, NAME_WEIGHT), box.width, (text) =>
          textWidth(text, box, FOLDER_WEIGHT),
        );
  return (
    // What the cut path looks like is for the eye: the row's cell holds the whole path as text for assistive technology.
    <span ref={ref} className="path-text" aria-hidden="true">
      {cut === null ? (
        folders && <span className="path-folders">{folders}</span>
      ) : (
        <>
          <span className="path-folders">{folders.slice(0, cut.start)}</span>
          <span className="path-hidden">{folders.slice(cut.start, cut.end)}</span>
          <span className="path-folders path-after-cut">{folders.slice(cut.end)}</span>
        </>
      )}
      <span className="path-name">{name}</span>
    </span>
  );
}
