/**
 * `x-folder` rules: the layout of a dataset folder as regular expressions over the
 * `/`-separated paths of its files relative to the profile's folder (see docs/lab-profiles.md).
 */
import type { FolderProblem, FolderRule } from '../api';
import type { SafePattern } from './safe-pattern';

/** A profile's folder rules, patterns compiled. */
export interface FolderRules {
  rules: readonly (FolderRule & { compiled: SafePattern })[];
  /** Files matching no rule are problems (`x-folder-closed`). */
  closed: boolean;
}

/**
 * Checks the files of a profile's folder: each required rule that matches no file is one
 * problem for the folder; with `closed`, each file matching no rule is one problem.
 *
 * `files` are relative to the profile's folder; `folder` is that folder as problems name it
 * (relative to what the user opened, `''` for the opened folder itself).
 */
export function checkFolderRules(rules: FolderRules, files: readonly string[], folder: string): FolderProblem[] {
  const problems: FolderProblem[] = [];
  const inFolder = (rel: string) => (folder === '' ? rel : `${folder}/${rel}`);
  for (const rule of rules.rules) {
    if (!rule.required || files.some((file) => rule.compiled.test(file))) continue;
    const what = rule.description === '' ? 'a required file' : rule.description;
    problems.push({
      path: folder === '' ? '.' : folder,
      message: `missing ${what}: no file matches ${rule.pattern}`,
      rule: rule.pattern,
    });
  }
  if (rules.closed) {
    for (const file of files) {
      if (!rules.rules.some((rule) => rule.compiled.test(file))) {
        problems.push({ path: inFolder(file), message: 'matches none of the folder rules of the profile' });
      }
    }
  }
  return problems;
}
