/** Hands a file from the backend to the browser's download (browser mode and Electron alike). */
import type { TableFile } from '../../../shared/api';
import { decodeBase64 } from './preview-pixels';

/** Starts the download of `file` under its suggested name. */
export function downloadFile(file: Pick<TableFile, 'fileName' | 'mimeType' | 'base64'>): void {
  const url = URL.createObjectURL(new Blob([decodeBase64(file.base64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
