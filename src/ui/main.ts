import '@xterm/xterm/css/xterm.css';
import './style.css';
import * as Comlink from 'comlink';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { Batch, MachineApi } from '../worker/api.ts';

const worker = new Worker(new URL('../worker/machine.worker.ts', import.meta.url), { type: 'module' });
const machine = Comlink.wrap<MachineApi>(worker);

const term = new Terminal({ convertEol: false, fontSize: 14, cursorBlink: true });
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.getElementById('console')!);
fit.fit();
window.addEventListener('resize', () => fit.fit());

const decoder = new TextDecoder();
function writeBytes(s: string): void {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  term.write(decoder.decode(bytes));
}

await machine.subscribe(Comlink.proxy((b: Batch) => writeBytes(b.tty)));
term.onData((d) => void machine.input(d));
await machine.boot();
term.focus();

declare global {
  interface Window {
    __khelper: { term: Terminal; readScreen(): string };
  }
}
window.__khelper = {
  term,
  readScreen() {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  },
};
