// Small DOM helpers for the views: build elements with attributes and children in one call.
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Virtual nanoseconds as seconds with microseconds, like dmesg. */
export function secs(ns: number): string {
  return (ns / 1e9).toFixed(6);
}

/** A short time for axis labels and tooltips: 1.5 s, 12 ms, 340 µs, 80 ns. */
export function shortTime(ns: number): string {
  const a = Math.abs(ns);
  if (a >= 1e9) return `${+(ns / 1e9).toFixed(3)} s`;
  if (a >= 1e6) return `${+(ns / 1e6).toFixed(3)} ms`;
  if (a >= 1e3) return `${+(ns / 1e3).toFixed(3)} µs`;
  return `${Math.round(ns)} ns`;
}

/** Save bytes as a file the browser downloads. */
export function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}
