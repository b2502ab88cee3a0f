// Everything the page needs to know, gathered into one Batch per frame: console bytes (the
// machine's and the worker's own notes, in order), the clock, the run state, changed paths. The
// next batch leaves only when the page has handled the previous one, so a slow page gets fewer,
// larger batches instead of a queue.
import type { Batch, BatchListener } from './api.ts';

const FRAME_MS = 16;
/** Console bytes waiting for the page beyond which the machine stops running (flow control). */
const BACKLOG_BYTES = 1 << 20;

export interface BatchSource {
  /** Console bytes the machine wrote since the last call. */
  takeConsole(): string;
  /** Everything else of the batch, read at send time. */
  snapshot(): Omit<Batch, 'tty' | 'epoch'>;
}

export class Batcher {
  private listener: BatchListener | null = null;
  private tty = '';
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
    this.schedule();
  }

  private collect(): void {
    this.tty += this.source().takeConsole();
  }

  /** Worker-made console text, placed after what the machine wrote so far. */
  note(bytes: string): void {
    this.collect();
    this.tty += bytes;
    this.schedule();
  }

  backlogged(): boolean {
    this.collect();
    return this.tty.length > BACKLOG_BYTES;
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
    const batch: Batch = { epoch: this.epoch, tty: this.tty, ...this.source().snapshot() };
    this.tty = '';
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
