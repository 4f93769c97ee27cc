/** Choosing a file to read: a hidden file input opened by a button or a menu item. */
import { useRef, type ReactNode } from 'react';

/** The hidden input to render, and `open()` to show the file dialog; `onFile` gets the chosen file. */
export function useFilePicker(
  accept: string,
  label: string,
  onFile: (file: File) => void,
): { input: ReactNode; open: () => void } {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="sr-only"
      aria-label={label}
      tabIndex={-1}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
  return { input, open: () => ref.current?.click() };
}
