// <khelper-playground>: a web component wrapping the embedded playground (index.html?embed) in an
// iframe. It starts when scrolled near the viewport (start="visible", the default), on a click
// (start="click") or at once (start="now"), and forwards the postMessage API as methods (run,
// pause, step, reset, load, loadExample, input, getState) and DOM events (khelper-ready,
// khelper-state, khelper-step, khelper-exit). Styles are set through the CSSOM, so a page with a
// strict Content-Security-Policy can use it. See README ("Embedding") and docs/design/embed.md.

type Reply = { resolve(v: unknown): void; reject(e: Error): void };

/** Attributes passed on to the embed's query. */
const PASSED = ['example', 'view', 'autorun', 'readonly', 'height', 'profile', 'speed'] as const;

export function defineKhelperPlayground(defaultBase: string): void {
  if (customElements.get('khelper-playground')) return;

  class KhelperPlayground extends HTMLElement {
    private frame: HTMLIFrameElement | null = null;
    private frameOrigin = '';
    private ready = false;
    private queue: (() => void)[] = [];
    private replies = new Map<number, Reply>();
    private nextId = 1;
    private io: IntersectionObserver | null = null;
    private readonly onMessage = (ev: MessageEvent<unknown>): void => this.receive(ev);

    connectedCallback(): void {
      this.style.display = 'block';
      if (this.frame || this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const b = document.createElement('button');
      b.type = 'button';
      const what = this.getAttribute('example') ?? 'the playground';
      b.textContent = `▶ Start khelper: ${what}`;
      b.setAttribute('aria-label', `Start the khelper playground (${what})`);
      Object.assign(b.style, {
        width: '100%', height: `${this.height()}px`, font: 'inherit', cursor: 'pointer', border: '1px dashed currentColor',
        borderRadius: '6px', background: 'transparent', color: 'inherit', opacity: '0.8',
      });
      b.addEventListener('click', () => this.start());
      root.append(b);
      const start = this.getAttribute('start') ?? 'visible';
      if (start === 'now') this.start();
      else if (start === 'visible' && 'IntersectionObserver' in window) {
        this.io = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.start();
        }, { rootMargin: '300px 0px' });
        this.io.observe(this);
      }
    }

    disconnectedCallback(): void {
      this.io?.disconnect();
      this.io = null;
      window.removeEventListener('message', this.onMessage);
    }

    private height(): number {
      const h = Number(this.getAttribute('height'));
      return Number.isFinite(h) && h >= 120 ? h : 360;
    }

    /** The embed's address: the playground (src= or next to this script) with ?embed and options. */
    private url(): URL {
      const u = new URL(this.getAttribute('src') ?? defaultBase, location.href);
      u.search = '';
      u.hash = '';
      const q = u.searchParams;
      q.set('embed', '');
      for (const a of PASSED) {
        const v = this.getAttribute(a);
        if (v !== null) q.set(a, v);
      }
      if (!q.has('height')) q.set('height', String(this.height()));
      q.set('origin', location.origin);
      const sc = this.getAttribute('scenario');
      if (sc?.startsWith('#s=') || sc?.startsWith('s=')) u.hash = sc.replace(/^#?/, '');
      else if (sc) q.set('scenario', new URL(sc, location.href).href);
      return u;
    }

    /** Create the iframe (once). */
    start(): void {
      if (this.frame) return;
      this.io?.disconnect();
      this.io = null;
      const u = this.url();
      this.frameOrigin = u.origin;
      const f = document.createElement('iframe');
      f.src = u.href;
      f.title = this.getAttribute('title') ?? `khelper playground: ${this.getAttribute('example') ?? 'scenario'}`;
      f.allow = 'clipboard-read; clipboard-write';
      Object.assign(f.style, { width: '100%', height: `${this.height()}px`, border: '1px solid #8884', borderRadius: '6px', display: 'block' });
      window.addEventListener('message', this.onMessage);
      this.frame = f;
      this.shadowRoot!.replaceChildren(f);
    }

    private receive(ev: MessageEvent<unknown>): void {
      const m = ev.data as { khelper?: unknown; type?: unknown; id?: unknown; ok?: unknown; error?: unknown; value?: unknown } | null;
      if (!this.frame || ev.source !== this.frame.contentWindow || ev.origin !== this.frameOrigin) return;
      if (!m || typeof m !== 'object' || m.khelper !== 1 || typeof m.type !== 'string') return;
      if (m.type === 'reply') {
        const r = typeof m.id === 'number' ? this.replies.get(m.id) : undefined;
        if (!r) return;
        this.replies.delete(m.id as number);
        if (m.ok) r.resolve(m.value);
        else r.reject(new Error(String(m.error)));
        return;
      }
      if (m.type === 'ready') {
        this.ready = true;
        for (const f of this.queue.splice(0)) f();
      }
      this.dispatchEvent(new CustomEvent(`khelper-${m.type}`, { detail: m }));
    }

    /** Send one message (starting the embed if needed); resolves with the embed's reply. */
    send(type: string, fields: Record<string, unknown> = {}): Promise<unknown> {
      this.start();
      return new Promise((resolve, reject) => {
        const id = this.nextId++;
        this.replies.set(id, { resolve, reject });
        const go = (): void => this.frame!.contentWindow!.postMessage({ ...fields, khelper: 1, type, id }, this.frameOrigin);
        if (this.ready) go();
        else this.queue.push(go);
      });
    }

    run(): Promise<unknown> { return this.send('run'); }
    pause(): Promise<unknown> { return this.send('pause'); }
    step(): Promise<unknown> { return this.send('step'); }
    reset(): Promise<unknown> { return this.send('reset'); }
    getState(): Promise<unknown> { return this.send('getState'); }
    input(text: string): Promise<unknown> { return this.send('input', { text }); }
    loadExample(example: string): Promise<unknown> { return this.send('loadExample', { example }); }
    /** A scenario document (object or JSON text). */
    load(scenario: unknown): Promise<unknown> { return this.send('load', { scenario }); }
  }

  customElements.define('khelper-playground', KhelperPlayground);
}
