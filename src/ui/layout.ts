// Resizable panes (drag or arrow keys on the separators), the views' tabs (ARIA tabs pattern),
// and the OS light/dark preference.
import type { Layout } from './persist.ts';

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function applyLayout(l: Layout): void {
  const root = document.documentElement.style;
  root.setProperty('--left-w', `${clamp(l.leftPct, 15, 85)}%`);
  root.setProperty('--views-h', `${clamp(l.viewsPx, 60, 2000)}px`);
}

/** Wire both separators; onChange receives the new layout (for saving). */
export function initSplitters(layout: Layout, onChange: (l: Layout) => void): void {
  const v = document.getElementById('split-v')!;
  const h = document.getElementById('split-h')!;
  const ws = document.getElementById('workspace')!;
  const set = (next: Partial<Layout>): void => {
    Object.assign(layout, next);
    layout.leftPct = clamp(layout.leftPct, 15, 85);
    layout.viewsPx = clamp(layout.viewsPx, 60, Math.max(60, window.innerHeight - 200));
    applyLayout(layout);
    v.setAttribute('aria-valuenow', String(Math.round(layout.leftPct)));
    h.setAttribute('aria-valuenow', String(Math.round(layout.viewsPx)));
    onChange(layout);
  };
  v.setAttribute('aria-valuemin', '15');
  v.setAttribute('aria-valuemax', '85');
  v.setAttribute('aria-valuenow', String(Math.round(layout.leftPct)));
  h.setAttribute('aria-valuenow', String(Math.round(layout.viewsPx)));
  drag(v, (e) => {
    const r = ws.getBoundingClientRect();
    set({ leftPct: ((e.clientX - r.left) / r.width) * 100 });
  });
  drag(h, (e) => set({ viewsPx: window.innerHeight - e.clientY }));
  v.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowLeft' ? -2 : e.key === 'ArrowRight' ? 2 : 0;
    if (d) {
      e.preventDefault();
      set({ leftPct: layout.leftPct + d });
    }
  });
  h.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowUp' ? 16 : e.key === 'ArrowDown' ? -16 : 0;
    if (d) {
      e.preventDefault();
      set({ viewsPx: layout.viewsPx + d });
    }
  });
  applyLayout(layout);
}

function drag(el: HTMLElement, move: (e: PointerEvent) => void): void {
  el.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent): void => move(ev);
    const onUp = (): void => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  });
}

/** The views' tabs: click or arrow keys select; returns a function selecting a tab by id. */
export function initTabs(list: HTMLElement): (id: string) => void {
  // Read at each use: the machinery views add tabs of their own when they load.
  const all = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const select = (tab: HTMLElement, focus: boolean): void => {
    for (const t of all()) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')!)!.hidden = !on;
    }
    if (focus) tab.focus();
  };
  list.addEventListener('click', (e) => {
    const t = (e.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (t) select(t, false);
  });
  list.addEventListener('keydown', (e) => {
    const tabs = all();
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -2;
    if (j === -2) return;
    e.preventDefault();
    select(tabs[(j + tabs.length) % tabs.length], true);
  });
  return (id) => {
    const t = all().find((x) => x.id === id);
    if (t) select(t, false);
  };
}

/** The OS preference, now and on every change. */
export function watchDark(onChange: (dark: boolean) => void): boolean {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', () => onChange(mq.matches));
  return mq.matches;
}

/** Touch-first devices get a plain textarea instead of Monaco (also with ?editor=plain). */
export function wantsPlainEditor(): boolean {
  const q = new URLSearchParams(location.search).get('editor');
  if (q === 'plain') return true;
  if (q === 'monaco') return false;
  return window.matchMedia('(hover: none) and (pointer: coarse)').matches;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Escape out of a widget that keeps Tab for itself (editor, terminal): focus what follows it. */
export function focusAfter(el: HTMLElement): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.getClientRects().length > 0);
  const next = all.find((e) => !el.contains(e) && (el.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  (next ?? all[0])?.focus();
}
