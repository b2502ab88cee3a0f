// Vite plugin (build only): start the engine's worker from <head>, before the page is parsed.
// The page's module (src/ui/main.ts) runs only after the first layout, and the worker then still
// needs a thread, a fetch and a compile of ~700 KB before it can boot; a classic script in <head>
// starts all that ~50 ms earlier. It is a file, not an inline script, because the page's
// Content-Security-Policy allows no inline scripts. src/ui/early.ts adopts the worker it made.
// It also opens the saved state's IndexedDB database, which on a first visit takes 100-160 ms (the
// database is created) and would otherwise start only when the page's module runs, after the first
// layout; src/ui/persist.ts adopts the open database.
const WORKER = /(^|\/)machine\.worker-[\w-]+\.js$/;
/** src/ui/persist.ts's database and object store (test/build/engine-start.test.ts keeps them equal). */
export const PERSIST_DB = 'khelper';
export const PERSIST_STORE = 'state';

/** The script, for a worker at `workerFile` (relative to the script, both under assets/). */
export function startScript(workerFile) {
  return `// Made by scripts/engine-start.js: starts the engine's worker; src/ui/early.ts adopts it.
(function () {
  try {
    var test = window.__khelperTestMode === true;
    var s = { worker: null, test: test, failed: false };
    s.worker = new Worker(new URL(${JSON.stringify(workerFile)}, document.currentScript.src), { type: 'module', name: 'khelper-engine' + (test ? ' test' : '') + ' first' });
    s.worker.addEventListener('error', function () { s.failed = true; });
    window.__khelperEngine = s;
  } catch (e) {
    // The page's module starts one itself.
  }
  try {
    // Only the user's own playground reads the saved state (src/ui/share/mode.ts): a link, a
    // scenario URL, an example or an embed must not even create the database. Any query or a
    // share hash leaves the open to the page, which knows the mode exactly.
    if (location.search !== '' || /^#?s=/.test(location.hash)) return;
    // The database and store of src/ui/persist.ts (PERSIST_DB, PERSIST_STORE), opened as idb-keyval does.
    window.__khelperDb = new Promise(function (resolve, reject) {
      var r = indexedDB.open(${JSON.stringify(PERSIST_DB)});
      r.onupgradeneeded = function () { r.result.createObjectStore(${JSON.stringify(PERSIST_STORE)}); };
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
    window.__khelperDb.catch(function () {});
  } catch (e) {
    // No IndexedDB here: src/ui/persist.ts says so when it tries.
  }
})();
`;
}

function names(bundle) {
  const worker = Object.keys(bundle).find((f) => WORKER.test(f));
  if (!worker) return null;
  const base = worker.slice(worker.lastIndexOf('/') + 1);
  const dir = worker.slice(0, worker.lastIndexOf('/') + 1);
  return { worker, base, start: `${dir}${base.replace(/^machine\.worker-/, 'engine-start-')}` };
}

export function engineStart() {
  return {
    name: 'khelper-engine-start',
    apply: 'build',
    generateBundle(_options, bundle) {
      const n = names(bundle);
      if (!n) return;
      this.emitFile({ type: 'asset', fileName: n.start, source: startScript(n.base) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // Only the playground's page runs the engine (not docs.html).
        if (!ctx.filename.endsWith('index.html') || !ctx.bundle) return html;
        const n = names(ctx.bundle);
        if (!n) throw new Error('engine-start: the build has no machine.worker-*.js');
        // Right after the Content-Security-Policy, which covers only what follows it, and before
        // the stylesheet (a classic script waits for the stylesheets above it).
        const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
        if (!csp.test(html)) throw new Error('engine-start: index.html has no Content-Security-Policy <meta>');
        html = html.replace(csp, (m) => `${m}\n    <script src="./${n.start}"></script>`);
        // main.ts imports the console's chunk (app.ts) only when it runs, after the first layout;
        // fetched and compiled from here it is ready by then (a modulepreload also takes its imports).
        const app = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/app.ts'));
        if (!app) throw new Error('engine-start: the build has no chunk for src/ui/app.ts');
        const preloads = [app.fileName, ...app.imports].filter((f) => !html.includes(`./${f}"`))
          .map((f) => `  <link rel="modulepreload" crossorigin href="./${f}">\n  `).join('');
        return html.replace('</head>', `${preloads}</head>`);
      },
    },
  };
}
