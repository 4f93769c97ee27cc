/**
 * What the user did to each image since it was last saved (`Genotype`, `Paste`, `Undo Preset
 * “Thy1 cohort 3”`), for the change journal's record of the save. Kept outside the reactive
 * state: nothing is drawn from it, and a bulk edit of many images must not copy it.
 */

/** Most actions named for one image; the oldest are dropped past it. */
const MOST_ACTIONS = 8;
/** Longest action text one save sends (the backend's limit). */
const MOST_TEXT = 500;

/** The actions since the last save, by image path. */
export class ActionsSinceSave {
  private readonly byPath = new Map<string, string[]>();

  /** Notes that `action` changed the images at `paths`. */
  note(paths: Iterable<string>, action: string): void {
    for (const path of paths) {
      const actions = this.byPath.get(path);
      if (actions === undefined) this.byPath.set(path, [action]);
      else if (actions.at(-1) !== action) {
        actions.push(action);
        if (actions.length > MOST_ACTIONS) actions.shift();
      }
    }
  }

  /** Forgets the actions of images saved (or whose edits were dropped). */
  forget(paths: Iterable<string>): void {
    for (const path of paths) this.byPath.delete(path);
  }

  /** Forgets everything (another folder was opened). */
  clear(): void {
    this.byPath.clear();
  }

  /** The journal's action of an image's save: its actions since the last save, oldest first; undefined when none. */
  of(path: string): string | undefined {
    const actions = this.byPath.get(path);
    return actions === undefined ? undefined : actions.join('; ').slice(0, MOST_TEXT);
  }
}
