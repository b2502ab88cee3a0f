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

const app = import('./app.ts');
Promise.all([app, startEarly()]).then(([m, early]) => m.startApp(early)).catch(fail);
