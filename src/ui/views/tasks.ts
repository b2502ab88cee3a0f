// The Tasks view: the live process tree with states, like pstree -p, from the worker's task
// table (sent a few times a second while this view is open). Only the rows in sight are in the
// DOM, so 10,000 tasks cost what 30 do.
import type { TaskTable } from '../../worker/api.ts';
import { h } from './dom.ts';

const ROW_H = 18;
const STATE_WORD: Record<string, string> = { R: 'running', S: 'sleeping', D: 'disk sleep', T: 'stopped', Z: 'zombie', X: 'dead' };

interface Row {
  pid: number;
  depth: number;
  prefix: string;
  comm: string;
  state: string;
  wchan: string;
  flags: number;
  size: number;
  pos: number;
}

export class TaskTree {
  readonly el: HTMLElement;
  private readonly box: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly summary: HTMLElement;
  private rows: Row[] = [];
  private selected = -1;
  private dirty = true;

  constructor(private readonly select: (pid: number) => void) {
    this.summary = h('p', { class: 'tt-summary', id: 'tt-summary' }, 'Waiting for the task table…');
    this.spacer = h('div', { class: 'tt-spacer' });
    this.box = h('div', {
      class: 'tt-box', role: 'tree', tabindex: 0, 'aria-label': 'Process tree', 'aria-describedby': 'tt-summary',
      onscroll: () => this.invalidate(),
      onkeydown: (e: Event) => this.key(e as KeyboardEvent),
      onclick: (e: Event) => {
        const item = (e.target as HTMLElement).closest<HTMLElement>('[data-pid]');
        if (item) this.pick(Number(item.dataset.pid));
      },
    }, this.spacer);
    this.el = h('div', { class: 'tt' }, this.summary, this.box);
  }

  invalidate(): void {
    this.dirty = true;
  }

  setSelected(pid: number): void {
    if (pid === this.selected) return;
    this.selected = pid;
    this.dirty = true;
  }

  private pick(pid: number): void {
    this.selected = pid;
    this.select(pid);
    this.dirty = true;
  }

  private key(e: KeyboardEvent): void {
    const i = this.rows.findIndex((r) => r.pid === this.selected);
    const vis = Math.max(1, Math.floor(this.box.clientHeight / ROW_H));
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'PageDown' ? i + vis : e.key === 'PageUp' ? i - vis
      : e.key === 'Home' ? 0 : e.key === 'End' ? this.rows.length - 1 : null;
    if (to === null || !this.rows.length) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(this.rows.length - 1, to));
    this.pick(this.rows[j].pid);
    const top = j * ROW_H;
    if (top < this.box.scrollTop) this.box.scrollTop = top;
    else if (top + ROW_H > this.box.scrollTop + this.box.clientHeight) this.box.scrollTop = top + ROW_H - this.box.clientHeight;
  }

  /** A new task table: the tree in pstree order. */
  update(t: TaskTable): void {
    const index = new Map<number, number>();
    for (let i = 0; i < t.count; i++) index.set(t.pids[i], i);
    const kids = new Map<number, number[]>();
    const roots: number[] = [];
    for (let i = 0; i < t.count; i++) {
      const pp = t.ppids[i];
      if (pp !== t.pids[i] && index.has(pp)) {
        let k = kids.get(pp);
        if (!k) kids.set(pp, (k = []));
        k.push(i);
      } else roots.push(i);
    }
    const byPid = (a: number, b: number): number => t.pids[a] - t.pids[b];
    roots.sort(byPid);
    for (const k of kids.values()) k.sort(byPid);
    const rows: Row[] = [];
    const counts: Record<string, number> = {};
    // Iterative DFS: [task index, depth, prefix for its children, set size, position].
    const stack: [number, number, string, string, number, number][] = roots.map((r, n) => [r, 0, '', '', roots.length, n + 1]).reverse() as [number, number, string, string, number, number][];
    while (stack.length) {
      const [i, depth, prefix, childPrefix, size, pos] = stack.pop()!;
      const letter = String.fromCharCode(t.states[i]);
      counts[letter] = (counts[letter] ?? 0) + 1;
      rows.push({ pid: t.pids[i], depth, prefix, comm: t.comms[i], state: letter, wchan: t.wchans[i], flags: t.flags[i], size, pos });
      const k = kids.get(t.pids[i]) ?? [];
      for (let n = k.length - 1; n >= 0; n--) {
        const lastKid = n === k.length - 1;
        stack.push([k[n], depth + 1, `${childPrefix}${lastKid ? '└─' : '├─'}`, `${childPrefix}${lastKid ? '  ' : '│ '}`, k.length, n + 1]);
      }
    }
    this.rows = rows;
    this.summary.textContent = `${t.count} tasks: ${Object.entries(counts).sort().map(([s, n]) => `${n} ${STATE_WORD[s] ?? s}`).join(', ')}`;
    this.spacer.style.height = `${rows.length * ROW_H}px`;
    this.dirty = true;
  }

  render(): void {
    if (!this.dirty || !this.box.clientHeight) return;
    this.dirty = false;
    const first = Math.max(0, Math.floor(this.box.scrollTop / ROW_H) - 5);
    const last = Math.min(this.rows.length, first + Math.ceil(this.box.clientHeight / ROW_H) + 10);
    const items: HTMLElement[] = [];
    let active = '';
    for (let r = first; r < last; r++) {
      const x = this.rows[r];
      const id = `tt-${x.pid}`;
      if (x.pid === this.selected) active = id;
      const kind = x.flags & 2 ? ' helper' : x.flags & 1 ? ' kthread' : '';
      items.push(h('div', {
        id, role: 'treeitem', class: `tt-row st-${x.state}${kind}`, style: `top:${r * ROW_H}px`, 'data-pid': x.pid,
        'aria-level': x.depth + 1, 'aria-setsize': x.size, 'aria-posinset': x.pos, 'aria-selected': String(x.pid === this.selected),
      }, h('span', { class: 'tt-pre', 'aria-hidden': 'true' }, x.prefix), `${x.comm}(${x.pid})`,
      h('span', { class: 'tt-state' }, ` ${STATE_WORD[x.state] ?? x.state}${x.wchan ? ` · ${x.wchan}` : ''}`)));
    }
    this.spacer.replaceChildren(...items);
    if (active) this.box.setAttribute('aria-activedescendant', active);
    else this.box.removeAttribute('aria-activedescendant');
  }
}
