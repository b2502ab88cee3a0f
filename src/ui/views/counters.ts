// The counters strip over the views: kmod concurrency (2.6.20's kmod_concurrent against
// min(max_threads/2, 50), or 6.6's semaphore slots and waiters), nr_threads against max_threads,
// queued work items, running helpers, loaded modules; plus the page store's own state.
import type { Counters } from '../../worker/api.ts';
import { h } from './dom.ts';

export class CountersStrip {
  readonly el: HTMLElement;
  private readonly kmod: HTMLElement;
  private readonly threads: HTMLElement;
  private readonly work: HTMLElement;
  private readonly helpers: HTMLElement;
  private readonly modules: HTMLElement;
  private readonly store: HTMLElement;
  private last = '';

  constructor() {
    const item = (id: string, title: string): HTMLElement => h('span', { class: 'ctr', id, title });
    this.kmod = item('ctr-kmod', 'Module requests in flight against the limit');
    this.threads = item('ctr-threads', 'nr_threads / max_threads (/proc/sys/kernel/threads-max)');
    this.work = item('ctr-work', 'Work items queued on khelper (2.6.20) or system_unbound_wq (6.6)');
    this.helpers = item('ctr-helpers', 'Usermode helpers that exec\'d and have not exited');
    this.modules = item('ctr-modules', 'Loaded modules');
    this.store = h('span', { class: 'ctr ctr-store', id: 'ctr-store' });
    this.el = h('div', { class: 'ctr-strip', role: 'group', 'aria-label': 'Kernel counters' }, this.kmod, this.threads, this.work, this.helpers, this.modules, this.store);
  }

  update(c: Counters): void {
    const key = JSON.stringify({ ...c, now: 0 });
    if (key === this.last) return;
    this.last = key;
    this.kmod.textContent = c.profile === '6.6'
      ? `kmod_concurrent_max: ${c.kmodInUse}/${c.kmodLimit} slots in use, ${c.kmodWaiting} waiting`
      : `kmod_concurrent: ${c.kmodInUse}/${c.kmodLimit}`;
    this.threads.textContent = `threads: ${c.nrThreads}/${c.maxThreads}`;
    this.work.textContent = `queued work: ${c.queuedWork}`;
    this.helpers.textContent = `running helpers: ${c.runningHelpers}`;
    this.modules.textContent = `modules: ${c.modules}`;
    this.kmod.classList.toggle('hot', c.kmodInUse >= c.kmodLimit);
  }

  /** The page store: how much it holds and what it dropped (it is bounded); `full`: the trace stopped recording. */
  storeState(text: string, full = false): void {
    if (this.store.textContent !== text) this.store.textContent = text;
    this.store.classList.toggle('hot', full);
  }
}
