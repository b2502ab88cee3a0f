// Deep calls for programs whose recursion depth is set by their input (the shell's functions).
//
// A program is a generator; `yield*` nests generators on the JavaScript stack, and resuming the
// innermost one re-enters every level. A dash function costs five generator frames, so about
// 500 nested shell functions used to exhaust the JS stack where dash allows 1000 and bash goes
// on until its 8 MB C stack overflows (some 8,000 levels). A call made with deepCall() instead
// runs on an explicit stack kept by trampoline(): the JS stack only holds the frames of one
// level, and the depth is bounded by the program's own limits and the heap.
//
// The marker never reaches the kernel: trampoline() is the program's outermost generator and
// handles it; deepCall() must only be used where a trampoline runs below (the shell keeps a
// flag on its state for that).
import type { Syscall, UserGen } from '../../uapi/syscalls.ts';

/** A request to run `gen` on the trampoline's stack and resume the caller with its result. */
class DeepCall {
  constructor(readonly gen: UserGen<unknown>) {}
}

/** Run gen as a new level of the trampoline below; returns (or throws) what gen does. */
export function* deepCall<T>(gen: UserGen<T>): UserGen<T> {
  // The one place the marker is typed as a syscall: trampoline() takes it before the kernel.
  return (yield new DeepCall(gen) as unknown as Syscall) as T;
}

/**
 * Drive root and every generator it starts with deepCall(): syscalls pass through to the
 * kernel and their answers back to the innermost level; a level's return value or exception
 * goes to the level that called it, as with `yield*`. If this generator is closed early
 * (return()), the levels are closed innermost first, so their `finally` blocks run in order.
 */
export function* trampoline<T>(root: UserGen<T>): UserGen<T> {
  const stack: UserGen<unknown>[] = [root];
  let input: unknown = undefined;
  let thrown = false;
  let error: unknown = undefined;
  try {
    for (;;) {
      const top = stack[stack.length - 1];
      let r: IteratorResult<Syscall, unknown>;
      try {
        if (thrown) {
          thrown = false;
          r = top.throw(error);
        } else {
          r = top.next(input);
        }
      } catch (e) {
        stack.pop();
        if (stack.length === 0) throw e;
        thrown = true;
        error = e;
        continue;
      }
      if (r.done) {
        stack.pop();
        if (stack.length === 0) return r.value as T;
        input = r.value;
        continue;
      }
      const v: unknown = r.value;
      if (v instanceof DeepCall) {
        stack.push(v.gen);
        input = undefined;
        continue;
      }
      try {
        input = yield v as Syscall;
      } catch (e) {
        thrown = true;
        error = e;
      }
    }
  } finally {
    // Closed from outside while levels were live: unwind them like nested yield* would.
    while (stack.length) stack.pop()!.return(undefined);
  }
}
