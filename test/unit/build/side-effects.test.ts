import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** The `sideEffects` globs of package.json as regular expressions over repository paths. */
function sideEffectPatterns(): RegExp[] {
  const globs = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).sideEffects as string[];
  return globs.map(
    (glob) =>
      new RegExp(
        `^${glob
          .replace(/^\.\//, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .split('**/')
          .map((part) => part.replace(/\*/g, '[^/]*'))
          .join('(?:.*/)?')}$`,
      ),
  );
}

/** Every source file of the product. */
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The files that product code imports for their side effects alone (`import './x';`). */
function sideEffectImports(): string[] {
  return ['electron', 'renderer', 'shared'].flatMap(sources).flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^import '(\.[^']+)';/gm)].map((match) => {
      const target = path.posix.join(path.posix.dirname(file), match[1]!);
      return path.extname(target) === '' ? `${target}.ts` : target;
    }),
  );
}

describe('package.json sideEffects', () => {
  // The bundlers drop a module none of whose exports is used unless sideEffects names it: this
  // is what lets a door re-export a room without putting all of it in every bundle.
  it('names every file that product code imports only for its side effects', () => {
    const patterns = sideEffectPatterns();
    const imports = sideEffectImports();
    expect(imports).toContain('electron/services/process-tuning.ts');
    expect(imports).toContain('renderer/src/styles/theme.css');
    expect(imports.filter((file) => !patterns.some((pattern) => pattern.test(file)))).toEqual([]);
  });
});
