// The Tasks view: the live process tree with states, like pstree -p, from the worker's task
// table (sent a few times a second while this view is open). Only the rows in sight are in the
// DOM, so 10,000 tasks cost what 30 do.
import type { TaskTable } from '../../worker/api.ts';
import { h } from './dom.ts';

const ROW_H = 18;
const STATE_WORD: Record<string, string> = { R: 'running', S: 'sleeping', D: 'disk sleep', T: 'stopped', Z: 'zombie', X: 'dead' };

export class TaskTree {
  readonly el: HTMLElement;
  private readonly box: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly summary: HTMLElement;
  /** The last table: rows already in tree order (the worker builds it). */
  private table: TaskTable | null = null;
  private count = 0;
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
    const i = this.rowOf(this.selected);
    const vis = Math.max(1, Math.floor(this.box.clientHeight / ROW_H));
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'PageDown' ? i + vis : e.key === 'PageUp' ? i - vis
      : e.key === 'Home' ? 0 : e.key === 'End' ? this.count - 1 : null;
    if (to === null || !this.count) return;
    e.preventDefault();
    const j = Math.max(0, Math.min(this.count - 1, to));
    this.pick(this.table!.pids[j]);
    const top = j * ROW_H;
    if (top < this.box.scrollTop) this.box.scrollTop = top;
    else if (top + ROW_H > this.box.scrollTop + this.box.clientHeight) this.box.scrollTop = top + ROW_H - this.box.clientHeight;
  }

  private rowOf(pid: number): number {
    const t = this.table;
    if (!t) return -1;
    for (let r = 0; r < this.count; r++) if (t.pids[r] === pid) return r;
    return -1;
  }

  /** A new task table (in pstree -p order, children in the order they were created). */
  update(t: TaskTable): void {
    this.table = t;
    this.count = t.count;
    const counts = new Map<number, number>();
    for (let r = 0; r < t.count; r++) counts.set(t.states[r], (counts.get(t.states[r]) ?? 0) + 1);
    this.summary.textContent = `${t.count} tasks: ${[...counts].sort((a, b) => a[0] - b[0]).map(([c, k]) => `${k} ${STATE_WORD[String.fromCharCode(c)] ?? String.fromCharCode(c)}`).join(', ')}`;
    this.spacer.style.height = `${t.count * ROW_H}px`;
    this.dirty = true;
  }

  /** Whether row r is the last child of its parent. */
  private isLast(r: number): boolean {
    const t = this.table!;
    return t.posIn[r] === t.setSize[r];
  }

  /** pstree's branch drawing for row r: one column per ancestor level. */
  private prefix(r: number): string {
    const t = this.table!;
    if (t.depth[r] === 0) return '';
    let s = this.isLast(r) ? '└─' : '├─';
    for (let p = t.parentRow[r]; p >= 0 && t.depth[p] > 0; p = t.parentRow[p]) s = (this.isLast(p) ? '  ' : '│ ') + s;
    return s;
  }

  render(): void {
    if (!this.dirty || !this.box.clientHeight) return;
    this.dirty = false;
    const first = Math.max(0, Math.floor(this.box.scrollTop / ROW_H) - 5);
    const last = Math.min(this.count, first + Math.ceil(this.box.clientHeight / ROW_H) + 10);
    const items: HTMLElement[] = [];
    let active = '';
    const t = this.table;
    for (let r = first; r < last && t; r++) {
      const i = r;
      const pid = t.pids[i];
      const id = `tt-${pid}`;
      if (pid === this.selected) active = id;
      const state = String.fromCharCode(t.states[i]);
      const kind = t.flags[i] & 2 ? ' helper' : t.flags[i] & 1 ? ' kthread' : '';
      items.push(h('div', {
        id, role: 'treeitem', class: `tt-row st-${state}${kind}`, style: `top:${r * ROW_H}px`, 'data-pid': pid,
        'aria-level': t.depth[r] + 1, 'aria-setsize': t.setSize[r], 'aria-posinset': t.posIn[r], 'aria-selected': String(pid === this.selected),
      }, h('span', { class: 'tt-pre', 'aria-hidden': 'true' }, this.prefix(r)), `${t.comms[i]}(${pid})`,
      h('span', { class: 'tt-state' }, ` ${STATE_WORD[state] ?? state}${t.wchans[i] ? ` · ${t.wchans[i]}` : ''}`)));
    }
    this.spacer.replaceChildren(...items);
    if (active) this.box.setAttribute('aria-activedescendant', active);
    else this.box.removeAttribute('aria-activedescendant');
  }
}
