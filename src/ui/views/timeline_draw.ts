// Painting the timeline on a canvas: lanes of state bars over virtual time, markers for events,
// parent->child links at fork time, a time axis. Work per frame is bounded by what is on screen:
// only visible lanes are painted, and within a lane at most about one segment and one marker
// per pixel (binary searches jump over what falls inside a pixel).
import { shortTime } from './dom.ts';
import { lower2, markKind, MK, upper2 } from './model.ts';
import type { Lane, Model } from './model.ts';

export const ROW = 16;
export const GUTTER = 220;
export const AXIS = 18;

export interface Palette {
  bg: string; fg: string; muted: string; grid: string; sel: string; link: string;
  states: string[];
  markers: string[];
}

export function palette(dark: boolean): Palette {
  return dark
    ? {
      bg: '#1e2227', fg: '#e3e6ea', muted: '#9aa3ad', grid: '#2c3138', sel: 'rgba(90,162,240,.22)', link: 'rgba(227,230,234,.45)',
      states: ['transparent', '#3fbf6a', '#c8b23a', '#4f7fbf', '#d9822b', '#a96ad1', '#8a8f96', '#b07a4a', 'transparent'],
      markers: ['#e3e6ea', '#2ec4c4', '#f2867d', '#f2867d', '#7fb0f0', '#f0a040', '#7be08f', '#f0d060', '#f0d060', '#ffd24d', '#ff80c0'],
    }
    : {
      bg: '#ffffff', fg: '#1d2229', muted: '#5b6470', grid: '#eceff2', sel: 'rgba(11,98,196,.14)', link: 'rgba(29,34,41,.45)',
      states: ['transparent', '#2e9d4f', '#d8c34a', '#8fb3e6', '#e08a30', '#9b59b6', '#a9adb3', '#a0703a', 'transparent'],
      markers: ['#1d2229', '#0a8f8f', '#b3261e', '#b3261e', '#0b62c4', '#c86400', '#1f7a3a', '#7a5d00', '#7a5d00', '#9a5b00', '#c0307a'],
    };
}

export interface View {
  t0: number;
  t1: number;
  /** First row shown (may be fractional while dragging). */
  scroll: number;
  width: number;
  height: number;
}

function drawMarker(ctx: CanvasRenderingContext2D, kind: number, x: number, y: number): void {
  const m = y + ROW / 2;
  ctx.beginPath();
  switch (kind) {
    case MK.fork: ctx.moveTo(x - 3, y + 1); ctx.lineTo(x + 3, y + 1); ctx.lineTo(x, y + 6); break;
    case MK.exec: ctx.moveTo(x, m - 4); ctx.lineTo(x + 4, m); ctx.lineTo(x, m + 4); ctx.lineTo(x - 4, m); break;
    case MK.execFail: ctx.moveTo(x - 3, m - 3); ctx.lineTo(x + 3, m + 3); ctx.moveTo(x + 3, m - 3); ctx.lineTo(x - 3, m + 3); ctx.stroke(); return;
    case MK.exit: ctx.rect(x - 3, m - 3, 6, 6); break;
    case MK.wait: ctx.arc(x, m, 3.5, 0, Math.PI * 2); ctx.stroke(); return;
    case MK.queue: ctx.moveTo(x - 3, y + ROW - 1); ctx.lineTo(x + 3, y + ROW - 1); ctx.lineTo(x, y + ROW - 6); break;
    case MK.complete: ctx.arc(x, m, 3, 0, Math.PI * 2); break;
    case MK.request: ctx.rect(x - 1, y + 1, 2, ROW - 2); break;
    case MK.requestRet: ctx.rect(x - 3, y + ROW - 3, 6, 2); break;
    case MK.printk: ctx.rect(x - 1, y + 2, 2, 7); ctx.rect(x - 1, y + 11, 2, 2); break;
    default: ctx.rect(x - 2, y + 2, 4, 3); break;
  }
  ctx.fill();
}

export function laneLabel(l: Lane): string {
  const what = l.kthread && l.fn && l.fn !== l.comm ? ` · ${l.fn}` : l.helper ? ' · helper' : '';
  return `${l.pid} ${l.comm}${what}`;
}

export function paint(ctx: CanvasRenderingContext2D, model: Model, rows: Lane[], v: View, end: number, selected: Lane | null, p: Palette): void {
  const { width, height, t0, t1 } = v;
  const plotW = Math.max(1, width - GUTTER);
  const k = plotW / Math.max(1, t1 - t0);
  const px = (t: number): number => GUTTER + (t - t0) * k;
  const timeAt = (x: number): number => t0 + (x - GUTTER) / k;
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = '11px ui-monospace, Menlo, Consolas, monospace';
  ctx.textBaseline = 'middle';

  // Axis and grid.
  const step = niceStep((t1 - t0) / Math.max(1, plotW / 110));
  ctx.fillStyle = p.muted;
  ctx.strokeStyle = p.grid;
  ctx.lineWidth = 1;
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const x = Math.round(px(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, AXIS - 4);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillText(shortTime(t), x + 3, AXIS / 2);
  }

  const first = Math.max(0, Math.floor(v.scroll));
  const last = Math.min(rows.length, Math.ceil(v.scroll + (height - AXIS) / ROW));
  const yOf = (r: number): number => AXIS + (r - v.scroll) * ROW;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS, width, height - AXIS);
  ctx.clip();
  for (let r = first; r < last; r++) {
    const l = rows[r];
    const y = yOf(r);
    if (l === selected) {
      ctx.fillStyle = p.sel;
      ctx.fillRect(0, y, width, ROW);
    }
    // State bars.
    const tr = l.tr, n = tr.length >> 1;
    const laneEnd = Math.min(l.end, end);
    let i = Math.max(0, upper2(tr, t0) - 1);
    while (i < n && tr[2 * i] <= t1) {
      const segEnd = i + 1 < n ? tr[2 * i + 2] : laneEnd;
      const xs = px(Math.max(tr[2 * i], t0));
      const xe = px(Math.min(segEnd, t1));
      const color = p.states[tr[2 * i + 1]];
      if (xe - xs >= 1) {
        if (color !== 'transparent') {
          ctx.fillStyle = color;
          ctx.fillRect(xs, y + 3, xe - xs, ROW - 6);
        }
        i++;
      } else {
        // Many transitions inside one pixel: paint the pixel once, then skip to the next pixel.
        if (color !== 'transparent') {
          ctx.fillStyle = color;
          ctx.fillRect(Math.floor(xs), y + 3, 1, ROW - 6);
        }
        i = Math.max(i + 1, upper2(tr, timeAt(Math.floor(xs) + 1)) - 1);
      }
    }
    // Markers.
    const mk = l.mk, nm = mk.length >> 1;
    let j = lower2(mk, t0);
    while (j < nm && mk[2 * j] <= t1) {
      const x = px(mk[2 * j]);
      const kind = markKind(mk[2 * j + 1]);
      ctx.fillStyle = ctx.strokeStyle = p.markers[kind];
      drawMarker(ctx, kind, Math.round(x) + 0.5, y);
      j = Math.max(j + 1, lower2(mk, timeAt(Math.round(x) + 2)));
    }
  }
  // Parent -> child links at fork time, for children on screen.
  ctx.strokeStyle = p.link;
  ctx.beginPath();
  for (let r = first; r < last; r++) {
    const l = rows[r];
    const pr = l.parent?.row ?? -1;
    if (pr < 0 || l.seeded || l.start < t0 || l.start > t1) continue;
    const x = Math.round(px(l.start)) + 0.5;
    ctx.moveTo(x, yOf(pr) + ROW / 2);
    ctx.lineTo(x, yOf(r) + ROW / 2);
  }
  ctx.stroke();
  ctx.restore();

  // Labels over a gutter.
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, AXIS, GUTTER - 4, height - AXIS);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS, GUTTER - 6, height - AXIS);
  ctx.clip();
  for (let r = first; r < last; r++) {
    const l = rows[r];
    ctx.fillStyle = l === selected ? p.fg : l.end !== Infinity ? p.muted : p.fg;
    ctx.fillText(laneLabel(l), 4, yOf(r) + ROW / 2);
  }
  ctx.restore();
  if (model.lanes.length === 0) {
    ctx.fillStyle = p.muted;
    ctx.fillText('No tasks yet: the timeline fills as the machine runs.', GUTTER, AXIS + ROW);
  }
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
