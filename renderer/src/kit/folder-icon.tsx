/** The folder drawn beside a folder's name (the toolbar, the folder lists of browser mode's open dialog). */
export function FolderIcon({ small = false }: { small?: boolean }) {
  return (
    <svg className={small ? 'icon icon-small' : 'icon'} viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 3.5h4.2l1.5 1.5h7.3v8.5h-13z" />
    </svg>
  );
}
