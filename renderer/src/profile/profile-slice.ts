/**
 * Lab profiles in the app: which profiles are in force (for the toolbar and the forms), and
 * what they find in the values being edited, as the user types. Every change of edits
 * (typing, undo, a bulk action, a save) queues the images it touched; after a short pause
 * their values as they are go to the backend's `checkValues` (the one validation path, as
 * the command line's), and the answer is kept only if those edits are still the same.
 *
 * {@link ProfileSlice.reloadProfiles} is the one action to call when a profile file changes
 * (the folder watcher's event, the Reload button): profiles again, and every row's problems
 * checked again through the backend.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ImageRow, ProfileInfo, ValuesChecked, ValuesToCheck } from '../../../shared/api';
import {
  type AppState,
  type EditMap,
  type LiveProblems,
  type PathEdits,
  shownLiveProblems,
  validEditValues,
} from '../store';
import { plural } from '../lib/format';

/** Profiles and their problems. */
export interface ProfileSlice {
  /** The lab profiles in force in the open folder; null until known. */
  profiles: readonly ProfileInfo[] | null;
  /** `reloadProfiles` is under way. */
  profilesReloading: boolean;
  /** What the profile finds in edited images' values as they are now (see problem-logic). */
  liveProblems: LiveProblems;
  /** Asks the backend which profiles are in force (after a scan: the rows carry their problems already). */
  loadProfiles(): Promise<void>;
  /**
   * The profile files changed: loads them again and checks every image again through the backend.
   * It says so when asked for (`asked`) or when the profiles in force changed; a change on disk that
   * left them as they were (a channel table saved) passes without a word.
   */
  reloadProfiles(asked: boolean): Promise<void>;
  /** Checks now what is waiting for the pause after typing (before a save is planned). */
  flushProblemChecks(): Promise<void>;
}

/** The pause after a change of edits before its values are checked. */
export const PROBLEM_CHECK_DELAY_MS = 250;
/** Images per `checkValues` request. */
const CHECK_CHUNK = 500;

/** Paths whose edits differ between two edit maps. */
function changedPaths(next: EditMap, previous: EditMap): string[] {
  const paths: string[] = [];
  for (const path in next) if (next[path] !== previous[path]) paths.push(path);
  for (const path in previous) if (!(path in next)) paths.push(path);
  return paths;
}

/** Whether two rows' profile results are the same. */
function sameProblems(a: ImageRow, profile: string | null, problems: ValuesChecked['problems']): boolean {
  return a.profile === profile && JSON.stringify(a.profileProblems) === JSON.stringify(problems);
}

/** Creates the profile slice; it watches the store's edits for images to check. */
export const createProfileSlice: StateCreator<AppState, [], [], ProfileSlice> = (set, get, api) => {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();

  /** Sends `items` in chunks; `take` gets each answer with the edits it was checked with. */
  async function check(
    items: readonly { item: ValuesToCheck; sent: PathEdits | undefined }[],
    take: (answers: ValuesChecked[], sent: ReadonlyMap<string, PathEdits | undefined>) => void,
  ): Promise<boolean> {
    for (let start = 0; start < items.length; start += CHECK_CHUNK) {
      const chunk = items.slice(start, start + CHECK_CHUNK);
      const result = await get().client.checkValues({ items: chunk.map((c) => c.item) });
      if (!result.ok) return false;
      take(result.payload, new Map(chunk.map((c) => [c.item.path, c.sent])));
    }
    return true;
  }

  /** Keeps the answers whose edits are still those checked. */
  function takeLive(answers: ValuesChecked[], sent: ReadonlyMap<string, PathEdits | undefined>): void {
    set((s) => {
      const live = { ...s.liveProblems };
      for (const answer of answers) {
        const edits = s.edits[answer.path];
        if (edits !== undefined && edits === sent.get(answer.path))
          live[answer.path] = shownLiveProblems(answer.problems, edits);
      }
      return { liveProblems: live };
    });
  }

  /** Checks the edited values of the pending images that a profile applies to. */
  async function runPending(): Promise<void> {
    const s = get();
    const items = [...pending].flatMap((path) => {
      const row = s.rows[path];
      const edits = s.edits[path];
      return row === undefined || edits === undefined || row.profile === null
        ? []
        : [{ item: { path, values: validEditValues(edits) }, sent: edits }];
    });
    pending.clear();
    if (items.length > 0) await check(items, takeLive);
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(runPending).catch(() => undefined);
    }, PROBLEM_CHECK_DELAY_MS);
  }

  api.subscribe((s, previous) => {
    if (s.folder !== previous.folder && s.profiles !== null) set({ profiles: null });
    if (s.edits === previous.edits) return;
    const gone: string[] = [];
    for (const path of changedPaths(s.edits, previous.edits)) {
      if (s.edits[path] === undefined) gone.push(path);
      else pending.add(path);
    }
    // Without edits an image is as scanned (or as saved): its row has its problems.
    if (gone.some((path) => path in s.liveProblems)) {
      set((st) => {
        const live = { ...st.liveProblems };
        for (const path of gone) delete live[path];
        return { liveProblems: live };
      });
    }
    if (pending.size > 0) schedule();
  });

  return {
    profiles: null,
    profilesReloading: false,
    liveProblems: {},

    loadProfiles: async () => {
      const folder = get().folder;
      const result = await get().client.getProfiles({});
      if (get().folder !== folder) return;
      if (result.ok) set({ profiles: result.payload });
      else get().notify('error', `The lab profiles could not be read: ${result.error.message}`);
    },

    reloadProfiles: async (asked) => {
      if (get().profilesReloading) return;
      const { folder, scanSeq, profiles: before } = get();
      set({ profilesReloading: true });
      try {
        await get().loadProfiles();
        const s = get();
        const stored = s.rowOrder.flatMap((path) =>
          s.rows[path] === undefined || s.rows[path].sidecar === 'invalid'
            ? []
            : [{ item: { path, values: {} }, sent: undefined }],
        );
        const done = await check(stored, (answers) => {
          if (get().folder !== folder || get().scanSeq !== scanSeq) return;
          const rows: ImageRow[] = [];
          for (const answer of answers) {
            const row = get().rows[answer.path];
            if (row !== undefined && !sameProblems(row, answer.profile, answer.problems))
              rows.push({ ...row, profile: answer.profile, profileProblems: answer.problems });
          }
          get().addRows(rows);
        });
        // The edited images' values as they are now, checked against the profile as it is now.
        for (const path of Object.keys(get().edits)) pending.add(path);
        await get().flushProblemChecks();
        const count = get().profiles?.length ?? 0;
        const changed = JSON.stringify(get().profiles) !== JSON.stringify(before);
        if (done && (asked || changed))
          get().notify(
            'success',
            count === 0
              ? 'No lab profile is in force.'
              : `Lab ${count === 1 ? 'profile' : 'profiles'} reloaded; ${plural(stored.length, 'image')} checked again.`,
          );
        else if (!done) get().notify('error', 'The images could not be checked against the lab profile again.');
      } finally {
        set({ profilesReloading: false });
      }
    },

    flushProblemChecks: async () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (pending.size > 0) running = running.then(runPending).catch(() => undefined);
      await running;
    },
  };
};
