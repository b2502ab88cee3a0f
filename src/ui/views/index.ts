// The machinery views (issue 7), loaded lazily after the console works: Timeline, Tasks, Kernel
// source, dmesg, Side by side and Faults, with the counters strip above them. The worker sends one
// ViewBatch per frame at most (its trace arrays transferred); batches queue here and go into the
// page's store in short tasks (INGEST_MS each, so no task of ours holds the main thread long);
// the worker sends the next batch only once this one is all in. Views paint on
// requestAnimationFrame.
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type { MachineApi, StopPoint, TaskInfo, TraceFormat, ViewBatch } from '../../worker/api.ts';
import './views.css';
import { CompareView } from './compare.ts';
import { CountersStrip } from './counters.ts';
import { renderDetails } from './details.ts';
import { DmesgView } from './dmesg.ts';
import { download, h } from './dom.ts';
import { FaultsView } from './faults.ts';
import { ITEM_CAP, Model } from './model.ts';
import type { Lane } from './model.ts';
import { SourceView } from './source.ts';
import { TaskTree } from './tasks.ts';
import { Timeline } from './timeline.ts';

export interface ViewsHost {
  api: Remote<MachineApi>;
  selectTab(id: string): void;
  status(msg: string): void;
  /** The example loaded now, if any. */
  example(): string | null;
}

export interface ViewsHandle {
  /** Test and devtools access. */
  model(): Model;
  stats(): { batches: number; maxEvents: number; maxIngestMs: number; maxTreeMs: number; maxPaintMs: number; maxFrameMs: number; traceLength: number; lastStop: StopPoint | null };
}

const $ = (id: string): HTMLElement => document.getElementById(id)!;
/** Time per task for taking in trace events (ms); the rest of a chunk waits for the next task. */
const INGEST_MS = 1;
/** How often (ms) views repaint while events are still waiting to be taken in. */
const BUSY_PAINT_MS = 100;

/** Add a tab and its panel after the existing ones (layout.ts's tabs pick them up). */
function addTab(id: string, label: string): HTMLElement {
  const tab = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `view-${id}`, 'aria-selected': 'false', tabindex: -1 }, label);
  $('view-tabs').append(tab);
  const panel = h('div', { role: 'tabpanel', id: `view-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: 0, class: 'view', hidden: true });
  $('views').append(panel);
  return panel;
}

export function mountViews(host: ViewsHost): ViewsHandle {
  const { api } = host;
  let model = new Model();
  let epoch = -1;
  let profile = '';
  let now = 0;
  let selected: Lane | null = null;
  let selectedPid = -1;
  let info: TaskInfo | null = null;
  let infoAt = 0;
  let lastStop: StopPoint | null = null;
  let kernelDropped = 0;
  let traceCap = 0;
  let lastPaint = -Infinity;
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  let dark = mq.matches;
  mq.addEventListener('change', () => {
    dark = mq.matches;
    timeline.setDark(dark);
  });
  const queue: { b: ViewBatch; done: () => void; pos: number; begun: boolean }[] = [];
  const perf = { batches: 0, maxEvents: 0, maxIngestMs: 0, maxTreeMs: 0, maxPaintMs: 0, maxFrameMs: 0, traceLength: 0 };
  let frame = 0;
  let pumping = false;
  const wake = (): void => {
    if (!frame) frame = requestAnimationFrame(onFrame);
  };
  // Ingest tasks chain through a MessageChannel (setTimeout(0) is clamped when nested).
  const channel = new MessageChannel();
  channel.port1.onmessage = () => pump();
  const pumpSoon = (): void => {
    if (pumping) return;
    pumping = true;
    channel.port2.postMessage(0);
  };

  const counters = new CountersStrip();
  $('view-tabs').after(counters.el);
  const comparePanel = addTab('compare', 'Side by side');
  const faultsPanel = addTab('faults', 'Faults');

  const select = (l: Lane | null, pid = l?.pid ?? -1): void => {
    selected = l;
    selectedPid = pid;
    info = null;
    tree.setSelected(pid);
    timeline.invalidate();
    showDetails();
    if (pid > 0) void refreshInfo();
  };
  const refreshInfo = async (): Promise<void> => {
    const pid = selectedPid;
    infoAt = performance.now();
    const r = await api.taskDetails(pid);
    if (pid !== selectedPid) return;
    info = r;
    showDetails();
  };
  const detailEls: HTMLElement[] = [];
  const showDetails = (): void => {
    for (const el of detailEls) renderDetails(el, selected, info, model.origin);
  };
  const detailPane = (): HTMLElement => {
    const el = h('aside', { class: 'vw-details', 'aria-label': 'Task details', 'aria-live': 'polite' });
    detailEls.push(el);
    return el;
  };

  const exportBtn = (fmt: TraceFormat, label: string, ext: string): HTMLElement =>
    h('button', { type: 'button', id: `export-${fmt}`, title: `Download the trace as ${label}`, onclick: async () => {
      const blob = await api.exportTrace(fmt);
      download(`khelper-trace${fmt === 'perfetto' ? '.perfetto' : ''}.${ext}`, blob);
      host.status(`Trace exported as ${label} (${Math.round(blob.size / 1024)} KiB)`);
    } }, label);
  const timeline = new Timeline({
    model: () => model, now: () => now, selected: () => selected, select: (l) => select(l), dark: () => dark, wake,
  }, [h('span', { class: 'tl-exports', role: 'group', 'aria-label': 'Export the trace' }, h('span', { class: 'muted' }, 'Export:'),
    exportBtn('json', 'JSON', 'json'), exportBtn('ftrace', 'ftrace', 'txt'), exportBtn('perfetto', 'Perfetto', 'json'))]);
  const tree = new TaskTree((pid) => select(model.laneOf(pid), pid));
  const source = new SourceView({
    model: () => model, selected: () => selected, profile: () => profile,
    stepLine: () => void api.stepLine(), continueRun: () => void api.continueRun(),
    setLineBreakpoints: (l) => void api.setLineBreakpoints(l), setEventBreakpoints: (e) => void api.setEventBreakpoints(e),
  });
  const dmesg = new DmesgView();
  const compare = new CompareView({ examples: () => api.examples(), current: host.example, compare: (id) => api.compare(id) });
  const faults = new FaultsView({
    apply: (f) => api.setFault(f),
    type: (line) => {
      void api.input(`${line}\r`);
      host.status(`Typed into the console: ${line}`);
    },
  });

  $('view-timeline').replaceChildren(h('div', { class: 'vw-split' }, timeline.el, detailPane()));
  $('view-tasks').replaceChildren(h('div', { class: 'vw-split' }, tree.el, detailPane()));
  $('view-source').replaceChildren(source.el);
  $('view-dmesg').replaceChildren(dmesg.el);
  comparePanel.append(compare.el);
  faultsPanel.append(faults.el);
  showDetails();

  // Views that cost only while shown: the task table is sent only while Tasks is open.
  const shown = (id: string): boolean => !$(id).hidden;
  let tasksWanted = false;
  const tabChanged = (): void => {
    const want = shown('view-tasks');
    if (want !== tasksWanted) {
      tasksWanted = want;
      void api.viewsWantTasks(want);
    }
    if (shown('view-compare')) void compare.shown();
    timeline.invalidate();
    tree.invalidate();
    wake();
  };
  new MutationObserver(tabChanged).observe($('views'), { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  // A view may be open already (a link can choose it).
  tabChanged();

  /** A batch arrives: what does not cost per event is taken at once. */
  function begin(b: ViewBatch): void {
    if (b.epoch !== epoch) {
      epoch = b.epoch;
      model = new Model();
      kernelDropped = 0;
      dmesg.clear();
      selected = null;
      selectedPid = -1;
      info = null;
      showDetails();
    }
    profile = b.profile;
    now = b.now;
    perf.traceLength = b.traceLength;
    kernelDropped = b.traceDropped;
    traceCap = b.traceCap;
    if (b.tasks && Number.isNaN(model.origin)) model.seed(b.tasks);
  }

  /** After its trace is in: the rest of the batch. */
  function finish(b: ViewBatch): void {
    if (b.tasks) timed('maxTreeMs', () => tree.update(b.tasks!));
    if (b.dmesg.length || b.dmesgLost) dmesg.add(b.dmesg, b.dmesgLost);
    counters.update(b.counters);
    source.debug(b.debug);
    if (b.stop) {
      lastStop = b.stop;
      source.showStop(b.stop);
      // After the scheduler event of an event breakpoint the task may have exited already.
      select(model.laneOf(b.stop.pid), b.stop.pid);
    }
    if (selected && selected.end !== Infinity && info) info = null;
    perf.batches++;
  }

  function timed(key: 'maxTreeMs' | 'maxPaintMs' | 'maxFrameMs', f: () => void): void {
    const t0 = performance.now();
    f();
    perf[key] = Math.max(perf[key], performance.now() - t0);
  }

  /**
   * Take in what arrived, within a time budget: a chunk that does not fit goes on in the next
   * task, and the worker sends the next batch only once this one is all in.
   */
  function pump(): void {
    pumping = false;
    const t0 = performance.now();
    const deadline = t0 + INGEST_MS;
    while (queue.length) {
      const item = queue[0];
      if (!item.begun) {
        item.begun = true;
        begin(item.b);
      }
      const tr = item.b.trace;
      if (tr && item.pos < tr.count) {
        item.pos = model.ingest(tr, item.pos, deadline);
        perf.maxEvents = Math.max(perf.maxEvents, tr.count);
        if (item.pos < tr.count) break;
      }
      queue.shift();
      finish(item.b);
      item.done();
      if (performance.now() > deadline) break;
    }
    perf.maxIngestMs = Math.max(perf.maxIngestMs, performance.now() - t0);
    if (queue.length) pumpSoon();
    wake();
  }

  function onFrame(): void {
    frame = 0;
    const t0 = performance.now();
    // While a flood of events is still coming in, paint ten times a second: the tasks that take it
    // in stay short, and the picture still moves.
    if (queue.length && t0 - lastPaint < BUSY_PAINT_MS) {
      wake();
      return;
    }
    lastPaint = t0;
    counters.storeState(`${model.events.toLocaleString('en')} events · ${model.lanes.length.toLocaleString('en')} tasks`
      + `${model.droppedLanes ? ` · ${model.droppedLanes.toLocaleString('en')} oldest tasks dropped (store cap ${ITEM_CAP.toLocaleString('en')} items)` : ''}`
      + `${kernelDropped ? ` · trace full: the kernel stopped recording at ${traceCap.toLocaleString('en')} events`
        + ` (${kernelDropped.toLocaleString('en')} not recorded since; Reset starts a new trace)` : ''}`, kernelDropped > 0);
    const stats = `${timeline.rows.length} lanes · helpers now ${model.helpersNow}, at most ${model.helpersPeak} at once`;
    if (timeline.stats.textContent !== stats) timeline.stats.textContent = stats;
    if (shown('view-timeline')) timed('maxPaintMs', () => timeline.render());
    if (shown('view-tasks')) tree.render();
    if (shown('view-source')) source.render();
    if (shown('view-dmesg')) dmesg.render();
    if (selected && selected.end === Infinity && performance.now() - infoAt > 1000 && (shown('view-timeline') || shown('view-tasks'))) void refreshInfo();
    perf.maxFrameMs = Math.max(perf.maxFrameMs, performance.now() - t0);
  }

  void api.viewsSubscribe(Comlink.proxy((b: ViewBatch) => new Promise<void>((done) => {
    queue.push({ b, done, pos: 0, begun: false });
    pumpSoon();
  })));

  const handle: ViewsHandle = { model: () => model, stats: () => ({ ...perf, lastStop }) };
  // For the end-to-end tests and the curious (window.__khelper.views).
  const hook = (window as unknown as { __khelper?: Record<string, unknown> }).__khelper;
  if (hook) hook.views = handle;
  return handle;
}
