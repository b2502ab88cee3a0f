// The part of the worker API the machinery views use (timeline, tasks, kernel source, dmesg,
// counters, side by side, faults, exports). Types only; api.ts re-exports them for the page.
// Trace data travels once per frame as a ViewBatch whose typed arrays are transferred, never one
// message per event.
import type { Counters, TaskInfo, TraceChunk } from '../init/inspect.ts';
import type { DmesgRecord, StopPoint, TaskTable } from '../init/views.ts';
import type { Comparison, SideResult, SigRow, StepCompare } from '../init/compare.ts';

export type { Counters, TaskInfo, TraceChunk, DmesgRecord, StopPoint, TaskTable, Comparison, SideResult, SigRow, StepCompare };

export interface DebugState {
  lineBreakpoints: number[];
  eventBreakpoints: string[];
  /** Armed to stop at the next seed line. */
  stepping: boolean;
}

export interface ViewBatch {
  /** The machine (Batch.epoch): a new one restarts the page's store. */
  epoch: number;
  profile: string;
  /** Virtual clock, ns. */
  now: number;
  running: boolean;
  /** Trace events since the last batch (null: none new). */
  trace: TraceChunk | null;
  /** Trace events recorded so far (the page is behind when this exceeds what it received). */
  traceLength: number;
  /** The kernel's trace buffer cap (events): past it the kernel stops recording. */
  traceCap: number;
  /** Events not recorded because the buffer was full (0 while it records). */
  traceDropped: number;
  dmesg: DmesgRecord[];
  /** Log records the kernel's buffer dropped before the page saw them. */
  dmesgLost: number;
  counters: Counters;
  /** The live task table, while the page wants it (at most a few times a second). */
  tasks: TaskTable | null;
  /** Set once when a breakpoint or a line step stopped the machine. */
  stop: StopPoint | null;
  debug: DebugState;
}

export type ViewListener = (b: ViewBatch) => void | Promise<void>;

export type FaultKind = 'none' | 'hang' | 'noexec' | 'exit' | 'request';

export interface FaultSpec {
  kind: FaultKind;
  /** 'exit': the status the helper exits with (0-255). */
  status?: number;
  /** 'request': every nested helper asks again (toward the runaway limit), not just the first. */
  recursive?: boolean;
}

/** Exactly what was done to the machine, for the page to show. */
export interface FaultReport {
  kind: FaultKind;
  /** The file written (or '' when none). */
  path: string;
  mode: string;
  content: string;
  /** The sysctl command equivalent to what was set. */
  command: string;
  error?: string;
}

export type TraceFormat = 'json' | 'ftrace' | 'perfetto';

export interface ViewsApi {
  /** One ViewBatch per frame at most, each after the previous one was handled. */
  viewsSubscribe(listener: ViewListener): Promise<void>;
  /** The live task table in batches (only while a view shows it). */
  viewsWantTasks(on: boolean): Promise<void>;
  taskDetails(pid: number): Promise<TaskInfo | null>;
  setLineBreakpoints(lines: number[]): Promise<void>;
  /** Tracepoint names (sched_process_exec, sched_process_wait, printk...). */
  setEventBreakpoints(events: string[]): Promise<void>;
  /** Run until any task reaches the next line of the seed (2.6.20 profiles). */
  stepLine(): Promise<void>;
  /** Resume after a stop (a pending line step is cancelled). */
  continueRun(): Promise<void>;
  setFault(f: FaultSpec): Promise<FaultReport>;
  /** The machine's trace as a file's bytes (UTF-8). */
  exportTrace(format: TraceFormat): Promise<Blob>;
  /** Run an example on 2.6.20 and 6.6 at once and compare them. */
  compare(exampleId: string): Promise<Comparison | { error: string }>;
}
