// The <head> script of the built page (scripts/engine-start.js): it starts the engine's worker and,
// on the user's own playground only, opens the saved state's database that src/ui/persist.ts adopts.
import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { PERSIST_DB as scriptDb, PERSIST_STORE as scriptStore, startScript } from '../../scripts/engine-start.js';
import { PERSIST_DB, PERSIST_STORE } from '../../src/ui/persist.ts';

interface Ran { opened: string[]; created: string[]; window: Record<string, unknown>; workers: string[] }

/** Run the script in a window whose URL has `search` and `hash`; IndexedDB opens succeed at once. */
function run(search: string, hash: string): Ran {
  const opened: string[] = [];
  const created: string[] = [];
  const workers: string[] = [];
  const window: Record<string, unknown> = {};
  const indexedDB = {
    open(name: string) {
      opened.push(name);
      const r: Record<string, unknown> = {};
      queueMicrotask(() => {
        r.result = { createObjectStore: (s: string) => created.push(s) };
        (r.onupgradeneeded as () => void)();
        (r.onsuccess as () => void)();
      });
      return r;
    },
  };
  class Worker {
    constructor(url: URL) { workers.push(url.pathname); }
    addEventListener(): void { /* no errors here */ }
  }
  runInNewContext(startScript('machine.worker-X.js'), {
    window, indexedDB, Worker, URL, Promise, location: { search, hash },
    document: { currentScript: { src: 'http://host/assets/engine-start-X.js' } },
  });
  return { opened, created, window, workers };
}

describe('engine-start.js', () => {
  it('names the database and store persist.ts reads', () => {
    expect([scriptDb, scriptStore]).toEqual([PERSIST_DB, PERSIST_STORE]);
  });

  it('starts the worker and opens the saved playground database, creating its store', async () => {
    const r = run('', '');
    expect(r.workers).toEqual(['/assets/machine.worker-X.js']);
    expect(r.opened).toEqual([PERSIST_DB]);
    await expect(r.window.__khelperDb).resolves.toBeDefined();
    expect(r.created).toEqual([PERSIST_STORE]);
  });

  it('leaves the database alone on a share link, an example, a scenario URL or an embed', () => {
    for (const [search, hash] of [['', '#s=abc'], ['?example=runaway-6.6', ''], ['?scenario=https://x/y.json', ''], ['?embed', '']]) {
      const r = run(search, hash);
      expect(r.opened, `${search}${hash}`).toEqual([]);
      expect(r.window.__khelperDb).toBeUndefined();
      expect(r.workers).toHaveLength(1);
    }
  });
});
