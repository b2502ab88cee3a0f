// The typed API between the page and the engine's worker (types and the default kernel settings:
// the UI imports nothing else from src/worker). Bytes cross as binary strings (one char per byte, src/lib/bytes.ts). The page
// calls methods through comlink; the worker answers control calls at once and sends everything
// that happens while the machine runs as one Batch per frame.

import type { ViewsApi } from './views_api.ts';

export type * from './views_api.ts';

export type ProfileName = '2.6.20' | '2.6.21' | '6.6';
export type Arch = 'x86_64' | 'i386';
/** Virtual seconds per real second, or 'max': run as fast as the CPU allows. */
export type Speed = number | 'max';

/** Kernel settings: a change of profile or arch reboots (files kept); the rest are sysctls. */
export interface KernelSettings {
  profile: ProfileName;
  arch: Arch;
  threadsMax: number;
  modprobePath: string;
}

/**
 * A fresh playground's kernel. The worker boots a machine with these while it waits for the
 * page's first boot request (machine.worker.ts), so both sides must agree on them.
 */
export const DEFAULT_KERNEL: Readonly<KernelSettings> = { profile: '2.6.20', arch: 'x86_64', threadsMax: 2048, modprobePath: '/sbin/modprobe' };

export type RunState = 'running' | 'paused';

/** What the user changed against the default root filesystem of their profile. */
export interface FileChanges {
  /** Regular files: content as a binary string, mode as permission bits (0o755). */
  files: Record<string, { content: string; mode: number }>;
  links: Record<string, string>;
  /** Directories the default system lacks (with their permission bits). */
  dirs: Record<string, number>;
  /** Paths of the default system the user removed. */
  deleted: string[];
}

export interface BootRequest {
  kernel: KernelSettings;
  /** Laid over the default root filesystem before boot. */
  changes?: FileChanges;
  cols: number;
  rows: number;
  speed: Speed;
  state: RunState;
  /**
   * The epoch of the first machine of a fresh worker: the page's watchdog restarts the worker and
   * its epochs go on from the dead one's, so the page never mistakes new batches for old ones.
   */
  firstEpoch?: number;
}

export interface BootInfo {
  /** Increments at every boot; batches carry it so the page can drop a previous machine's output. */
  epoch: number;
  release: string;
  kernel: KernelSettings;
  /** Files that could not be laid (path, message). */
  fileErrors: [string, string][];
}

export interface ExampleInfo {
  id: string;
  name: string;
  /** Markdown. */
  description: string;
  profile: ProfileName;
  steps: number;
}

export interface ExampleStatus {
  id: string;
  name: string;
  /** Steps finished so far. */
  done: number;
  steps: number;
  finished: boolean;
}

export interface Batch {
  epoch: number;
  /** Console bytes since the last batch. */
  tty: string;
  /** Virtual clock, ns. */
  now: number;
  state: RunState;
  /** Nothing is runnable and no timer is armed: the machine waits for the keyboard. */
  idle: boolean;
  /** Scheduler events so far. */
  events: number;
  /** Paths (under / and /tmp) created, removed or modified since the last batch. */
  changed: string[];
  /** Current sysctl values of the settings (they can be changed from the console). */
  kernel: KernelSettings;
  example: ExampleStatus | null;
}

export type BatchListener = (batch: Batch) => void | Promise<void>;

/** A finished step of the running scenario: its one-line title and its result (scenario-format.md). */
export interface StepOutcome {
  title: string;
  result:
    | { exitCode: number; stdout: string; stderr: string; timedOut?: boolean }
    | { rets: number[] | Record<string, number>; timedOut?: boolean }
    | { ret: number; timedOut?: boolean }
    | { advanced: number };
}

export interface RunResults {
  id: string;
  name: string;
  steps: number;
  finished: boolean;
  outcomes: StepOutcome[];
  /** Loaded modules, oldest first. */
  modules: string[];
}

/** A share link's scenario (JSON text) and what it could not hold. */
export interface SharedState {
  json: string;
  skipped: string[];
}

export type EntryKind = 'dir' | 'file' | 'link' | 'char' | 'block' | 'fifo' | 'socket';

export interface FileEntry {
  name: string;
  path: string;
  kind: EntryKind;
  /** Permission bits. */
  mode: number;
  size: number;
  target?: string;
}

export type FileContent =
  | { kind: 'text'; path: string; bytes: string; mode: number }
  /** A native program image ("\x7fELF..."): the program's name. */
  | { kind: 'native'; path: string; program: string; mode: number }
  | { kind: 'binary'; path: string; size: number; mode: number };

/** ok, or the C library's message for the errno (e.g. "No such file or directory"). */
export type FsResult = { ok: true } | { ok: false; error: string };

export interface Diagnostic {
  /** 1-based line. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The machinery views' methods (timeline, tasks, source, dmesg...) are in views_api.ts. */
export interface MachineApi extends ViewsApi {
  /** Batches arrive at most once per frame, each after the previous one was handled. */
  subscribe(listener: BatchListener): Promise<void>;
  boot(req: BootRequest): Promise<BootInfo>;
  /** Reboot with the same settings, keeping the user's files. */
  reset(): Promise<BootInfo>;
  /** Apply kernel settings: profile or arch reboot (files kept), the rest go through sysctl. */
  setKernel(settings: KernelSettings): Promise<BootInfo | null>;
  input(bytes: string): Promise<void>;
  resize(cols: number, rows: number): Promise<void>;
  run(): Promise<void>;
  pause(): Promise<void>;
  /** One scheduler event (or, with nothing to do, one millisecond of idle time). Pauses first. */
  step(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;

  list(path: string): Promise<FileEntry[] | { error: string }>;
  read(path: string): Promise<FileContent | { error: string }>;
  /** Create or replace a regular file; mode defaults to the file's current one (0644 if new). */
  write(path: string, bytes: string, mode?: number): Promise<FsResult>;
  mkdir(path: string): Promise<FsResult>;
  remove(path: string): Promise<FsResult>;
  rename(from: string, to: string): Promise<FsResult>;
  chmod(path: string, mode: number): Promise<FsResult>;
  /** Lines kmod (or the .ko parser) would reject, for the editor's underlines. */
  diagnose(path: string, bytes: string): Promise<Diagnostic[]>;
  /** Write an editable wrapper for /sbin/modprobe and make the kernel run it; returns its path. */
  replaceModprobe(): Promise<string>;
  userChanges(): Promise<FileChanges>;

  examples(): Promise<ExampleInfo[]>;
  loadExample(id: string): Promise<BootInfo | { error: string }>;
  /** The whole state (settings and changed files) as a scenario document (JSON text). */
  exportScenario(name: string): Promise<string>;
  importScenario(json: string): Promise<BootInfo | { error: string }>;
  /** The state as a scenario for a share link (docs/design/share.md); `view` is stored as is. */
  shareScenario(view?: Record<string, unknown>): Promise<SharedState>;
  /** The running scenario's finished steps, or null when none was started (embeds post them). */
  results(): Promise<RunResults | null>;
  /** The watchdog's heartbeat: answered between two run slices. */
  ping(n: number): Promise<number>;
  /**
   * End-to-end tests only: false unless the page started the worker in test mode (a flag only a
   * test's init script can set; no URL, share link or embed reaches it).
   */
  __test(cmd: TestCommand): Promise<boolean>;
}

export type TestCommand =
  /** Block the worker for ms, as a run slice that never ends would (an engine bug). */
  | { hang: number }
  /** The trace cap (events) of the machines booted from now on. */
  | { traceCap: number };
