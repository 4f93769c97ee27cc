/** The session, the opened folder and the progress of its scan. */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiEvent, ApiResult, FolderInfo, SessionInfo, UnreadFiles } from '../../../../shared/api';
import type { AppState } from '../../app-store';
import { withRows } from './rows-slice';

/** A backend event about a scan. */
export type ScanEvent = Extract<ApiEvent, { scanId: string }>;

/** Progress of the folder scan. */
export interface ScanState {
  /** Null until `scanFolder` answers. */
  id: string | null;
  /** `cancelled`: the user stopped it; the rows listed so far stay. */
  status: 'idle' | 'scanning' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  error: string | null;
  /** The acquisition files the finished scan left out (formats not read); null until it is done, or when there were none. */
  unread: UnreadFiles | null;
}

/** Session, folder and scan. */
export interface SessionSlice {
  /** Null until `getSession` answers. */
  session: SessionInfo | null;
  startupError: string | null;
  folder: FolderInfo | null;
  /** An `openFolder` call is under way. */
  opening: boolean;
  scan: ScanState;
  /** Scan events that arrived before `scanFolder` told us their id. */
  earlyScanEvents: readonly ScanEvent[];
  /** Counts scans started, so a late answer for an older scan is ignored. */
  scanSeq: number;
  loadSession(): Promise<void>;
  /** Opens a folder (the native dialog when `path` is undefined) and scans it; drops all edits. */
  openFolder(path?: string): Promise<void>;
  startScan(): Promise<void>;
  /** Stops the scan under way; the rows listed so far stay. */
  cancelScan(): Promise<void>;
  handleScanEvent(event: ScanEvent): void;
}

/** Longest the first call waits for the event stream to connect. */
const EVENTS_WAIT_MS = 1_000;

const IDLE: ScanState = { id: null, status: 'idle', done: 0, total: null, error: null, unread: null };

/** Creates the session slice. */
export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => {
  /**
   * Marks a new scan as under way (with `also` set in the same update), so that its events are
   * kept until its id is known; returns the scan's sequence number.
   */
  const beginScan = (also: Partial<AppState> = {}): number => {
    const seq = get().scanSeq + 1;
    get().clearRows();
    // the session's scan may have sent events before the window began it (early-session.ts)
    const earlyScanEvents = seq === 1 ? get().earlyScanEvents : [];
    set({ ...also, scanSeq: seq, scan: { ...IDLE, status: 'scanning' }, earlyScanEvents });
    return seq;
  };

  /** Takes the answer of the request that started scan `seq`: its id, and the events that came before it. */
  const adoptScan = (seq: number, result: ApiResult<{ scanId: string }>): void => {
    if (get().scanSeq !== seq) return;
    if (!result.ok) {
      set({ scan: { ...IDLE, status: 'failed', error: result.error.message } });
      get().notify('error', result.error.message, { key: 'scan', resolved: (st) => st.scanSeq !== seq });
      return;
    }
    const early = get().earlyScanEvents.filter((e) => e.scanId === result.payload.scanId);
    set((s) => ({ scan: { ...s.scan, id: result.payload.scanId }, earlyScanEvents: [] }));
    for (const event of early) get().handleScanEvent(event);
  };

  /** Starts a scan of the open folder; the request goes out before the window draws the update (React draws it in a microtask). */
  const scanNow = async (): Promise<void> => {
    const seq = beginScan();
    adoptScan(seq, await get().client.scanFolder({}));
  };

  return {
    session: null,
    startupError: null,
    folder: null,
    opening: false,
    scan: IDLE,
    earlyScanEvents: [],
    scanSeq: 0,

    loadSession: async () => {
      // The session call also starts the scan of the open folder, whose rows may come before its
      // answer: they are kept, and asked for only once they can reach this window.
      const seq = beginScan({ startupError: null });
      await get().client.eventsReady?.(EVENTS_WAIT_MS);
      const result = await get().client.getSession({ scan: true });
      if (!result.ok) {
        set({ startupError: result.error.message, scan: IDLE });
        return;
      }
      const { scanId, ...session } = result.payload;
      set({ session, folder: session.folder });
      if (scanId === null) set({ scan: IDLE });
      else adoptScan(seq, { ok: true, payload: { scanId } });
    },

    openFolder: async (path) => {
      set({ opening: true });
      const result = await get().client.openFolder(path === undefined ? {} : { path });
      set({ opening: false });
      if (!result.ok) {
        const before = get().folder;
        get().notify('error', result.error.message, { key: 'open-folder', resolved: (st) => st.folder !== before });
        return;
      }
      const folder = result.payload;
      if (!folder) return;
      const { session } = get();
      const recent = [folder.root, ...(session?.recent ?? []).filter((r) => r !== folder.root)].slice(0, 10);
      get().clearEdits();
      get().clearSelection();
      get().clearDetails();
      set({
        folder,
        session: session ? { ...session, folder, recent } : session,
        conflicts: [],
        theirs: {},
        review: null,
        saveReport: null,
        openPrompt: null,
      });
      await get().startScan();
    },

    startScan: () => scanNow(),

    cancelScan: async () => {
      const { scan } = get();
      if (scan.status !== 'scanning' || scan.id === null) return;
      const result = await get().client.cancelScan({ scanId: scan.id });
      if (!result.ok) get().notify('error', result.error.message);
      else if (result.payload.cancelled && get().scan.id === scan.id)
        set((s) => ({ scan: { ...s.scan, status: s.scan.status === 'scanning' ? 'cancelled' : s.scan.status } }));
    },

    handleScanEvent: (event) => {
      const { scan } = get();
      // rows sent before a cancel may reach us after its answer: they were listed, they stay
      const lateRows = scan.status === 'cancelled' && event.type === 'scan-rows' && event.scanId === scan.id;
      const beforeAnyScan = get().scanSeq === 0;
      if (scan.status !== 'scanning' && !lateRows && !beforeAnyScan) return;
      if (scan.id === null) {
        set((s) => ({ earlyScanEvents: [...s.earlyScanEvents, event] }));
        return;
      }
      if (event.scanId !== scan.id) return;
      switch (event.type) {
        case 'scan-rows':
          set((s) => ({ ...withRows(s, event.rows), scan: { ...s.scan, done: event.done, total: event.total } }));
          break;
        case 'scan-done':
          set((s) => ({
            scan: { ...s.scan, status: 'done', done: event.total, total: event.total, unread: event.unread ?? null },
          }));
          void get().loadProfiles();
          break;
        case 'scan-cancelled':
          set((s) => ({ scan: { ...s.scan, status: 'cancelled' } }));
          break;
        case 'scan-failed':
          set((s) => ({ scan: { ...s.scan, status: 'failed', error: event.error.message } }));
          get().notify('error', event.error.message, { key: 'scan', resolved: (st) => st.scan.id !== scan.id });
          break;
      }
    },
  };
};
