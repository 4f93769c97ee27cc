/** The source files (`.ts`, `.tsx`) under `folder`, type declarations (`.d.ts`) left out. */
export declare function sourceFiles(folder: string): string[];

/** Every circle among `files` and what they import: each a list of two or more files, sorted. */
export declare function circlesAmong(files: readonly string[]): string[][];

/** A graph of the files' imports: what each imports, the circle it lies in, the way round it. */
export declare function importGraph(): {
  importsOf(file: string): string[];
  circleOf(file: string): Set<string> | undefined;
  wayBack(from: string, to: string, circle: ReadonlySet<string>): string[];
};
