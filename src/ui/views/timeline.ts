// The Timeline view: one lane per task over virtual time on a canvas, with zoom (Ctrl+wheel,
// + and -), pan (drag, Shift+wheel, arrow keys), Follow live, a filter (kmod tasks or all), and a
// click that selects a task for the details panel. Painted on requestAnimationFrame only when
// the model or the view changed (timeline_draw.ts).
import { h, shortTime } from './dom.ts';
import { lower2, MARKER_NAMES, markKind, markValue, STATE_NAMES, treeOrder } from './model.ts';
import type { Lane, Model } from './model.ts';
import { AXIS, GUTTER, laneLabel, paint, palette, ROW } from './timeline_draw.ts';
import type { Palette, View } from './timeline_draw.ts';

export interface TimelineHost {
  model(): Model;
  /** The machine's clock (ns): the live edge. */
  now(): number;
  selected(): Lane | null;
  select(l: Lane | null): void;
  dark(): boolean;
  /** Something changed: paint on the next frame. */
  wake(): void;
}

const MIN_SPAN = 1_000;
/** How often (ms) the row order is rebuilt while lanes keep coming. */
const ROWS_MS = 250;
/** Marker kinds in the legend, with a glyph like the shape timeline_draw.ts paints. */
const LEGEND_MARKS: [number, string][] = [[0, '▼'], [1, '◆'], [2, '✕'], [3, '■'], [4, '○'], [5, '▲'], [6, '●'], [7, '|'], [9, '!']];

export class Timeline {
  readonly el: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly tip: HTMLElement;
  readonly stats: HTMLElement;
  private follow = true;
  /** Span shown while following; null = everything from the start. */
  private span: number | null = null;
  private t0 = 0;
  private t1 = 1e6;
  private scroll = 0;
  private kmodOnly = true;
  rows: Lane[] = [];
  private version = -1;
  private structure = -1;
  private rowsAt = -Infinity;
  private shownModel: Model | null = null;
  private shownEnd = -1;
  private dirty = true;
  private w = 0;
  private hgt = 0;
  private pal: Palette;
  private readonly followBtn: HTMLButtonElement;

  constructor(private readonly host: TimelineHost, toolbarExtra: HTMLElement[]) {
    this.pal = palette(host.dark());
    this.canvas = h('canvas', {
      class: 'tl-canvas', tabindex: 0, role: 'img',
      'aria-label': 'Timeline of the tasks over virtual time. Arrow keys: up and down select a task, left and right pan; + and - zoom; 0 fits; F follows live.',
    });
    this.ctx = this.canvas.getContext('2d')!;
    this.tip = h('div', { class: 'tl-tip', hidden: true });
    this.followBtn = h('button', { type: 'button', 'aria-pressed': 'true', title: 'Keep the live edge in view (F)', onclick: () => this.setFollow(!this.follow) }, 'Follow live');
    const filter = h('select', { id: 'tl-filter', onchange: (e: Event) => {
      this.kmodOnly = (e.target as HTMLSelectElement).value === 'kmod';
      this.structure = -1;
      this.rowsAt = -Infinity;
      this.invalidate();
    } }, h('option', { value: 'kmod' }, 'kmod tasks'), h('option', { value: 'all' }, 'all tasks'));
    this.stats = h('span', { class: 'tl-stats', id: 'tl-stats' });
    const bar = h('div', { class: 'pane-bar', role: 'toolbar', 'aria-label': 'Timeline' },
      h('button', { type: 'button', title: 'Zoom in (+)', 'aria-label': 'Zoom in', onclick: () => this.zoom(0.5) }, '+'),
      h('button', { type: 'button', title: 'Zoom out (-)', 'aria-label': 'Zoom out', onclick: () => this.zoom(2) }, '−'),
      h('button', { type: 'button', title: 'Show the whole run (0)', onclick: () => this.fit() }, 'Fit'),
      this.followBtn,
      h('label', { for: 'tl-filter' }, 'Show'), filter,
      ...toolbarExtra, this.stats);
    const legend = h('p', { class: 'tl-legend' },
      ...STATE_NAMES.slice(1, 8).map((n, i) => h('span', { class: 'sw' }, h('i', { style: `background:${this.pal.states[i + 1]}` }), n)),
      ...LEGEND_MARKS.map(([k, glyph]) => h('span', { class: 'sw' }, h('b', { style: `color:${this.pal.markers[k]}` }, glyph), MARKER_NAMES[k])));
    const wrap = h('div', { class: 'tl-wrap' }, this.canvas, this.tip);
    this.el = h('div', { class: 'tl' }, bar, wrap, legend);
    new ResizeObserver(() => this.invalidate()).observe(wrap);
    this.wire();
  }

  setDark(dark: boolean): void {
    this.pal = palette(dark);
    this.invalidate();
  }

  invalidate(): void {
    this.dirty = true;
    this.host.wake();
  }

  private setFollow(on: boolean): void {
    this.follow = on;
    this.followBtn.setAttribute('aria-pressed', String(on));
    this.invalidate();
  }

  /** The live edge: the last event (an idle machine's clock runs on, but nothing happens there). */
  private end(): number {
    const m = this.host.model();
    return Number.isNaN(m.origin) ? this.host.now() : m.last;
  }

  fit(): void {
    this.span = null;
    this.setFollow(true);
  }

  /** Zoom by a factor around time tc (the middle, or the live edge while following). */
  zoom(factor: number, tc?: number): void {
    const span = Math.max(MIN_SPAN, (this.t1 - this.t0) * factor);
    if (this.follow && tc === undefined) this.span = span;
    else {
      const c = tc ?? (this.t0 + this.t1) / 2;
      this.t0 = c - (c - this.t0) * (span / (this.t1 - this.t0));
      this.t1 = this.t0 + span;
      this.setFollow(false);
    }
    this.invalidate();
  }

  private pan(dt: number): void {
    this.setFollow(false);
    this.t0 += dt;
    this.t1 += dt;
    this.invalidate();
  }

  private rowAt(y: number): number {
    return Math.floor((y - AXIS) / ROW + this.scroll);
  }

  private timeAt(x: number): number {
    return this.t0 + ((x - GUTTER) * (this.t1 - this.t0)) / Math.max(1, this.w - GUTTER);
  }

  private visibleRows(): number {
    return Math.max(1, Math.floor((this.hgt - AXIS) / ROW));
  }

  private scrollTo(row: number): void {
    const vis = this.visibleRows();
    if (row < this.scroll) this.scroll = row;
    else if (row >= this.scroll + vis) this.scroll = row - vis + 1;
  }

  private wire(): void {
    const c = this.canvas;
    let drag: { x: number; y: number; t0: number; t1: number; scroll: number; moved: boolean } | null = null;
    c.addEventListener('pointerdown', (e) => {
      c.setPointerCapture(e.pointerId);
      drag = { x: e.offsetX, y: e.offsetY, t0: this.t0, t1: this.t1, scroll: this.scroll, moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      if (!drag) return this.hover(e.offsetX, e.offsetY);
      const dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      const dt = (-dx * (drag.t1 - drag.t0)) / Math.max(1, this.w - GUTTER);
      this.setFollow(false);
      this.t0 = drag.t0 + dt;
      this.t1 = drag.t1 + dt;
      this.scroll = Math.max(0, drag.scroll - dy / ROW);
      this.invalidate();
    });
    c.addEventListener('pointerup', (e) => {
      if (drag && !drag.moved) this.click(e.offsetX, e.offsetY);
      drag = null;
    });
    c.addEventListener('pointerleave', () => { this.tip.hidden = true; });
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.timeAt(e.offsetX));
      else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) this.pan(((e.deltaX || e.deltaY) / Math.max(1, this.w - GUTTER)) * (this.t1 - this.t0));
      else {
        this.scroll = Math.max(0, Math.min(this.rows.length - 1, this.scroll + e.deltaY / ROW));
        this.invalidate();
      }
    }, { passive: false });
    c.addEventListener('keydown', (e) => this.key(e));
  }

  private key(e: KeyboardEvent): void {
    const span = this.t1 - this.t0;
    const sel = this.host.selected();
    const i = sel ? this.rows.indexOf(sel) : -1;
    const pick = (r: number): void => {
      const row = Math.max(0, Math.min(this.rows.length - 1, r));
      if (!this.rows[row]) return;
      this.host.select(this.rows[row]);
      this.scrollTo(row);
      this.invalidate();
    };
    switch (e.key) {
      case 'ArrowLeft': this.pan(-span / 10); break;
      case 'ArrowRight': this.pan(span / 10); break;
      case 'ArrowUp': pick(i < 0 ? Math.floor(this.scroll) : i - 1); break;
      case 'ArrowDown': pick(i < 0 ? Math.floor(this.scroll) : i + 1); break;
      case 'PageUp': pick(i - this.visibleRows()); break;
      case 'PageDown': pick(i + this.visibleRows()); break;
      case 'Home': pick(0); break;
      case 'End': pick(this.rows.length - 1); break;
      case '+': case '=': this.zoom(0.5); break;
      case '-': case '_': this.zoom(2); break;
      case '0': this.fit(); break;
      case 'f': case 'F': this.setFollow(!this.follow); break;
      default: return;
    }
    e.preventDefault();
  }

  private click(x: number, y: number): void {
    const l = this.rows[this.rowAt(y)] ?? null;
    this.host.select(l);
    this.invalidate();
  }

  private hover(x: number, y: number): void {
    const l = this.rows[this.rowAt(y)];
    if (!l || y < AXIS || x < GUTTER) {
      this.tip.hidden = true;
      return;
    }
    const t = this.timeAt(x);
    const tol = (4 * (this.t1 - this.t0)) / Math.max(1, this.w - GUTTER);
    const j = lower2(l.mk, t - tol);
    const m = this.host.model();
    let mark = '';
    if (2 * j < l.mk.length && l.mk[2 * j] <= t + tol) {
      const code = l.mk[2 * j + 1], kind = markKind(code);
      mark = ` · ${MARKER_NAMES[kind]}${markerValue(m, kind, markValue(code))} at ${shortTime(l.mk[2 * j] - m.origin)}`;
    }
    this.tip.textContent = `${laneLabel(l)} · ${STATE_NAMES[l.stateAt(t)]} at ${shortTime(t - (Number.isNaN(m.origin) ? 0 : m.origin))}${mark}`;
    this.tip.style.left = `${Math.min(x + 12, this.w - 260)}px`;
    this.tip.style.top = `${y + 14}px`;
    this.tip.hidden = false;
  }

  /** Paint if anything changed; cheap when nothing did. */
  render(): void {
    const m = this.host.model();
    const wrap = this.canvas.parentElement!;
    const w = wrap.clientWidth, hh = wrap.clientHeight;
    if (!w || !hh) return;
    // New lanes join the rows at most every ROWS_MS while they keep coming (ordering is linear).
    const t = performance.now();
    if ((m.structure !== this.structure && t - this.rowsAt >= ROWS_MS) || m !== this.shownModel) {
      this.rowsAt = t;
      // Lanes came, went or joined the kmod set: the rows (and their numbers, for the links).
      this.structure = m.structure;
      this.shownModel = m;
      this.rows = treeOrder(m.lanes, this.kmodOnly);
      for (const l of m.lanes) l.row = -1;
      for (let r = 0; r < this.rows.length; r++) this.rows[r].row = r;
    }
    if (m.version !== this.version) {
      this.version = m.version;
      this.dirty = true;
    }
    const end = this.end();
    if (this.follow && end !== this.shownEnd) this.dirty = true;
    if (!this.dirty) return;
    this.shownEnd = end;
    this.dirty = false;
    const dpr = window.devicePixelRatio || 1;
    if (w !== this.w || hh !== this.hgt) {
      this.w = w;
      this.hgt = hh;
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(hh * dpr);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${hh}px`;
    }
    const origin = Number.isNaN(m.origin) ? 0 : m.origin;
    if (this.follow) {
      this.t1 = Math.max(end, origin + MIN_SPAN);
      this.t0 = this.span === null ? origin : this.t1 - this.span;
    }
    this.scroll = Math.max(0, Math.min(this.scroll, Math.max(0, this.rows.length - 1)));
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const view: View = { t0: this.t0, t1: this.t1, scroll: this.scroll, width: w, height: hh };
    paint(this.ctx, m, this.rows, view, end, this.host.selected(), this.pal);
  }
}

export function markerValue(m: Model, kind: number, v: number): string {
  const s = (id: number): string => m.strings[id] ?? '?';
  switch (kind) {
    case 0: return ` pid ${v}`;
    case 1: return ` ${s(v)}`;
    case 2: case 3: case 8: return ` ${v}`;
    case 4: return ` pid ${v}`;
    case 5: case 6: case 7: return ` ${s(v)}`;
    case 9: return ` "${s(v)}"`;
    case 10: return ` sig ${v}`;
    default: return '';
  }
}
