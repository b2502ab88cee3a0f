// The floor under bench/browser.ts's "time to the first prompt": a page with nothing but the
// console's xterm.js (same package, and src/ui/terminal.ts's options) writing a first screen like
// the playground's, with `?worker=URL` also starting the engine's worker as the playground's
// <head> does (it boots the default machine beside the page and competes for the same cores).
// `window.__floor` is when xterm has parsed the prompt, the moment the playground's figure takes.
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { TERMINAL_OPTIONS } from '../../src/ui/terminal.ts';

const worker = new URLSearchParams(location.search).get('worker');
if (worker) new Worker(new URL(worker, location.href), { type: 'module', name: 'khelper-engine first' });
const term = new Terminal({ ...TERMINAL_OPTIONS });
term.open(document.getElementById('console')!);
const banner = '\x1b[2mkhelper: a simulated Linux whose module auto-loader you can watch.\x1b[0m\r\n';
term.write(`${banner}root@khelper:~# `, () => {
  (window as { __floor?: number }).__floor = performance.now();
});
