// The playground page: one worker with the engine, the console, the editor and file tree, the
// toolbar, and the saved state. Batches from the worker (one per frame) drive the page.
import type { Early } from './early.ts';
import { showAlert } from './early.ts';
import type { Batch, BootInfo, ExampleInfo, FileChanges, KernelSettings } from '../worker/api.ts';
import { Autosave } from './autosave.ts';
import { Controls } from './controls.ts';
import { EditorHost } from './editor_host.ts';
import { focusAfter, initSplitters, initTabs, watchDark, wantsPlainEditor } from './layout.ts';
import { renderMarkdown } from './markdown.ts';
import { DEFAULT_SETTINGS } from './persist.ts';
import type { Settings } from './persist.ts';
import { Console } from './terminal.ts';
import { installTestHook } from './testhook.ts';
import { watchRestarts } from './restarts.ts';
import { EngineRestarted } from './watchdog.ts';
import { applyMode, startSharing } from './share/start.ts';
import { FileTree } from './tree.ts';

const BANNER = '\x1b[2mkhelper: a simulated Linux whose module auto-loader you can watch. Try: mount -t vfat none /mnt; lsmod; dmesg\n'
  + 'Make your own modprobe: open /root/fake-modprobe.sh or /sbin/modprobe on the left (Ctrl-S saves into the machine).\x1b[0m\n';
/** A shell prompt ending the screen: root's "# " (readScreen trims the blank). */
const PROMPT = /(^|\n)[^\n]*#$/;

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const noChanges = (): FileChanges => ({ files: {}, links: {}, dirs: {}, deleted: [] });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export async function startApp(early: Early): Promise<void> {
  const { api } = early;
  const t0 = 0; // performance.now() counts from navigation start

  let settings: Settings = clone(DEFAULT_SETTINGS);
  let epoch = 0;
  let keepScreen = false;
  /** Said where the next machine's output starts, instead of the banner (a watchdog restart). */
  let notice: string | null = null;
  let openPath: string | null = null;
  let example: string | null = null;
  let examples: ExampleInfo[] = [];
  const timings = { firstOutput: 0, firstPrompt: 0, engineEarly: early.engineEarly };
  const status = (msg: string): void => {
    $('status').textContent = msg;
  };

  const dark = watchDark((d) => {
    con.setDark(d);
    editor.setDark(d);
  });
  const con = new Console({
    container: $('console'),
    send: (bytes) => void api.input(bytes),
    resize: (cols, rows) => void api.resize(cols, rows),
    leave: () => focusAfter($('console-pane')),
    screenReader: false,
    dark,
  });
  performance.mark('khelper:console');
  $('console-focus').addEventListener('click', () => con.focus());

  const autosave = new Autosave(api, () => ({ settings, openPath, example, draft: editor.draft() }), (msg) => {
    $('save-state').textContent = msg;
  });
  // Only the tab that owns the saved playground saves; links and embeds never do; a read-only
  // embed's console takes no keys (share/start.ts).
  applyMode(early.mode, autosave, con);
  const batchHooks: ((b: Batch) => void)[] = [];
  const editor = new EditorHost({
    api, status, dark,
    saved: () => autosave.soon(),
    opened: (p) => {
      openPath = p;
      autosave.soon();
    },
    leave: () => focusAfter($('editor-pane')),
  });
  const tree = new FileTree({ api, status, open: (p) => void editor.open(p), changed: () => {
    settings.expanded = [...tree.expanded];
    autosave.soon();
  } }, settings.expanded);
  const selectTab = initTabs($('view-tabs'));

  const adopt = (e: number): void => {
    if (e <= epoch) return;
    epoch = e;
    if (!keepScreen) {
      con.clear();
      autosave.resetTranscript();
    }
    keepScreen = false;
    con.writeText(notice ?? BANNER);
    notice = null;
  };

  const onBatch = (b: Batch): void => {
    if (!timings.firstOutput && b.tty) performance.mark('khelper:first-batch');
    if (b.epoch < epoch) return;
    adopt(b.epoch);
    if (b.tty) {
      con.write(b.tty, () => {
        if (!timings.firstPrompt && PROMPT.test(con.readScreen())) timings.firstPrompt = performance.now() - t0;
      });
      autosave.console(b.tty);
      if (!timings.firstOutput) timings.firstOutput = performance.now() - t0;
      autosave.soon();
    }
    controls.update(b);
    if (b.example) $('runstate').textContent += ` · example ${b.example.done}/${b.example.steps}${b.example.finished ? ' done' : ''}`;
    if (b.changed.length) {
      tree.machineChanged(b.changed);
      void editor.machineChanged(b.changed);
      autosave.soon();
    }
    if (JSON.stringify(b.kernel) !== JSON.stringify(settings.kernel)) {
      settings.kernel = { ...b.kernel };
      autosave.soon();
    }
    for (const f of batchHooks) f(b);
  };

  const booted = async (info: BootInfo | { error: string }): Promise<boolean> => {
    if ('error' in info) {
      showAlert(info.error);
      return false;
    }
    adopt(info.epoch);
    settings.kernel = { ...info.kernel };
    controls.showKernel(info.kernel);
    if (info.fileErrors.length) status(`Some saved files could not be restored: ${info.fileErrors.map(([p, e]) => `${p} (${e})`).join(', ')}`);
    await tree.reloadAll();
    if (openPath) await editor.reload();
    autosave.soon();
    return true;
  };

  const describe = (title: string, md: string): void => {
    const view = $('view-example');
    renderMarkdown(md || 'This example has no description.', view);
    const h = document.createElement('h2');
    h.textContent = title;
    view.prepend(h);
    selectTab('tab-example');
  };

  const confirmReplace = async (what: string): Promise<boolean> => {
    const c = await api.userChanges();
    const n = Object.keys(c.files).length + Object.keys(c.links).length + Object.keys(c.dirs).length + c.deleted.length;
    return n === 0 || window.confirm(`${what} replaces your ${n} changed file${n === 1 ? '' : 's'} and settings. Continue? (Export first to keep them.)`);
  };

  const loadExample = async (id: string, ask = true): Promise<void> => {
    const info = examples.find((e) => e.id === id);
    if (ask && !(await confirmReplace(`Loading the example "${info?.name ?? id}"`))) return;
    if (await booted(await api.loadExample(id))) {
      example = id;
      describe(info?.name ?? id, info?.description ?? '');
      status(`Example "${info?.name ?? id}" loaded`);
    }
  };

  const controls = new Controls({
    run: () => {
      settings.state = 'running';
      void api.run();
      autosave.soon();
    },
    pause: () => {
      settings.state = 'paused';
      void api.pause();
      autosave.soon();
    },
    step: () => {
      settings.state = 'paused';
      void api.step();
    },
    reset: async () => void (await booted(await api.reset())),
    speed: (s) => {
      settings.speed = s;
      void api.setSpeed(s);
      autosave.soon();
    },
    loadExample: (id) => void loadExample(id),
    resetToExample: async () => {
      const name = example ? `the example "${examples.find((e) => e.id === example)?.name ?? example}"` : 'the default system';
      if (!window.confirm(`Reset to ${name}? Your changed files and settings are lost (Export first to keep them).`)) return;
      if (example) return loadExample(example, false);
      if (!(await booted(await api.boot({ kernel: clone(DEFAULT_SETTINGS.kernel), changes: noChanges(), cols: con.cols, rows: con.rows, speed: settings.speed, state: settings.state })))) return;
      example = null;
      status('Back to the default system');
    },
    exportState: async () => {
      const text = await api.exportScenario('khelper playground');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      a.download = `khelper-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      status(`Exported as ${a.download}`);
    },
    importState: async (text) => {
      if (!(await confirmReplace('Importing this scenario'))) return;
      if (await booted(await api.importScenario(text))) {
        example = null;
        let doc: { name?: unknown; description?: unknown } = {};
        try {
          doc = JSON.parse(text) as typeof doc;
        } catch (_e) { /* the worker already accepted it */ }
        describe(typeof doc.name === 'string' ? doc.name : 'Imported scenario', typeof doc.description === 'string' ? doc.description : '');
        status('Scenario imported');
      }
    },
    kernel: async (k: KernelSettings) => {
      const info = await api.setKernel(k);
      if (info) await booted(info);
      autosave.soon();
    },
    screenReader: (on) => {
      settings.screenReader = on;
      con.setScreenReader(on);
      autosave.soon();
    },
  }, settings.kernel, settings.speed, settings.screenReader);

  const restarts = watchRestarts({
    watchdog: early.watchdog, autosave, status, alert: showAlert,
    notice: (text) => {
      keepScreen = true;
      notice = text;
    },
    write: (text) => con.writeText(text),
    booted: (info) => void booted(info),
  });
  installTestHook({ con, api, editor, autosave, timings, settings: () => settings, restarts: () => restarts });

  // Restore what was saved (or start fresh with a message); the boot is already under way.
  const { loaded, settings: restored, booted: firstBoot } = await early.ready;
  settings = restored;
  if (loaded.kind === 'problem') showAlert(loaded.message);
  if (loaded.kind === 'ok') {
    const s = loaded.state;
    openPath = s.openPath;
    example = s.example;
    if (s.transcript) {
      keepScreen = true;
      con.write(s.transcript);
      con.writeText('\r\n\x1b[2m── restored from your last visit; the machine has rebooted ──\x1b[0m\n');
      autosave.resetTranscript(s.transcript);
    }
    con.setScreenReader(settings.screenReader);
    controls.setSpeed(settings.speed);
    controls.showKernel(settings.kernel);
    tree.expanded.clear();
    for (const p of ['/', ...settings.expanded]) tree.expanded.add(p);
  }
  initSplitters(settings.layout, () => autosave.soon());
  autosave.restored = true;
  controls.showState(settings.state, false);
  // The first boot froze (a saved login script that loops): the watchdog boots again without the files.
  const first = await firstBoot.catch((e: unknown) => {
    if (e instanceof EngineRestarted) return early.watchdog.nextBoot();
    throw e;
  });
  // A link's open file, an ?example= page's example (known once the boot has read the URL).
  if (early.mode.openPath) openPath = early.mode.openPath;
  if (early.mode.source.kind === 'example' && !early.mode.problem) example = early.mode.source.id;
  adopt(first.epoch);
  early.attach(onBatch);
  void api.resize(con.cols, con.rows);
  await booted(first);
  // An embed must not take the focus from the page around it.
  if (!early.mode.embed) con.focus();

  // After the console works: the examples, the open file, then Monaco.
  examples = await api.examples();
  controls.setExamples(examples);
  const ex = examples.find((e) => e.id === example);
  if (ex) describe(ex.name, ex.description);
  // The machinery views (timeline, tasks, source, dmesg...) load in a chunk of their own.
  import('./views/index.ts')
    .then((v) => v.mountViews({ api, selectTab, status, example: () => example }))
    .catch((e: unknown) => status(`The machine views could not load (${(e as Error).message}).`));
  startSharing({
    api, mode: early.mode, con, autosave, status, describe, selectTab, booted, examples: () => examples,
    setExample: (id) => void (example = id), onBatch: (f) => void batchHooks.push(f), openPath: () => openPath,
    speed: () => settings.speed, setSpeed: (s) => controls.setSpeed(s),
  });
  // A first visit opens the example wrapper: something to read and edit right away.
  await editor.open(openPath ?? '/root/fake-modprobe.sh');
  const draft = loaded.kind === 'ok' ? loaded.state.draft : null;
  if (draft) editor.restoreDraft(draft);
  if (!wantsPlainEditor() && !early.mode.embed) {
    const idle = (f: () => void): void => void ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 500 }) : setTimeout(f, 50));
    idle(() => {
      import('./editor_monaco.ts')
        .then((m) => editor.upgrade((host, ev, d) => new m.MonacoEditor(host, ev, d)))
        .catch((e: unknown) => status(`The code editor could not load (${(e as Error).message}); the plain editor stays.`));
    });
  }
}
