// The one worker that holds the whole engine. Output is collected and flushed once per frame.
import * as Comlink from 'comlink';
import { Machine } from '../init/machine.ts';
import type { Batch, BatchListener, MachineApi } from './api.ts';

const FRAME_MS = 16;
let machine = new Machine();
let listener: BatchListener | null = null;
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleFlush(): void {
  if (flushTimer !== null) return;
  flushTimer = setTimeout(() => {
    flushTimer = null;
    const out = machine.drain();
    if (listener && out.tty) {
      const batch: Batch = { tty: out.tty };
      listener(batch);
    }
  }, FRAME_MS);
}

const api: MachineApi = {
  async boot() {
    machine = new Machine();
    machine.boot();
    scheduleFlush();
  },
  async input(data) {
    machine.input(data);
    scheduleFlush();
  },
  async subscribe(l) {
    listener = l;
    scheduleFlush();
  },
  async ping(n) {
    return n;
  },
};

Comlink.expose(api);
