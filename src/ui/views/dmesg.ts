// The dmesg view: the kernel log with virtual timestamps ([    1.234567], as CONFIG_PRINTK_TIME
// prints them) and levels coloured (emerg..err red, warning orange, notice blue, debug dim). It
// keeps the newest MAX_LINES and says how many older ones it dropped.
import type { DmesgRecord } from '../../worker/api.ts';
import { h } from './dom.ts';

const MAX_LINES = 5000;
const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

export function stamp(ns: number): string {
  const us = Math.floor(ns / 1000);
  return `[${String(Math.floor(us / 1e6)).padStart(5, ' ')}.${String(us % 1e6).padStart(6, '0')}]`;
}

export class DmesgView {
  readonly el: HTMLElement;
  private readonly log: HTMLElement;
  private readonly note: HTMLElement;
  private pending: DmesgRecord[] = [];
  private shown = 0;
  private dropped = 0;
  private lost = 0;

  constructor() {
    this.note = h('p', { class: 'muted dm-note', hidden: true });
    this.log = h('div', { class: 'dm-log', id: 'dmesg-log', role: 'log', 'aria-label': 'Kernel log', tabindex: 0 });
    this.el = h('div', { class: 'dm' }, this.note, this.log);
  }

  clear(): void {
    this.pending = [];
    this.shown = 0;
    this.dropped = 0;
    this.lost = 0;
    this.log.replaceChildren();
    this.note.hidden = true;
  }

  add(records: DmesgRecord[], lost: number): void {
    this.lost += lost;
    for (const r of records) this.pending.push(r);
    if (this.pending.length > MAX_LINES) {
      this.dropped += this.pending.length - MAX_LINES;
      this.pending.splice(0, this.pending.length - MAX_LINES);
    }
  }

  render(): void {
    if (!this.pending.length) return;
    const atEnd = this.log.scrollTop + this.log.clientHeight >= this.log.scrollHeight - 4;
    const frag = document.createDocumentFragment();
    for (const r of this.pending) {
      const lvl = LEVELS[r.level & 7];
      frag.append(h('div', { class: `dm-line lv-${lvl}`, title: `${r.facility ? 'user' : 'kern'}.${lvl}` },
        h('span', { class: 'dm-t' }, stamp(r.t)), ' ', h('span', { class: 'dm-l' }, `<${r.level & 7}>`), ' ', r.text));
    }
    this.shown += this.pending.length;
    this.pending = [];
    this.log.append(frag);
    const extra = this.shown - MAX_LINES;
    if (extra > 0) {
      for (let i = 0; i < extra; i++) this.log.firstElementChild?.remove();
      this.shown -= extra;
      this.dropped += extra;
    }
    if (this.dropped || this.lost) {
      this.note.hidden = false;
      this.note.textContent = `${this.dropped + this.lost} older lines are not shown (this view keeps the newest ${MAX_LINES}${this.lost ? '; the kernel\'s log buffer had dropped some' : ''}).`;
    }
    if (atEnd) this.log.scrollTop = this.log.scrollHeight;
  }
}
