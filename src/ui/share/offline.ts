// Offline use: the service worker (public/sw.js, its file list written at build time) keeps one
// whole build in the cache. A new build installs in the background and waits; the page then
// offers "Reload to update", which activates it and reloads, so a page never mixes the chunks of
// two builds. Built pages only (the dev server has no precache list).

export interface UpdateUi {
  /** Show the offer; `apply` activates the new build and reloads. */
  offer(apply: () => void): void;
}

export async function registerOffline(ui: UpdateUi): Promise<ServiceWorkerRegistration | null> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  const sw = navigator.serviceWorker;
  // The worker script is never served from the HTTP cache, so a new deploy is seen at once.
  const reg = await sw.register(new URL('./sw.js', document.baseURI), { scope: './', updateViaCache: 'none' }) as ServiceWorkerRegistration | undefined;
  // A browser that blocks service workers by policy (Playwright's serviceWorkers: 'block', some
  // enterprise settings) can resolve with nothing rather than reject: the page then simply runs
  // without offline use, which is not worth a message.
  if (!reg) return null;
  const hadController = !!sw.controller;
  let wanted = false;
  sw.addEventListener('controllerchange', () => {
    // The first install takes control quietly; an update asked for here reloads into the new build.
    // One applied in another tab leaves this page on its own build (the previous cache is kept).
    if (!hadController) return;
    if (wanted) location.reload();
    else ui.offer(() => location.reload());
  });
  const offer = (w: ServiceWorker): void => {
    ui.offer(() => {
      wanted = true;
      if (w.state === 'activated') location.reload();
      else w.postMessage({ type: 'activate-update' });
    });
  };
  const watch = (w: ServiceWorker | null): void => {
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed' && sw.controller) offer(w);
    });
  };
  if (reg.waiting && sw.controller) offer(reg.waiting);
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
  return reg;
}
