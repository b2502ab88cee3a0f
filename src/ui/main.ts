// Entry point: the worker, the saved state and the boot start at once; the rest of the page (the
// console, the editor, the toolbar) loads meanwhile in its own chunk. Whatever goes wrong at
// start shows as a message, never as a blank page.
import '@xterm/xterm/css/xterm.css';
import './style.css';
import { showAlert, startEarly } from './early.ts';

const fail = (e: unknown): void => {
  showAlert(`The playground could not start: ${(e as Error)?.message ?? e}. Reloading may help; your saved work is kept.`);
  console.warn(e);
};

// index.html loads this module `async`: it runs as soon as it arrives, so the worker starts before
// the page's first layout instead of after it (a deferred module waits for parsing and for the
// stylesheet). The console and the rest wait for the markup and the stylesheet ('load').
const pageLoaded = new Promise<void>((resolve) => {
  if (document.readyState === 'complete') resolve();
  else window.addEventListener('load', () => resolve(), { once: true });
});
const app = import('./app.ts');
try {
  const early = startEarly();
  Promise.all([app, pageLoaded]).then(([m]) => m.startApp(early)).catch(fail);
} catch (e) {
  fail(e);
}
