/**
 * Where a command's file goes (`export`, `results`): to the file `-o` names, else to stdout,
 * where a binary workbook is refused when stdout is a terminal.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, EXIT, type CliIo } from './cli-io';

/** Refuses, before any work, to write an XLSX workbook to a terminal. */
export function refuseWorkbookOnTerminal(format: string, outFile: string | undefined, io: CliIo): void {
  if (format === 'xlsx' && outFile === undefined && io.out.isTerminal) {
    throw new CliError(EXIT.usage, 'an XLSX workbook is binary: give -o <file>.xlsx or redirect stdout to a file');
  }
}

/** Writes `bytes` to `outFile` (relative to the working folder), else to stdout. */
export async function writeOutput(io: CliIo, outFile: string | undefined, bytes: Uint8Array): Promise<void> {
  if (outFile === undefined) return io.out.bytes(bytes);
  await writeFile(path.resolve(io.cwd, outFile), bytes).catch((error: Error) => {
    throw new CliError(EXIT.conflict, `cannot write ${outFile}: ${error.message}`);
  });
}
