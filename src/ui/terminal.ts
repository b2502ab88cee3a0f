// The console: xterm.js attached to the machine's tty. Every key goes to the kernel's line
// discipline as UTF-8 bytes (echo, ^C and line editing happen there, not here); output arrives
// as bytes in batches. Copy on selection, Ctrl-Shift-C/V, Ctrl-C copies a selection, Escape
// leaves the terminal.
import { Terminal } from '@xterm/xterm';
import type { ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { bytesToU8, utf8ToBytes } from '../lib/bytes.ts';

// xterm's default ANSI palette is made for dark backgrounds: its yellows and whites vanish on a
// light one (the watchdog's and the threads-max notes are bold yellow). The light theme takes VS
// Code's Light+ terminal colours, readable on #fbfbfb.
const LIGHT: ITheme = {
  background: '#fbfbfb', foreground: '#1d2229', cursor: '#1d2229', selectionBackground: '#b6d3f5', black: '#1d2229', brightBlack: '#6b7380',
  red: '#cd3131', green: '#107c10', yellow: '#8a6d00', blue: '#0451a5', magenta: '#bc05bc', cyan: '#0598bc', white: '#555555',
  brightRed: '#cd3131', brightGreen: '#0e700e', brightYellow: '#7a5c00', brightBlue: '#0451a5', brightMagenta: '#bc05bc', brightCyan: '#0598bc', brightWhite: '#3b3b3b',
};
/** The console's xterm options apart from the theme and screen-reader mode (bench/floor/ uses them too). */
export const TERMINAL_OPTIONS = {
  fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  fontSize: 14, lineHeight: 1.1, cursorBlink: true, scrollback: 5000, allowProposedApi: false,
} as const;
const DARK: ITheme = { background: '#111316', foreground: '#e3e6ea', cursor: '#e3e6ea', selectionBackground: '#35507a' };

export interface ConsoleOptions {
  container: HTMLElement;
  /** Keyboard bytes for the machine. */
  send(bytes: string): void;
  resize(cols: number, rows: number): void;
  /** Escape: where focus goes. */
  leave(): void;
  screenReader: boolean;
  dark: boolean;
}

export class Console {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private fitQueued = false;

  constructor(private readonly o: ConsoleOptions) {
    this.term = new Terminal({ ...TERMINAL_OPTIONS, screenReaderMode: o.screenReader, theme: o.dark ? DARK : LIGHT });
    const t = this.term;
    t.loadAddon(this.fit);
    t.loadAddon(new WebLinksAddon());
    t.open(o.container);
    t.onData((d) => o.send(utf8ToBytes(d)));
    // Mouse reports in binary mode are already bytes.
    t.onBinary((d) => o.send(d));
    t.onResize(({ cols, rows }) => o.resize(cols, rows));
    t.onSelectionChange(() => {
      const sel = t.getSelection();
      if (sel) void copy(sel);
    });
    t.attachCustomKeyEventHandler((ev) => this.key(ev));
    new ResizeObserver(() => this.queueFit()).observe(o.container);
    this.fitNow();
  }

  /** false: xterm must not handle the key. */
  private key(ev: KeyboardEvent): boolean {
    if (ev.type !== 'keydown') return true;
    const t = this.term;
    if (ev.key === 'Escape' && !ev.ctrlKey && !ev.altKey && !ev.metaKey && !ev.shiftKey) {
      ev.preventDefault();
      this.o.leave();
      return false;
    }
    const k = ev.key.toLowerCase();
    if (ev.ctrlKey && ev.shiftKey && k === 'c') {
      ev.preventDefault();
      if (t.hasSelection()) void copy(t.getSelection());
      return false;
    }
    if (ev.ctrlKey && ev.shiftKey && k === 'v') {
      ev.preventDefault();
      void navigator.clipboard?.readText().then((text) => t.paste(text), () => undefined);
      return false;
    }
    // Ctrl-C with a selection copies it; without one it is ^C for the line discipline.
    if (ev.ctrlKey && !ev.shiftKey && !ev.altKey && k === 'c' && t.hasSelection()) {
      void copy(t.getSelection());
      t.clearSelection();
      return false;
    }
    return true;
  }

  /** Bytes for the screen; `done` runs once xterm has parsed them (the buffer shows them). */
  write(bytes: string, done?: () => void): void {
    if (bytes) this.term.write(bytesToU8(bytes), done);
  }

  /** Text (UTF-8 aware) written straight to the screen: banners and notes of the page itself. */
  writeText(text: string): void {
    this.write(utf8ToBytes(text.replace(/\r?\n/g, '\r\n')));
  }

  clear(): void {
    this.term.reset();
  }

  focus(): void {
    this.term.focus();
  }

  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  setDark(dark: boolean): void {
    this.term.options.theme = dark ? DARK : LIGHT;
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  private queueFit(): void {
    if (this.fitQueued) return;
    this.fitQueued = true;
    requestAnimationFrame(() => {
      this.fitQueued = false;
      this.fitNow();
    });
  }

  private fitNow(): void {
    try {
      this.fit.fit();
    } catch (_e) {
      // Not laid out yet (display: none): the next resize fits.
    }
  }

  /** The whole buffer (scrollback included) as text; rows wrapped by the terminal are joined. */
  readScreen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      const text = line?.translateToString(false) ?? '';
      if (line?.isWrapped && lines.length) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    for (let i = 0; i < lines.length; i++) lines[i] = lines[i].trimEnd();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard?.writeText(text);
  } catch (_e) {
    // No clipboard permission (or the page is not focused): the selection stays for the menu.
  }
}
