// Everything the page needs to know, gathered into one Batch per frame: console bytes (the
// machine's and the worker's own notes, in order), the clock, the run state, changed paths. The
// next batch leaves only when the page has handled the previous one (the page answers once its
// terminal has parsed the bytes), so a slow page gets fewer batches, never a queue.
//
// Console bytes stay bounded on the way: the kernel's tty keeps at most Tty.BACKLOG (1 MiB) for
// the host and then blocks its writers, as a pty whose reader is slow does (kernel/tty.ts); the
// batcher takes from it only once it has sent everything it took before, so the worker itself
// holds at most one such take plus its own notes; and a batch carries at most BATCH_TTY bytes, so
// the page parses a little at a time and a reboot's prompt never waits behind a flood.
import type { Batch, BatchListener } from './api.ts';

const FRAME_MS = 16;
/** Console bytes per batch at most (the rest follows in the next batches). */
export const BATCH_TTY = 64 * 1024;

export interface BatchSource {
  /** Console bytes the machine wrote since the last call. */
  takeConsole(): string;
  /** Everything else of the batch, read at send time. */
  snapshot(): Omit<Batch, 'tty' | 'epoch'>;
  /** Console bytes were taken: writers the console held back may go on (the machine should run). */
  drained?(): void;
}

export class Batcher {
  private listener: BatchListener | null = null;
  /** Console bytes taken from the machine (and notes), not yet sent. */
  private tty = '';
  /** Notes that wait for the machine's bytes written before them. */
  private notes: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private wanted = false;
  private lastFlush = -Infinity;
  epoch = 0;

  constructor(private readonly source: () => BatchSource) {}

  subscribe(l: BatchListener): void {
    this.listener = l;
    this.schedule();
  }

  /** A new machine: what the old one wrote and not yet sent is dropped. */
  restart(epoch: number): void {
    this.epoch = epoch;
    this.tty = '';
    this.notes = [];
    this.schedule();
  }

  /** Bytes held here for the page (the machine's tty holds its own, bounded, share). */
  pending(): number {
    return this.tty.length + this.notes.reduce((n, s) => n + s.length, 0);
  }

  /** Take the machine's console bytes, but only once everything taken before has been sent. */
  private collect(): void {
    if (this.tty) return;
    const src = this.source();
    const bytes = src.takeConsole();
    this.tty = bytes + this.notes.join('');
    this.notes = [];
    if (bytes) src.drained?.();
  }

  /** Worker-made console text, placed after what the machine wrote so far. */
  note(bytes: string): void {
    this.notes.push(bytes);
    this.collect();
    this.schedule();
  }

  schedule(): void {
    this.wanted = true;
    if (this.timer !== null || this.inFlight || !this.listener || this.epoch === 0) return;
    // The first batch after a quiet spell leaves at once (the echo of a key, a new prompt).
    const wait = Math.max(0, this.lastFlush + FRAME_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (!this.listener || !this.wanted) return;
    this.wanted = false;
    this.lastFlush = performance.now();
    this.collect();
    const tty = this.tty.slice(0, BATCH_TTY);
    this.tty = this.tty.slice(tty.length);
    const batch: Batch = { epoch: this.epoch, tty, ...this.source().snapshot() };
    // More bytes than one batch carries: the next batch follows as soon as this one is handled.
    if (this.tty) this.wanted = true;
    this.inFlight = true;
    try {
      await this.listener(batch);
    } catch (_e) {
      // The page went away or its handler threw: the next batch tries again.
    } finally {
      this.inFlight = false;
    }
    if (this.wanted) this.schedule();
  }
}
