/**
 * The status bar's note of the acquisition files the scan left out (formats AcqMeta does not
 * read yet), and its popover naming them.
 */
import { FOLDER_TOO_DEEP, MAX_LISTED_DEPTH, unreadLabel, unreadSummary } from '../../../shared/unread-files';
import { useApp } from '../store';
import { formatCount } from '../lib/format';
import { PopoverButton } from '../kit';

/** `5 files not read`, a button that shows them by format and by name. */
export function UnreadFilesNote() {
  const unread = useApp((s) => s.scan.unread);
  if (unread === null || unread.count === 0) return null;
  const unnamed = unread.count - unread.paths.length;
  return (
    <PopoverButton
      className="unread-files"
      buttonClassName="link-button unread-files-button"
      title={unreadSummary(unread)}
      face={unreadLabel(unread)}
      label="Files not read"
      popoverClassName="unread-files-popover"
    >
      <p className="unread-files-title">{unreadSummary(unread)}</p>
      <p className="unread-files-why">
        AcqMeta does not read these files yet, so they have no row and no sidecar is made for them. An OIR file is
        listed once it has a sidecar.
      </p>
      {unread.byFormat.some((f) => f.format === FOLDER_TOO_DEEP) && (
        <p className="unread-files-why">
          A folder more than {MAX_LISTED_DEPTH} levels below the opened one is not looked into: move what it holds
          higher up.
        </p>
      )}
      <ul className="unread-files-list">
        {unread.paths.map((path) => (
          <li key={path} className="mono">
            {path}
          </li>
        ))}
      </ul>
      {unnamed > 0 && <p className="unread-files-why">and {formatCount(unnamed)} more</p>}
    </PopoverButton>
  );
}
