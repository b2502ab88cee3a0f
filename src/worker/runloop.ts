// Drives the machine in short slices of real time so that the worker never blocks: between two
// slices the event loop delivers Pause, Step, Reset and keyboard input (a slice lasts at most
// SLICE_MS plus the scheduler event it was in). Virtual time follows real time times the speed; at
// 'max' the machine runs flat out and stops when it has nothing to do. Console output needs no
// flow control here: the kernel's tty blocks its writers until the batcher takes their bytes.
import type { Machine } from '../init/machine.ts';
import { letIdleTimePass, nextTimer } from '../init/host_api.ts';
import type { RunState, Speed } from './api.ts';
import { programsPending, whenProgramsLoaded } from './programs_loader.ts';

/** Wall-clock budget of one slice (ms). */
const SLICE_MS = 8;
/** Frame period (ms): the clock on the page moves at least this often while running. */
const FRAME_MS = 16;
/** A machine this far (virtual ns) behind real time gives up catching up: it is simply slower. */
const MAX_LAG_NS = 50e6;
/** What Step lets pass on a machine with nothing to do (1 ms of idle time). */
const IDLE_STEP_NS = 1e6;

/** Something that follows the run (an example's steps): it may bound how far a slice goes. */
export interface Follower {
  /** Called before and after every slice. */
  poll(): void;
  /** Virtual time at which the follower wants the run to stop and poll again. */
  until(): number;
  active(): boolean;
}

export interface LoopHost {
  machine(): Machine;
  follower(): Follower | null;
  /** After every slice or step (the page should get a batch). */
  ran(): void;
  /** The engine threw (a bug in the model): the loop has paused. */
  crashed(e: unknown): void;
  /** Checked after every scheduler event: true stops the run there (an event breakpoint). */
  watch?(): boolean;
  /** A breakpoint or line step stopped the machine: the loop has paused. */
  hitBreak?(): void;
}

export class RunLoop {
  state: RunState = 'running';
  speed: Speed = 1;
  private anchorWall = 0;
  private anchorVirt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate = false;
  private awaiting = false;
  private readonly channel = new MessageChannel();

  constructor(private readonly host: LoopHost) {
    // A MessageChannel wakes the worker at once (setTimeout(0) is clamped to 4 ms when nested).
    this.channel.port1.onmessage = () => {
      this.immediate = false;
      this.tick();
    };
  }

  /** (Re)start the real-time anchor at the machine's current clock. */
  reanchor(): void {
    this.anchorWall = performance.now();
    this.anchorVirt = this.host.machine().now;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.reanchor();
    this.kick();
  }

  run(): void {
    this.state = 'running';
    this.reanchor();
    this.kick();
  }

  pause(): void {
    this.state = 'paused';
    this.cancel();
  }

  /** One scheduler event; with nothing runnable and no timer, a millisecond of idle time. */
  step(): void {
    this.pause();
    if (programsPending()) {
      void whenProgramsLoaded().then(() => this.step());
      return;
    }
    const m = this.host.machine();
    const f = this.host.follower();
    f?.poll();
    try {
      const stop = m.run({ maxEvents: 1, until: Math.min(f?.until() ?? Infinity, m.now + 3600e9) });
      if (stop === 'idle') letIdleTimePass(m, m.now + IDLE_STEP_NS);
      f?.poll();
      if (stop === 'break') this.host.hitBreak?.();
    } catch (e) {
      this.host.crashed(e);
    }
    this.host.ran();
  }

  /** Something happened (input, a new machine): run soon if running. */
  kick(): void {
    if (this.state !== 'running') return;
    this.cancel();
    this.scheduleNow();
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleNow(): void {
    if (this.immediate) return;
    this.immediate = true;
    this.channel.port2.postMessage(0);
  }

  private scheduleIn(ms: number): void {
    if (this.timer !== null || this.immediate) return;
    if (ms <= 0) this.scheduleNow();
    else this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, ms);
  }

  private tick(): void {
    // A program's code may still be on its way (programs_loader.ts): the machine waits, as if
    // paused, and goes on from the same virtual time once it is in.
    if (programsPending()) {
      if (!this.awaiting) {
        this.awaiting = true;
        void whenProgramsLoaded().then(() => {
          this.awaiting = false;
          this.reanchor();
          this.kick();
        });
      }
      return;
    }
    try {
      this.slice();
    } catch (e) {
      this.pause();
      this.host.crashed(e);
      this.host.ran();
    }
  }

  private slice(): void {
    if (this.state !== 'running') return;
    const m = this.host.machine();
    const f = this.host.follower();
    const wall = performance.now();
    const deadline = wall + SLICE_MS;
    const max = this.speed === 'max';
    const target = max ? Infinity : this.anchorVirt + (wall - this.anchorWall) * 1e6 * (this.speed as number);
    f?.poll();
    const until = Math.min(target, f && f.active() ? f.until() : Infinity);
    let late = false;
    const watch = this.host.watch;
    // The clock is read after every event: one event can cost milliseconds (a fork at 2000
    // tasks), while performance.now() costs well under a microsecond.
    const stop = m.run({
      until, stopWhen: () => {
        if (watch && watch.call(this.host)) return true;
        late = performance.now() > deadline;
        return late;
      },
    });
    // Idle: time passes (to the target at a real-time speed, to the step's end for an example).
    if (stop === 'idle' && Number.isFinite(until)) letIdleTimePass(m, until);
    f?.poll();
    if (stop === 'break' && !late) {
      // A seed-line breakpoint, a line step or an event breakpoint: stay stopped there.
      this.pause();
      this.host.ran();
      this.host.hitBreak?.();
      return;
    }
    if (!max && stop === 'break' && m.now < target - MAX_LAG_NS) {
      // Slower than real time at this speed: drop the debt instead of racing to repay it.
      this.anchorWall = performance.now();
      this.anchorVirt = m.now;
    }
    this.host.ran();
    if (stop === 'halt') return;
    if (stop === 'break' || stop === 'budget' || until < target) this.scheduleNow();
    else if (!max) {
      const next = nextTimer(m);
      const wait = next === undefined ? FRAME_MS : (next - m.now) / 1e6 / (this.speed as number);
      this.scheduleIn(Math.min(FRAME_MS, Math.max(0, wait)));
    }
    // else: flat out with nothing to do; input or a new machine kick()s the loop again.
  }
}
