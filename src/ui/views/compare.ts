// The Side by side view: an example run on 2.6.20 and 6.6 at once (two machines in the worker),
// and where they differ: each step's result and output, dmesg, and the traces reduced to
// requests, helpers, execs, exits and printks, counted per step and aligned to their first
// divergence.
import type { Comparison, ExampleInfo, SideResult } from '../../worker/api.ts';
import { h } from './dom.ts';

export interface CompareHost {
  examples(): Promise<ExampleInfo[]>;
  current(): string | null;
  compare(id: string): Promise<Comparison | { error: string }>;
}

/** Lines of each side that have no partner in the other (an LCS diff; index-wise when huge). */
export function diffLines(a: string[], b: string[]): [boolean[], boolean[]] {
  const da = a.map(() => true), db = b.map(() => true);
  if (a.length * b.length > 2_000_000) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] === b[i]) da[i] = db[i] = false;
    return [da, db];
  }
  const w = b.length + 1;
  const L = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) L[i * w + j] = a[i] === b[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
  }
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      da[i++] = false;
      db[j++] = false;
    } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) i++;
    else j++;
  }
  return [da, db];
}

function column(title: string, lines: string[], differs: boolean[], cls: string): HTMLElement {
  return h('div', { class: `cmp-col ${cls}` }, h('h4', {}, title),
    h('pre', {}, ...lines.map((l, i) => h('span', { class: differs[i] ? 'cmp-diff' : '' }, `${l}\n`))));
}

function pair(title: string, left: string[], right: string[], sides: [SideResult, SideResult]): HTMLElement {
  const [dl, dr] = diffLines(left, right);
  return h('div', { class: 'cmp-pair' }, h('h4', { class: 'cmp-what' }, title),
    h('div', { class: 'cmp-cols' }, column(sides[0].profile, left, dl, 'cmp-left'), column(sides[1].profile, right, dr, 'cmp-right')));
}

function lines(text: string): string[] {
  const l = text.replace(/\n$/, '').split('\n');
  return l.length === 1 && l[0] === '' ? [] : l;
}

export function renderComparison(c: Comparison): HTMLElement {
  const [l, r] = c.sides;
  const out: HTMLElement[] = [h('h3', {}, `${c.name}: ${l.profile} against ${r.profile}`)];
  c.steps.forEach((s, i) => {
    const a = l.steps[i], b = r.steps[i];
    const sec = h('section', { class: 'cmp-step', 'data-step': i + 1 }, h('h4', {}, `Step ${i + 1}: ${s.title}`),
      pair('result', [a.status, ...lines(a.out), ...lines(a.err)], [b.status, ...lines(b.out), ...lines(b.err)], c.sides));
    const differ = s.rows.filter((x) => x.left !== x.right);
    if (differ.length) {
      sec.append(h('table', { class: 'cmp-rows' },
        h('caption', {}, 'Trace events that differ (counts; pids and times left out)'),
        h('thead', {}, h('tr', {}, h('th', {}, 'event'), h('th', {}, l.profile), h('th', {}, r.profile))),
        h('tbody', {}, ...differ.slice(0, 200).map((x) => h('tr', {}, h('td', {}, h('code', {}, x.sig)), h('td', {}, String(x.left)), h('td', {}, String(x.right)))))));
    } else sec.append(h('p', { class: 'muted' }, 'The traces of this step agree (same requests, helpers, execs, exits and printks).'));
    if (s.divergence) {
      sec.append(pair(`first difference in trace order (event #${s.divergence.at + 1} of the step)`, s.divergence.left, s.divergence.right, c.sides));
    }
    out.push(sec);
  });
  const strip = (t: string): string => t;
  out.push(h('section', { class: 'cmp-step' }, h('h4', {}, 'dmesg (timestamps left out)'),
    pair('log', l.dmesg.map((d) => `<${d.level}> ${strip(d.text)}`), r.dmesg.map((d) => `<${d.level}> ${strip(d.text)}`), c.sides)));
  return h('div', { class: 'cmp-result', id: 'cmp-result' }, ...out);
}

export class CompareView {
  readonly el: HTMLElement;
  private readonly pick: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private loaded = false;

  constructor(private readonly host: CompareHost) {
    this.pick = h('select', { id: 'cmp-example' });
    const run = h('button', { type: 'button', id: 'cmp-run', onclick: () => void this.run() }, 'Run on 2.6.20 and 6.6');
    this.status = h('span', { class: 'muted', id: 'cmp-status', role: 'status' });
    this.body = h('div', { class: 'cmp-body' }, h('p', { class: 'muted' }, 'Pick an example and run it on both kernels at once: the differences are marked.'));
    this.el = h('div', { class: 'cmp' }, h('div', { class: 'pane-bar', role: 'toolbar', 'aria-label': 'Side by side' },
      h('label', { for: 'cmp-example' }, 'Example to compare'), this.pick, run, this.status), this.body);
  }

  /** Fill the example list the first time the view shows. */
  async shown(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const list = await this.host.examples();
    this.pick.replaceChildren(...list.map((e) => h('option', { value: e.id }, e.name)));
    this.pick.value = this.host.current() ?? (list.some((e) => e.id === 'selftest-kmod') ? 'selftest-kmod' : list[0]?.id ?? '');
  }

  async run(id = this.pick.value): Promise<void> {
    if (!id) return;
    this.pick.value = id;
    this.status.textContent = 'Running on both kernels…';
    const t = performance.now();
    const r = await this.host.compare(id);
    if ('error' in r) {
      this.status.textContent = `Could not compare: ${r.error}`;
      return;
    }
    this.body.replaceChildren(renderComparison(r));
    this.status.textContent = `Done in ${((performance.now() - t) / 1000).toFixed(1)} s (${r.sides[0].events} and ${r.sides[1].events} trace events).`;
  }
}
