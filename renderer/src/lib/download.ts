/** Offers bytes or text as a file download (browser mode and Electron alike). */
import type { TableFile } from '../../../shared/api';
import { decodeBase64 } from './base64';

/** Starts the download of `content` as `fileName` through a Blob and an `<a download>`. */
export function downloadFile(fileName: string, mimeType: string, content: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released once it is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Starts the download of a file the backend made (a table, the results), under its suggested name. */
export function downloadTableFile(file: Pick<TableFile, 'fileName' | 'mimeType' | 'base64'>): void {
  downloadFile(file.fileName, file.mimeType, decodeBase64(file.base64));
}
