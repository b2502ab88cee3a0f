// khelper's service worker: the playground and its docs work offline after the first visit.
// The build writes the list of its files and a version into BUILD (scripts/sw-precache.js), so
// each deploy is a new worker with its own cache, "khelper-<version>":
// - install: cache every file of this build; then wait (no skipWaiting): pages of the previous
//   build keep it until the page asks to update ("Reload to update") or all its tabs are gone;
// - activate: keep this build's cache and the one before it (a tab still on the old build can
//   lazy-load its chunks), drop older ones, take control of open pages;
// - fetch: a page (index.html, docs.html, the folder itself) comes from this build's cache with
//   whatever query it has; files of any kept build from the cache; everything else goes to the
//   network untouched. So a page never mixes two builds' chunks.
const BUILD = /*__KHELPER_BUILD__*/ { version: 'dev', files: [] } /*__END__*/;
const PREFIX = 'khelper-';
const CACHE = PREFIX + BUILD.version;
const SCOPE = new URL(self.registration.scope);
const PAGES = new Set(['', 'index.html', 'docs.html']);
const FILES = new Set(BUILD.files);
const at = (rel) => new URL(rel, SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': straight from the server, never an older copy from the HTTP cache.
    await cache.addAll(BUILD.files.map((f) => new Request(at(f), { cache: 'reload' })));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate-update') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // caches.keys() lists caches in creation order: the last other one is the previous build.
    const ours = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    await Promise.all(ours.slice(0, -1).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const rel = url.pathname.slice(SCOPE.pathname.length);
  if (req.mode === 'navigate') {
    if (!PAGES.has(rel)) return;
    const page = rel === '' ? 'index.html' : rel;
    event.respondWith((async () => {
      const hit = await (await caches.open(CACHE)).match(at(page));
      return hit || fetch(req);
    })());
    return;
  }
  if (!FILES.has(rel) && !rel.startsWith('assets/')) return;
  event.respondWith((async () => {
    const hit = await caches.match(at(rel));
    return hit || fetch(req);
  })());
});
