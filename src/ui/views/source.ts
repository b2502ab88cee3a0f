// The Kernel source view: the seed (Linux 2.6.20 kernel/kmod.c, with its own line numbers)
// read-only, the line the selected task executes lit (from the trace's kmod.c:NNN marks), how
// many live tasks stand at each line, Step line, Continue, line breakpoints (click a line number)
// and event breakpoints; below, the function map of 6.6's umh.c and module/kmod.c.
import seedUrl from './kmod-2.6.20.txt?url';
import type { DebugState, StopPoint } from '../../worker/api.ts';
import { h } from './dom.ts';
import type { Lane, Model } from './model.ts';
import { fileUrl, identUrl, seedLineUrl, UMH_66 } from './umh66.ts';

export interface SourceHost {
  model(): Model;
  selected(): Lane | null;
  profile(): string;
  stepLine(): void;
  continueRun(): void;
  setLineBreakpoints(lines: number[]): void;
  setEventBreakpoints(names: string[]): void;
}

/** Event breakpoints offered: the tracepoint and the kernel function it stands for. */
export const EVENT_BREAKS: [string, string][] = [
  ['sched_process_exec', 'kernel_execve'],
  ['sched_process_wait', 'wait4'],
  ['printk', 'printk'],
  ['module_request', 'request_module'],
  ['sched_process_fork', 'kernel_thread / fork'],
  ['workqueue_queue_work', 'queue_work'],
];

/** The seed's text: "N text" per line; ¤ is the mangled start of "&current" (HTML's &curren;). */
export function parseSeed(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const m = /^(\d+) ?(.*)$/.exec(raw);
    if (m) lines[Number(m[1])] = m[2].replace(/¤/g, '&curren');
  }
  for (let i = 1; i < lines.length; i++) lines[i] ??= '';
  return lines;
}

export class SourceView {
  readonly el: HTMLElement;
  private readonly listing: HTMLElement;
  private readonly stopEl: HTMLElement;
  private readonly stepBtn: HTMLButtonElement;
  private readonly map: HTMLDetailsElement;
  private readonly link: HTMLAnchorElement;
  private lines: HTMLElement[] = [];
  private counts: HTMLElement[] = [];
  private breaks = new Set<number>();
  private events = new Set<string>();
  private lit = 0;
  private stopLine = 0;
  private version = -1;
  private sel: Lane | null = null;
  private focusLine = 1;
  private profileShown = '';

  constructor(private readonly host: SourceHost) {
    this.stepBtn = h('button', { type: 'button', id: 'src-step', title: 'Run until any task reaches the next line of kmod.c', onclick: () => host.stepLine() }, 'Step line');
    const cont = h('button', { type: 'button', id: 'src-continue', title: 'Run on (until a breakpoint)', onclick: () => host.continueRun() }, 'Continue');
    const boxes = EVENT_BREAKS.map(([ev, label]) => h('label', { class: 'check', title: `Stop after the scheduler event in which ${ev} fires` },
      h('input', { type: 'checkbox', 'data-event': ev, onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        if (on) this.events.add(ev);
        else this.events.delete(ev);
        host.setEventBreakpoints([...this.events]);
      } }), label));
    this.stopEl = h('p', { class: 'src-stop', id: 'src-stop', role: 'status' }, 'Not stopped.');
    this.link = h('a', { href: seedLineUrl(1), target: '_blank', rel: 'noopener' }, 'kmod.c on Elixir (v2.6.20)');
    const bar = h('div', { class: 'pane-bar', role: 'toolbar', 'aria-label': 'Kernel source' }, this.stepBtn, cont,
      h('span', { class: 'src-breaks', role: 'group', 'aria-label': 'Stop at events' }, h('span', { class: 'muted' }, 'Stop at:'), ...boxes), this.link);
    this.listing = h('div', {
      class: 'src-listing', role: 'list', 'aria-label': 'kernel/kmod.c of Linux 2.6.20 (the seed); Enter on a line number toggles a breakpoint',
      onkeydown: (e: Event) => this.key(e as KeyboardEvent),
    }, h('p', { class: 'muted' }, 'Loading kmod.c…'));
    this.map = h('details', { class: 'src-map' }, h('summary', {}, 'The same machinery in Linux 6.6: kernel/umh.c and kernel/module/kmod.c'), this.mapTable());
    this.el = h('div', { class: 'src' }, bar, this.stopEl, h('div', { class: 'src-body' }, this.listing, this.map));
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const text = await (await fetch(seedUrl)).text();
      this.build(parseSeed(text));
    } catch (e) {
      this.listing.replaceChildren(h('p', {}, `kmod.c could not be loaded: ${(e as Error).message}`));
    }
  }

  private build(src: string[]): void {
    const rows: HTMLElement[] = [];
    this.lines = [];
    this.counts = [];
    for (let n = 1; n < src.length; n++) {
      const num = h('button', { type: 'button', class: 'src-num', tabindex: n === 1 ? 0 : -1, 'aria-pressed': 'false', 'aria-label': `Breakpoint at line ${n}`, 'data-line': n,
        onclick: () => this.toggle(n) }, String(n));
      const count = h('span', { class: 'src-here' });
      const row = h('div', { class: 'src-line', role: 'listitem', id: `src-line-${n}` }, num, count, h('code', {}, src[n] || ' '));
      this.lines[n] = row;
      this.counts[n] = count;
      rows.push(row);
    }
    this.listing.replaceChildren(...rows);
    this.version = -1;
  }

  private mapTable(): HTMLElement {
    return h('table', { class: 'src-map-t' },
      h('thead', {}, h('tr', {}, h('th', {}, 'function (v6.6)'), h('th', {}, 'file'), h('th', {}, 'in the seed (2.6.20)'), h('th', {}, 'what it does'))),
      h('tbody', {}, ...UMH_66.map((e) => h('tr', {},
        h('td', {}, h('a', { href: identUrl(e.fn), target: '_blank', rel: 'noopener' }, h('code', {}, e.fn))),
        h('td', {}, h('a', { href: fileUrl(e.file), target: '_blank', rel: 'noopener' }, e.file)),
        h('td', {}, e.was), h('td', {}, e.does)))));
  }

  private key(e: KeyboardEvent): void {
    const t = e.target as HTMLElement;
    if (!t.classList.contains('src-num')) return;
    const n = Number(t.dataset.line);
    const to = e.key === 'ArrowDown' ? n + 1 : e.key === 'ArrowUp' ? n - 1 : e.key === 'PageDown' ? n + 20 : e.key === 'PageUp' ? n - 20
      : e.key === 'Home' ? 1 : e.key === 'End' ? this.lines.length - 1 : 0;
    if (!to) return;
    e.preventDefault();
    this.focus(Math.max(1, Math.min(this.lines.length - 1, to)));
  }

  private focus(n: number): void {
    const old = this.lines[this.focusLine]?.firstElementChild as HTMLElement | undefined;
    if (old) old.tabIndex = -1;
    this.focusLine = n;
    const b = this.lines[n]?.firstElementChild as HTMLElement | undefined;
    if (b) {
      b.tabIndex = 0;
      b.focus();
    }
  }

  private toggle(n: number): void {
    if (this.breaks.has(n)) this.breaks.delete(n);
    else this.breaks.add(n);
    this.lines[n]?.firstElementChild?.setAttribute('aria-pressed', String(this.breaks.has(n)));
    this.lines[n]?.classList.toggle('bp', this.breaks.has(n));
    this.host.setLineBreakpoints([...this.breaks]);
  }

  /** The machine stopped (or a step landed): say where, light it, bring it into view. */
  showStop(s: StopPoint): void {
    const where = s.line ? ` at kmod.c:${s.line}${s.fn ? ` in ${s.fn}()` : ''}` : '';
    const what = s.event === 'kmod_line' ? 'Stepped' : `Stopped at ${s.event}${s.fields.filename ? ` (${s.fields.filename})` : ''}`;
    this.stopEl.textContent = `${what}: pid ${s.pid} (${s.comm})${where}, t = ${(s.t / 1e9).toFixed(6)} s`;
    this.stopEl.dataset.n = String(Number(this.stopEl.dataset.n ?? 0) + 1);
    this.stopEl.dataset.fn = s.fn;
    this.stopEl.dataset.line = String(s.line);
    this.stopLine = s.line;
    this.version = -1;
    if (s.line) this.lines[s.line]?.scrollIntoView({ block: 'nearest' });
  }

  debug(d: DebugState): void {
    this.stepBtn.setAttribute('aria-pressed', String(d.stepping));
  }

  render(): void {
    const m = this.host.model();
    const profile = this.host.profile();
    if (profile !== this.profileShown) {
      this.profileShown = profile;
      const legacy = profile !== '6.6';
      this.stepBtn.disabled = !legacy;
      this.stepBtn.title = legacy ? 'Run until any task reaches the next line of kmod.c' : 'The 6.6 profile runs kernel/umh.c: it has no seed lines to step (event breakpoints work)';
      this.map.open = !legacy;
    }
    const sel = this.host.selected();
    if (m.version === this.version && sel === this.sel) return;
    this.version = m.version;
    const moved = sel !== this.sel;
    this.sel = sel;
    const lit = sel?.line ?? 0;
    if (lit !== this.lit) {
      this.lines[this.lit]?.classList.remove('lit');
      this.lit = lit;
      const row = this.lines[lit];
      row?.classList.add('lit');
      if (row && moved) row.scrollIntoView({ block: 'nearest' });
    }
    for (const row of this.lines) row?.classList.toggle('stop', row === this.lines[this.stopLine]);
    // Live tasks standing at each line.
    const here = new Map<number, number>();
    for (const l of m.byPid.values()) if (l.line && l.end === Infinity && l.state !== 6) here.set(l.line, (here.get(l.line) ?? 0) + 1);
    for (let n = 1; n < this.counts.length; n++) {
      const c = here.get(n);
      const text = c ? `×${c}` : '';
      if (this.counts[n].textContent !== text) this.counts[n].textContent = text;
    }
    this.link.href = seedLineUrl(lit || this.stopLine || 1);
  }
}
