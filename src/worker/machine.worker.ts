// The one worker that holds the whole engine: one Machine, driven in slices (runloop.ts), its
// output sent to the page once per frame (batcher.ts). The page talks to it through comlink.
import * as Comlink from 'comlink';
import { DEFAULT_KERNEL } from './api.ts';
import type { MachineApi, TestCommand } from './api.ts';
import { Engine } from './engine.ts';
import { fileOps } from './files.ts';
import { viewsApi } from './views_entry.ts';

const engine = new Engine();
const files = fileOps(() => engine.m);
/**
 * The page names the worker "khelper-engine", plus " test" only when an end-to-end test set its
 * flag before the page loaded (ui/early.ts; nothing in a URL, a share link or an embed can), plus
 * " first" for the page's first worker (not one the watchdog restarts).
 */
const NAME = self.name.split(' ');
const TEST_MODE = NAME[0] === 'khelper-engine' && NAME.includes('test');

// The page's first boot request waits on its saved state (IndexedDB) and, while the worker starts,
// on the page's own thread; meanwhile boot what a fresh playground asks for. A request for anything
// else boots as usual (Engine.prepare).
if (NAME.includes('first')) setTimeout(() => engine.prepare(DEFAULT_KERNEL), 0);

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
  async subscribe(listener) { engine.batcher.subscribe(listener); },
  async boot(req) { return engine.boot(req); },
  async reset() { return engine.reset(); },
  async setKernel(s) { return engine.setKernel(s); },
  async input(bytes) { engine.input(bytes); },
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
  async userChanges() { return engine.userChanges(); },
  async examples() { return engine.examples(); },
  async loadExample(id) { return engine.loadExample(id); },
  async exportScenario(name) { return engine.exportScenario(name); },
  async importScenario(json) { return engine.importScenario(json); },
  async shareScenario(view) {
    const { scenario, skipped } = engine.share(view);
    return { json: JSON.stringify(scenario), skipped };
  },
  async results() { return engine.results(); },
  async ping(n) { return n; },
  async __test(cmd) { return testCommand(cmd); },
};

Comlink.expose(api);
