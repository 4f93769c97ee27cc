/**
 * The result tables of an image's analyses, read from the CSVs acqstore keeps beside its source
 * (`x.tif.radon_velocity.csv`): only regular files in the source's folder (no link is followed,
 * no analysis name with a path separator is looked for), each within {@link MAX_TABLE_BYTES}.
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analysisCsvName, analysisTables } from '../../../shared/ngff/export/analysis-tables';
import { analysisId, analysisTablePath, type ExportImage } from '../../../shared/ngff/export/collection-documents';
import { ExportRefusal } from '../../../shared/ngff/export/export-image';
import { decodeTableText } from '../../../shared/sheets/table-text';

/** Most bytes of one analysis CSV. */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;

/** The CSV text beside `absPath` for `name`; null when there is none. */
async function csvBeside(absPath: string, name: string): Promise<string | null> {
  if (/[\\/\0]/.test(name)) return null;
  const file = analysisCsvName(absPath, name);
  const stats = await lstat(file).catch(() => null);
  if (stats === null) return null;
  const shown = path.basename(file);
  if (!stats.isFile()) throw new ExportRefusal(`${shown} is not a file (a link or a folder): not read`);
  if (stats.size > MAX_TABLE_BYTES) throw new ExportRefusal(`${shown} is over 256 MiB`);
  return decodeTableText(await readFile(file));
}

/** `image` with the analyses whose tables were found marked, and those tables by their path in the image's folder. */
export async function withAnalysisTables(
  absPath: string,
  image: ExportImage,
): Promise<{ image: ExportImage; tables: Map<string, string> }> {
  const found = new Map<string, string>();
  for (const name of new Set(image.analyses.map((a) => a.analysisName))) {
    const text = await csvBeside(absPath, name);
    if (text === null) continue;
    const named = image.analyses.filter((a) => a.analysisName === name);
    for (const [id, table] of analysisTables(text, `${image.fileName}.${name}.csv`, named)) found.set(id, table);
  }
  const analyses = image.analyses.map((a) => ({ ...a, hasTable: found.has(analysisId(a)) }));
  const tables = new Map(
    analyses.filter((a) => a.hasTable).map((a) => [analysisTablePath(a), found.get(analysisId(a)) as string]),
  );
  return { image: { ...image, analyses }, tables };
}
