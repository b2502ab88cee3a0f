// window.__khelper: what the end-to-end tests (and curious users in the devtools) can reach.
import type { Remote } from 'comlink';
import type { MachineApi } from '../worker/api.ts';
import type { Autosave } from './autosave.ts';
import type { EditorHost } from './editor_host.ts';
import type { Settings } from './persist.ts';
import type { RestartTiming } from './restarts.ts';
import type { Console } from './terminal.ts';

export interface TestHook {
  readScreen(): string;
  /** The console's size in characters. */
  size(): { cols: number; rows: number };
  api: Remote<MachineApi>;
  /** The editor's text and open path. */
  editorText(): string;
  editorPath(): string | null;
  /** Completed autosaves. */
  saves(): number;
  /** Save now, after any save in flight: the state as it is at the call is then stored. */
  saveNow(): Promise<void>;
  /** ms from navigation: first console bytes, first shell prompt; engineEarly: the worker came from <head>. */
  timings: { firstOutput: number; firstPrompt: number; engineEarly: boolean };
  settings(): Settings;
  /** The watchdog's restarts so far (restarts.ts). */
  restarts(): RestartTiming[];
}

declare global {
  interface Window {
    __khelper: TestHook;
  }
}

export function installTestHook(o: { con: Console; api: Remote<MachineApi>; editor: EditorHost; autosave: Autosave;
  timings: TestHook['timings']; settings: () => Settings; restarts: () => RestartTiming[] }): void {
  window.__khelper = {
    readScreen: () => o.con.readScreen(),
    size: () => ({ cols: o.con.cols, rows: o.con.rows }),
    api: o.api,
    editorText: () => o.editor.view.getValue(),
    editorPath: () => o.editor.path,
    saves: () => o.autosave.count,
    saveNow: () => o.autosave.flush(),
    timings: o.timings,
    settings: o.settings,
    restarts: o.restarts,
  };
}
