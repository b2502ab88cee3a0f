// The playground's saved state in IndexedDB (idb-keyval): settings, the files the user changed,
// the console's recent output, the open file. One record under a versioned schema; a record that
// cannot be read, or was written by a newer version, is set aside (never overwritten) and the
// page starts fresh with a message saying so.
//
// Saving is atomic: the new state is written under a key of its own ("playground@<id>"), then one
// transaction points "playground" at it and drops the older records. A crash before the flip
// leaves the pointer on the previous state; IndexedDB rolls back a transaction cut short.
import { createStore, del, get, promisifyRequest, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { FileChanges, KernelSettings, RunState, Speed } from '../worker/api.ts';
import { DEFAULT_KERNEL } from '../worker/api.ts';

export const SCHEMA = 1;
const KEY = 'playground';

export interface Layout {
  /** Width of the left column, % of the window. */
  leftPct: number;
  /** Height of the views panel, px. */
  viewsPx: number;
}

export interface Settings {
  kernel: KernelSettings;
  speed: Speed;
  state: RunState;
  screenReader: boolean;
  layout: Layout;
  expanded: string[];
}

export interface SavedState {
  schema: typeof SCHEMA;
  savedAt: number;
  settings: Settings;
  changes: FileChanges;
  /** The console's last bytes (binary string). */
  transcript: string;
  openPath: string | null;
  example: string | null;
  /** Editor text not yet saved into the machine (restored as unsaved edits). */
  draft?: { path: string; text: string } | null;
}

export const DEFAULT_SETTINGS: Settings = {
  kernel: { ...DEFAULT_KERNEL },
  speed: 1,
  state: 'running',
  screenReader: false,
  layout: { leftPct: 50, viewsPx: 190 },
  expanded: ['/', '/root', '/etc', '/etc/modprobe.d'],
};

export type Loaded =
  | { kind: 'empty' }
  | { kind: 'ok'; state: SavedState }
  | { kind: 'problem'; message: string };

/** scripts/engine-start.js opens the same database from <head>, as idb-keyval's createStore does. */
export const PERSIST_DB = 'khelper';
export const PERSIST_STORE = 'state';

let store: UseStore | null = null;
function db(): UseStore {
  store ??= adoptEarlyDb() ?? createStore(PERSIST_DB, PERSIST_STORE);
  return store;
}

/**
 * The database scripts/engine-start.js began opening before the page was parsed (built page only).
 * If that open failed, or the browser closes the connection later, open it the usual way.
 */
function adoptEarlyDb(): UseStore | null {
  const w = window as { __khelperDb?: Promise<IDBDatabase> };
  const early = w.__khelperDb;
  delete w.__khelperDb;
  if (!early) return null;
  let fallback: UseStore | null = null;
  const usual = (): UseStore => (fallback ??= createStore(PERSIST_DB, PERSIST_STORE));
  let closed = false;
  void early.then((d) => {
    d.onclose = () => void (closed = true);
  }, () => undefined);
  return (mode, callback) => early.then(
    (d) => (closed ? usual()(mode, callback) : callback(d.transaction(PERSIST_STORE, mode).objectStore(PERSIST_STORE))),
    () => usual()(mode, callback),
  );
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What is wrong with a record that claims our schema, or null. */
export function problemWith(v: Record<string, unknown>): string | null {
  const s = v.settings;
  if (!isObj(s) || !isObj(s.kernel)) return 'settings are missing';
  const k = s.kernel;
  if (!['2.6.20', '2.6.21', '6.6'].includes(k.profile as string) || !['x86_64', 'i386'].includes(k.arch as string)) return 'unknown kernel profile or arch';
  if (!isNum(k.threadsMax) || !isStr(k.modprobePath)) return 'bad kernel settings';
  if (!(s.speed === 'max' || (isNum(s.speed) && s.speed > 0))) return 'bad speed';
  if (s.state !== 'running' && s.state !== 'paused') return 'bad run state';
  if (!isObj(s.layout) || !isNum(s.layout.leftPct) || !isNum(s.layout.viewsPx)) return 'bad layout';
  if (!Array.isArray(s.expanded) || !s.expanded.every(isStr)) return 'bad tree state';
  const c = v.changes;
  if (!isObj(c) || !isObj(c.files) || !isObj(c.links) || !isObj(c.dirs) || !Array.isArray(c.deleted)) return 'the file list is damaged';
  for (const f of Object.values(c.files)) if (!isObj(f) || !isStr(f.content) || !isNum(f.mode)) return 'a saved file is damaged';
  if (!Object.values(c.links).every(isStr) || !Object.values(c.dirs).every(isNum) || !c.deleted.every(isStr)) return 'the file list is damaged';
  if (!isStr(v.transcript)) return 'the console history is damaged';
  if (v.openPath !== null && !isStr(v.openPath)) return 'bad open file';
  if (v.example !== null && !isStr(v.example)) return 'bad example';
  const d = v.draft;
  if (d !== undefined && d !== null && (!isObj(d) || !isStr(d.path) || !isStr(d.text))) return 'bad unsaved edit';
  return null;
}

/** "playground" holds this when the state is in its own record (older pages wrote the state there). */
interface Pointer {
  current: string;
}
const isPointer = (v: unknown): v is Pointer => isObj(v) && typeof v.current === 'string' && v.current.startsWith(`${KEY}@`) && !('schema' in v);

export async function loadState(): Promise<Loaded> {
  let raw: unknown;
  let record: string | null = null;
  try {
    raw = await get(KEY, db());
    if (isPointer(raw)) {
      record = raw.current;
      raw = await get(record, db());
      if (raw === undefined) return { kind: 'problem', message: `The saved playground's record ("${record}") is missing. Starting fresh.` };
    }
  } catch (e) {
    return { kind: 'problem', message: `Saving is not available in this browser (${(e as Error).message || e}); your changes will not survive a reload.` };
  }
  if (raw === undefined) return { kind: 'empty' };
  if (!isObj(raw) || !isNum(raw.schema)) return setAside(raw, 'The saved playground could not be read (it is not a khelper record)', record);
  if (raw.schema > SCHEMA) {
    return setAside(raw, `The saved playground was written by a newer khelper (format ${raw.schema}; this page reads up to ${SCHEMA})`, record);
  }
  const why = problemWith(raw);
  if (why) return setAside(raw, `The saved playground could not be read (${why})`, record);
  return { kind: 'ok', state: raw as unknown as SavedState };
}

/** Keep an unreadable record under another key so a fresh start does not destroy it. */
async function setAside(raw: unknown, why: string, record: string | null = null): Promise<Loaded> {
  const backup = `${KEY}-unreadable-${Date.now()}`;
  try {
    await set(backup, raw, db());
    await del(KEY, db());
    if (record) await del(record, db());
  } catch (_e) {
    // Could not move it: the fresh state will replace it on the next save.
  }
  return { kind: 'problem', message: `${why}. Starting fresh; the old record is kept in IndexedDB as "${backup}".` };
}

/** Failures to inject (end-to-end tests): "crash" stops a save between the write and the flip, as a dead tab would, and every save after it. */
export const faults = { crash: false, crashed: false };
/** Told when saving fails for a reason the user must know (a full disk); share/start.ts shows it. */
export const storageProblems = new Set<(msg: string) => void>();
let serial = 0;

export async function saveState(s: SavedState): Promise<void> {
  if (faults.crashed) throw new Error('this tab stopped saving (simulated crash)');
  const key = `${KEY}@${s.savedAt.toString(36)}-${(++serial).toString(36)}`;
  try {
    await set(key, s, db());
    if (faults.crash) {
      faults.crashed = true;
      throw new Error('simulated crash between writing the new state and pointing at it');
    }
    await db()('readwrite', (store) => new Promise<void>((resolve, reject) => {
      store.put({ current: key } satisfies Pointer, KEY);
      const req = store.getAllKeys();
      req.onsuccess = () => {
        for (const k of req.result) if (typeof k === 'string' && k.startsWith(`${KEY}@`) && k !== key) store.delete(k);
        resolve(promisifyRequest(store.transaction));
      };
      req.onerror = () => reject(req.error);
    }));
  } catch (e) {
    throw storageError(e);
  }
}

/** Quota errors in words a user can act on (they are also told through storageProblems). */
function storageError(e: unknown): Error {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message ?? ''))) {
    const msg = 'the browser has no more storage for this site (QuotaExceededError). Free some space, or Export your work to a file';
    for (const f of storageProblems) f(`Your work is not being saved: ${msg}.`);
    return new Error(msg);
  }
  return e instanceof Error ? e : new Error(String(e));
}

export async function clearState(): Promise<void> {
  await del(KEY, db());
}

/** The settings to start with: the saved ones over the defaults (a newer field keeps its default). */
export function settingsFrom(l: Loaded): Settings {
  const d = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
  if (l.kind !== 'ok') return d;
  const s = l.state.settings;
  return { ...d, ...s, kernel: { ...d.kernel, ...s.kernel }, layout: { ...d.layout, ...s.layout } };
}
