// Hand-written kernel sleeps: a few hot waits (wait_for_completion, down_timeout) are iterators
// instead of generator functions, because a suspended generator keeps its register file and
// closures alive and 100,000 sleepers make that the scavenger's work. The class below gives them
// the generator protocol around one step(): nothing runs before the first next(); return() and
// throw() at the sleep end the wait there, as they would end a generator at its `yield`.
import { SCHED } from './task.ts';
import type { KGen } from './task.ts';

/** What a sleeping wait yields: shared, as yield* reads it at once. */
export const SLEEP: IteratorYieldResult<typeof SCHED> = Object.freeze({ value: SCHED, done: false });

/** A finished wait's answer, shared per value. */
export function done<R>(value: R): IteratorReturnResult<R> {
  return Object.freeze({ value, done: true });
}

export const START = 0, SLEEPING = 1, FINISHED = 2;

export abstract class KIterator<R> implements KGen<R> {
  protected phase = START;
  /** What next() answers after the wait has finished (a generator answers `undefined`). */
  protected abstract readonly ended: IteratorReturnResult<R>;

  abstract next(): IteratorResult<typeof SCHED, R>;

  return(): IteratorResult<typeof SCHED, R> {
    this.phase = FINISHED;
    return this.ended;
  }

  throw(e: unknown): IteratorResult<typeof SCHED, R> {
    this.phase = FINISHED;
    throw e;
  }

  [Symbol.iterator](): this {
    return this;
  }
}
