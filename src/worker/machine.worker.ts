// The one worker that holds the whole engine: one Machine, driven in slices (runloop.ts), its
// output sent to the page once per frame (batcher.ts). The page talks to it through comlink.
import * as Comlink from 'comlink';
import type { MachineApi } from './api.ts';
import { Engine } from './engine.ts';
import { fileOps } from './files.ts';
import { viewsApi } from './views_entry.ts';

const engine = new Engine();
const files = fileOps(() => engine.m);

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
};

Comlink.expose(api);
