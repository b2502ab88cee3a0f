// The first things the page does, before the console's code has even loaded: start the engine's
// worker, read the saved state, and boot the machine with it. The first prompt waits on these,
// not on the console's code; batches wait in a queue until the console attaches.
import * as Comlink from 'comlink';
import type { Batch, BootInfo, MachineApi } from '../worker/api.ts';
import { DEFAULT_WATCHDOG, EngineRestarted, Watchdog } from './watchdog.ts';
import type { WatchdogOptions } from './watchdog.ts';
import { settingsFrom, loadState } from './persist.ts';
import type { Loaded, Settings } from './persist.ts';
import { bootFor } from './share/boot.ts';
import { pageMode } from './share/mode.ts';
import type { PageMode } from './share/mode.ts';

/** What the saved state (IndexedDB) decides: known only once it has been read. */
export interface EarlyState {
  loaded: Loaded;
  settings: Settings;
  booted: Promise<BootInfo>;
}

export interface Early {
  api: Comlink.Remote<MachineApi>;
  /** The worker's keeper: it restarts a worker that stops answering (the page shows why). */
  watchdog: Watchdog;
  /**
   * The saved state and the boot it asked for. Opening IndexedDB took 100-165 ms on a first visit;
   * the console is built meanwhile instead of after it (main.ts).
   */
  ready: Promise<EarlyState>;
  /** What this page load is: the user's playground, a share link, an embed (share/mode.ts). */
  mode: PageMode;
  /** The worker is the one the built page started from <head> (scripts/engine-start.js). */
  engineEarly: boolean;
  /** Batches so far, then every batch, go to fn. */
  attach(fn: (b: Batch) => void): void;
}

export function showAlert(msg: string): void {
  const a = document.getElementById('alert');
  if (!a) {
    // Before the markup is parsed (main.ts runs async): say it once it is.
    document.addEventListener('DOMContentLoaded', () => showAlert(msg), { once: true });
    return;
  }
  a.textContent = msg;
  a.hidden = false;
}

/** Rough terminal size of the console pane before xterm measures it (a resize follows). */
function guessSize(): { cols: number; rows: number } {
  const el = document.getElementById('console');
  const w = el?.clientWidth || 640;
  const h = el?.clientHeight || 384;
  return { cols: Math.max(20, Math.floor((w - 20) / 8.43)), rows: Math.max(5, Math.floor(h / 17)) };
}

/**
 * End-to-end tests set `window.__khelperTestMode` from an init script (e2e/fixtures.ts), before
 * the page's own code runs; no URL, share link or embed can. Its worker then takes test commands
 * (api.ts `__test`) and the watchdog looks at it more often.
 */
const TEST_WATCHDOG: WatchdogOptions = { pingMs: 250, hangMs: 3000 };
function testMode(): boolean {
  return (window as { __khelperTestMode?: unknown }).__khelperTestMode === true;
}

/**
 * The built page starts the engine's worker from a small classic script in <head>
 * (scripts/engine-start.js), before the page is laid out and before this module has even run;
 * the worker's start-up (a thread, a fetch, 700 KB of JavaScript to compile) then overlaps the
 * page's. Take that worker, once, if it started for the same mode and has not failed.
 */
function takeStarted(test: boolean): Worker | null {
  const w = window as { __khelperEngine?: { worker: Worker; test: boolean; failed: boolean } };
  const s = w.__khelperEngine;
  delete w.__khelperEngine;
  if (!s) return null;
  if (s.test === test && !s.failed) return s.worker;
  s.worker.terminate();
  return null;
}

export function startEarly(): Early {
  performance.mark('khelper:early');
  const test = testMode();
  let first = true;
  let engineEarly = false;
  const watchdog = new Watchdog(
    () => {
      const name = `khelper-engine${test ? ' test' : ''}${first ? ' first' : ''}`;
      const started = first ? takeStarted(test) : null;
      first = false;
      engineEarly = started !== null;
      return started ?? new Worker(new URL('../worker/machine.worker.ts', import.meta.url), { type: 'module', name });
    },
    test ? TEST_WATCHDOG : DEFAULT_WATCHDOG,
    showAlert,
  );
  // Calls that were waiting on a worker the watchdog replaced fail with EngineRestarted; the page
  // has said why (app.ts), so a call nobody awaited is no uncaught error.
  window.addEventListener('unhandledrejection', (e) => {
    if (e.reason instanceof EngineRestarted) e.preventDefault();
  });
  const { api } = watchdog;
  // A batch that comes before the console is attached waits here, and is answered only once the
  // console has it: the worker takes the answer as "shown" (it sends the next batch, and starts
  // compiling the other programs after the first prompt). The batches come on a port of their
  // own, so one can arrive before the boot call's answer that lets the page attach.
  const queue: { b: Batch; shown: () => void }[] = [];
  let sink: ((b: Batch) => void) | null = null;
  void api.subscribe(Comlink.proxy((b: Batch): void | Promise<void> => {
    if (sink) return sink(b);
    return new Promise<void>((shown) => queue.push({ b, shown }));
  }));
  const mode = pageMode();
  const ready = (async (): Promise<EarlyState> => {
    // Only the user's own playground reads the saved state; a link or an embed starts from its URL.
    const loaded: Loaded = mode.source.kind === 'saved' ? await loadState() : { kind: 'empty' };
    const settings = settingsFrom(loaded);
    const changes = loaded.kind === 'ok' ? loaded.state.changes : { files: {}, links: {}, dirs: {}, deleted: [] };
    const req = { kernel: settings.kernel, changes, ...guessSize(), speed: settings.speed, state: settings.state };
    performance.mark('khelper:boot-request');
    const booted = bootFor(api, mode, req);
    settings.speed = req.speed;
    settings.state = req.state;
    return { loaded, settings, booted };
  })();
  return {
    api, watchdog, ready, mode, engineEarly,
    attach(fn) {
      sink = fn;
      for (const { b, shown } of queue.splice(0)) {
        fn(b);
        shown();
      }
    },
  };
}
