// The one worker that holds the whole engine: one Machine, driven in slices (runloop.ts), its
// output sent to the page once per frame (batcher.ts). The page talks to it through comlink.
import * as Comlink from 'comlink';
import { DEFAULT_KERNEL } from './api.ts';
import type { MachineApi, TestCommand } from './api.ts';
import { Engine } from './engine.ts';
import { fileOps } from './files.ts';
import { loadPrograms } from './programs_loader.ts';
import { utf8ToBytes } from '../lib/bytes.ts';
import { viewsApi } from './views_entry.ts';

// Marks for bench/browser.ts's breakdown of the time to the first prompt.
performance.mark('khelper:worker');
const engine = new Engine();
const files = fileOps(() => engine.m);
/**
 * The page names the worker "khelper-engine", plus " test" only when an end-to-end test set its
 * flag before the page loaded (ui/early.ts; nothing in a URL, a share link or an embed can), plus
 * " first" for the page's first worker (not one the watchdog restarts).
 */
const NAME = self.name.split(' ');
const TEST_MODE = NAME[0] === 'khelper-engine' && NAME.includes('test');

const FIRST = NAME.includes('first');

// The page's first boot request waits on its saved state (IndexedDB) and, while the worker starts,
// on the page's own thread; meanwhile boot what a fresh playground asks for. A request for anything
// else boots as usual (Engine.prepare).
if (FIRST) {
  setTimeout(() => {
    engine.prepare(DEFAULT_KERNEL);
    performance.mark('khelper:prepared');
  }, 0);
}

/**
 * The code of the programs a default boot does not run (programs_loader.ts) is compiled once the
 * page has shown the first prompt, so that it does not compete with it; a restarted worker loads
 * it at once; anything that needs it earlier (a boot with the user's files, a key) starts it then.
 */
let loadFailed = false;
function loadSoon(): Promise<void> {
  return loadPrograms().catch((e: unknown) => {
    if (!loadFailed) engine.batcher.note(utf8ToBytes(`\r\n\x1b[1;31mkhelper: the programs' code did not load (${(e as Error)?.message ?? e}); commands other than the shell's own cannot run. Reloading the page may help.\x1b[0m\r\n`));
    loadFailed = true;
    throw e;
  });
}
const startLoading = (): void => void loadSoon().catch(() => undefined);
if (FIRST) setTimeout(startLoading, 1500);
else startLoading();
/** Await the programs' code before `f` (a call that boots or runs a machine). */
const loaded = <A extends unknown[], R>(f: (...a: A) => R): (...a: A) => Promise<R> =>
  async (...a: A) => {
    await loadSoon();
    return f(...a);
  };

/** Test commands (api.ts TestCommand); false when not in test mode. */
function testCommand(cmd: TestCommand): boolean {
  if (!TEST_MODE) return false;
  if ('hang' in cmd) {
    // Stands in for a run slice that never returns: the event loop is blocked, nothing answers.
    const end = performance.now() + cmd.hang;
    while (performance.now() < end) {
      // spin
    }
  } else if ('traceCap' in cmd) {
    engine.traceMax = cmd.traceCap;
  }
  return true;
}

/** A change made through the API shows up in the next batch, like one made from the console. */
function touching<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => Promise<R> {
  return async (...a: A) => {
    const r = f(...a);
    engine.touched();
    return r;
  };
}

const api: MachineApi = {
  ...viewsApi(engine),
  async subscribe(listener) {
    engine.batcher.subscribe(async (b) => {
      await listener(b);
      if (b.tty) startLoading();
    });
  },
  async boot(req) {
    if (FIRST) engine.prepareFor(req, DEFAULT_KERNEL);
    const prepared = engine.preparedFor(req);
    performance.mark(prepared ? 'khelper:boot-prepared' : 'khelper:boot-fresh');
    if (!prepared) await loadSoon();
    const info = engine.boot(req);
    performance.mark('khelper:booted');
    return info;
  },
  reset: loaded(() => engine.reset()),
  setKernel: loaded((s) => engine.setKernel(s)),
  async input(bytes) {
    engine.input(bytes);
    startLoading();
  },
  async resize(cols, rows) { engine.resize(cols, rows); },
  async run() { engine.control('run'); },
  async pause() { engine.control('pause'); },
  async step() { engine.control('step'); },
  async setSpeed(speed) { engine.setSpeed(speed); },
  async list(path) { return files.list(path); },
  async read(path) { return files.read(path); },
  write: touching(files.write),
  mkdir: touching(files.mkdir),
  remove: touching(files.remove),
  rename: touching(files.rename),
  chmod: touching(files.chmod),
  async diagnose(path, bytes) { return files.diagnose(path, bytes); },
  replaceModprobe: touching(files.replaceModprobe),
  userChanges: loaded(() => engine.userChanges()),
  async examples() { return engine.examples(); },
  loadExample: loaded((id: string) => engine.loadExample(id)),
  exportScenario: loaded((name: string) => engine.exportScenario(name)),
  importScenario: loaded((json: string) => engine.importScenario(json)),
  async shareScenario(view) {
    await loadSoon();
    const { scenario, skipped } = engine.share(view);
    return { json: JSON.stringify(scenario), skipped };
  },
  async results() { return engine.results(); },
  async ping(n) { return n; },
  async __test(cmd) { return testCommand(cmd); },
};

Comlink.expose(api);
