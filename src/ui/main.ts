// Entry point: styles, then the app. Whatever goes wrong at start shows as a message, never as
// a blank page.
import '@xterm/xterm/css/xterm.css';
import './style.css';
import { showAlert, startApp } from './app.ts';

const t0 = 0; // performance.now() is measured from navigation start
startApp(t0).catch((e: unknown) => {
  showAlert(`The playground could not start: ${(e as Error)?.message ?? e}. Reloading may help; your saved work is kept.`);
  console.warn(e);
});
