// An embedded playground (?embed) and its page: the "Open in playground" link, read-only mode,
// Reset that starts the scenario again, and the postMessage API (docs/design/embed.md).
//
// Messages are objects with `khelper: 1` and a `type`. The page sends load, loadExample, run,
// pause, step, reset, input and getState (an optional `id` comes back in the reply); the embed
// sends ready, state, step (a finished step with its result), exit (every step finished) and
// reply. Only one origin may talk to an embed: `?origin=` or, without it, the origin of the page
// that framed it (document.referrer); messages from any other origin or window are dropped and
// every message goes out to that origin only, never to "*". A message can only drive the
// simulated machine: a scenario is data, never code.
import { utf8ToBytes } from '../../lib/bytes.ts';
import type { Batch, RunResults } from '../../worker/api.ts';
import type { ShareContext } from '../share/start.ts';
import { makeLink, pageBase } from '../share/dialog.ts';

type Msg = Record<string, unknown> & { type: string; id?: unknown };

/** Counts kept for the end-to-end tests (window.__khelperEmbed). */
const stats = { accepted: 0, rejected: 0 };

export function startEmbed(c: ShareContext): void {
  const e = c.mode.embed!;
  const peer = e.origin;
  const parentWin = window.parent !== window ? window.parent : null;
  // Where the browser tells who framed us (Chromium, Safari), a peer that is not our parent gets
  // nothing: posting to it would only fail.
  const framer = location.ancestorOrigins?.[0];
  const talk = !!peer && !!parentWin && (framer === undefined || framer === peer);
  const post = (msg: Record<string, unknown>): void => {
    if (talk) parentWin!.postMessage({ khelper: 1, ...msg }, peer!);
  };
  (window as unknown as { __khelperEmbed: unknown }).__khelperEmbed = { stats, origin: peer };

  openLink(c);

  /** Steps posted so far, whether exit was posted, and the run they belong to. */
  let sent = 0;
  let exited = false;
  let gen = 0;
  let lastState = '';
  let fetching = false;
  let again = false;

  // What the machine was started from: Reset starts it again (with its steps), not just a reboot.
  let source: { kind: 'example'; id: string } | { kind: 'scenario'; text: string } | null = c.mode.source.kind === 'example'
    ? { kind: 'example', id: c.mode.source.id }
    : c.mode.scenario !== undefined ? { kind: 'scenario', text: c.mode.scenario } : null;
  const restart = async (): Promise<void> => {
    // A new run: results already asked for belong to the old one (report() drops them).
    gen++;
    sent = 0;
    exited = false;
    const info = source?.kind === 'example' ? await c.api.loadExample(source.id)
      : source?.kind === 'scenario' ? await c.api.importScenario(source.text) : await c.api.reset();
    if ('error' in info) throw new Error(info.error);
    await c.booted(info);
    void report();
  };
  document.getElementById('btn-reset')?.addEventListener('click', (ev) => {
    ev.stopImmediatePropagation();
    void restart().catch((err: unknown) => c.status((err as Error).message));
  }, { capture: true });

  // Events out: run state changes, each finished step, the end of the run.
  const report = async (): Promise<void> => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    again = false;
    const g = gen;
    try {
      const r: RunResults | null = await c.api.results();
      if (g !== gen) again = true;
      if (!r || g !== gen) return;
      for (; sent < r.outcomes.length; sent++) post({ type: 'step', index: sent, total: r.steps, title: r.outcomes[sent].title, result: r.outcomes[sent].result });
      if (r.finished && !exited) {
        exited = true;
        post({ type: 'exit', name: r.name, results: r.outcomes.map((o) => o.result), modules: r.modules });
      }
    } finally {
      fetching = false;
    }
    if (again) await report();
  };
  c.onBatch((b: Batch) => {
    const state = `${b.state}`;
    if (state !== lastState) {
      lastState = state;
      post({ type: 'state', state: b.state, now: b.now });
    }
    if (b.example && (b.example.done > sent || (b.example.finished && !exited))) void report();
  });

  const handlers: Record<string, (m: Msg) => Promise<unknown>> = {
    run: async () => c.api.run(),
    pause: async () => c.api.pause(),
    step: async () => c.api.step(),
    reset: restart,
    getState: async () => ({ results: await c.api.results() }),
    input: async (m) => {
      if (e.readOnly) throw new Error('this embed is read-only');
      if (typeof m.text !== 'string' || m.text.length > 4096) throw new Error('input needs a "text" string (at most 4096 characters)');
      await c.api.input(utf8ToBytes(m.text));
    },
    loadExample: async (m) => {
      if (typeof m.example !== 'string') throw new Error('loadExample needs an "example" name');
      source = { kind: 'example', id: m.example };
      const info = c.examples().find((x) => x.id === m.example);
      await restart();
      c.setExample(m.example);
      if (info) c.describe(info.name, info.description);
    },
    load: async (m) => {
      const text = typeof m.scenario === 'string' ? m.scenario : JSON.stringify(m.scenario ?? null);
      if (text.length > 2 * 1024 * 1024) throw new Error('the scenario is larger than 2 MiB');
      source = { kind: 'scenario', text };
      await restart();
      c.setExample(null);
      const d = JSON.parse(text) as { name?: unknown; description?: unknown };
      c.describe(typeof d.name === 'string' ? d.name : 'Scenario', typeof d.description === 'string' ? d.description : '');
    },
  };

  window.addEventListener('message', (ev: MessageEvent<unknown>) => {
    const m = ev.data as Msg | null;
    if (!m || typeof m !== 'object' || (m as { khelper?: unknown }).khelper !== 1) return;
    if (!peer || ev.origin !== peer || ev.source !== parentWin) {
      stats.rejected++;
      return;
    }
    const h = typeof m.type === 'string' && Object.hasOwn(handlers, m.type) ? handlers[m.type] : null;
    stats.accepted++;
    if (!h) {
      post({ type: 'reply', id: m.id ?? null, ok: false, error: `unknown message type ${JSON.stringify(m.type)}` });
      return;
    }
    h(m).then(
      (value) => post({ type: 'reply', id: m.id ?? null, ok: true, ...(value && typeof value === 'object' ? { value } : {}) }),
      (err: unknown) => post({ type: 'reply', id: m.id ?? null, ok: false, error: (err as Error).message ?? String(err) }),
    );
  });
  post({ type: 'ready', version: 1 });
  // Steps may have finished before this code loaded (a short example at full speed).
  void report();
}

/** "Open in playground": the full page with this embed's state, in a new tab. */
function openLink(c: ShareContext): void {
  const a = document.createElement('a');
  a.id = 'embed-open';
  a.href = pageBase();
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = 'Open in playground ↗';
  a.title = 'Open this run in the full playground, in a new tab';
  const refresh = (): void => {
    void makeLink(c).then(({ link }) => {
      a.href = link;
    });
  };
  a.addEventListener('pointerenter', refresh);
  a.addEventListener('focus', refresh);
  a.addEventListener('click', (ev) => {
    // The state may have moved since the last refresh: open the link made now.
    ev.preventDefault();
    void makeLink(c).then(({ link }) => window.open(link, '_blank', 'noopener'));
  });
  document.getElementById('toolbar')?.append(a);
}
