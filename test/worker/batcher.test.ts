// The worker's batches (src/worker/batcher.ts): a new machine's first batch leaves at once, posted
// before the boot call returns, so the page has the prompt with the boot's answer instead of a
// timer turn later; later batches keep to one per frame.
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/worker/batcher.ts';
import { Engine } from '../../src/worker/engine.ts';
import { DEFAULT_KERNEL } from '../../src/worker/api.ts';
import type { Batch, BootRequest } from '../../src/worker/api.ts';

const request = (): BootRequest => ({
  kernel: { ...DEFAULT_KERNEL }, changes: { files: {}, links: {}, dirs: {}, deleted: [] },
  cols: 100, rows: 30, speed: 1, state: 'running',
});

describe('batches', () => {
  it('a booted machine\'s prompt is sent before boot() returns, in the new epoch', () => {
    const e = new Engine();
    const got: Batch[] = [];
    e.batcher.subscribe(async (b) => void got.push(b));
    const info = e.boot(request());
    expect(got).toHaveLength(1);
    expect(got[0].epoch).toBe(info.epoch);
    expect(got[0].tty).toMatch(/root@khelper:~# $/);
    e.loop.pause();
  });

  it('after that first batch, the next waits for the page to take it and for the frame', async () => {
    let console = 'first';
    const b = new Batcher(() => ({
      takeConsole: () => {
        const s = console;
        console = '';
        return s;
      },
      snapshot: () => ({ now: 0, state: 'running', idle: true, events: 0, changed: [], kernel: { ...DEFAULT_KERNEL } }) as unknown as Omit<Batch, 'tty' | 'epoch'>,
    }));
    const got: string[] = [];
    let release: () => void = () => undefined;
    b.subscribe((batch) => {
      got.push(`${batch.epoch}:${batch.tty}`);
      return new Promise<void>((r) => {
        release = r;
      });
    });
    b.restart(1);
    expect(got).toEqual(['1:first']);
    console = 'second';
    b.schedule();
    await new Promise((r) => setTimeout(r, 40));
    // Still in flight: nothing more until the page answers.
    expect(got).toEqual(['1:first']);
    release();
    await new Promise((r) => setTimeout(r, 40));
    expect(got).toEqual(['1:first', '1:second']);
  });
});
