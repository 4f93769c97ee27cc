/**
 * Spreadsheet and curation exports: exportTable (a table file to download), exportReadme (the
 * dataset readme) and previewImport (what a table file would change). All read the sidecars
 * on disk; none writes one.
 */
import path from 'node:path';
import type { ApiHandlers, TableFile } from '../../../shared/api';
import { listImages, resolveImage, type ImageEntry, type OpenFolder } from '../folder';
import { exportFolder } from '../sheets/folder-export';
import { exportReadme } from '../sheets/readme-export';
import { previewTableImport } from '../sheets/import-preview';
import type { ExportFile } from '../sheets/table-file';
import { profileFinder, requireFolder, type BackendContext } from './backend-context';

/** The images of `paths` (each once, in order), or every image of the folder. */
export async function* exportEntries(
  folder: OpenFolder,
  paths: readonly string[] | undefined,
): AsyncGenerator<ImageEntry> {
  if (paths === undefined) {
    yield* listImages(folder.root);
    return;
  }
  for (const relPath of new Set(paths)) yield await resolveImage(folder, relPath);
}

/** The name of the open folder that the files made of it start with. */
export function exportName(folder: OpenFolder): string {
  return path.basename(folder.root) || 'folder';
}

/** A file made of the open folder (named `exportName`), as the renderer offers it for download. */
export function downloadOf(name: string, file: ExportFile, skipped: TableFile['skipped']): TableFile {
  return {
    fileName: `${name}${file.suffix}`,
    mimeType: file.mimeType,
    base64: Buffer.from(file.bytes).toString('base64'),
    skipped,
    notes: file.notes,
  };
}

/** Handlers of the spreadsheet methods. */
export function tableHandlers(
  context: BackendContext,
): Pick<ApiHandlers, 'exportTable' | 'exportReadme' | 'previewImport'> {
  return {
    async exportTable(request) {
      const folder = requireFolder(context);
      const name = exportName(folder);
      const { file, skipped } = await exportFolder(
        folder.root,
        name,
        exportEntries(folder, request.paths),
        request.format,
        request.acquisition === true ? { acquisition: context.scanner } : {},
      );
      return downloadOf(name, file, skipped);
    },
    async exportReadme(request) {
      const folder = requireFolder(context);
      const name = exportName(folder);
      const { file } = await exportReadme(
        folder.root,
        name,
        exportEntries(folder, request.paths),
        context.scanner,
        profileFinder(context, folder),
        { draft: request.draft, configDir: context.options.configDir ?? undefined },
      );
      return downloadOf(name, file, []);
    },
    async previewImport(request) {
      const folder = requireFolder(context);
      const bytes = Buffer.from(request.base64, 'base64');
      return (await previewTableImport(request.fileName, bytes, folder, context.scanner)).preview;
    },
  };
}
