// The program side of the text engines' TextReq protocol (src/userland/text/textio.ts): each
// request becomes syscalls — files opened and read chunk by chunk, output written at once (the
// engines buffer), commands run as `/bin/sh -c CMD` through pipes, CPU charged on 'tick'.
import { EINTR, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { O_APPEND, O_CLOEXEC, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY, S_ISDIR, S_ISREG } from '../../uapi/fcntl.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../uapi/wait.ts';
import { writeAll } from '../lib/io.ts';
import { close, cpu, dup2, execve, exit, fork, fstat, open, pipe, stat, wait4 } from '../lib/sys.ts';
import type { TextGen, TextReq } from '../text/textio.ts';
import { MemoryExhausted, TICK_STEPS } from '../text/textio.ts';

/** exit_failure as each tool sets it: grep's EXIT_TROUBLE, sed's EXIT_PANIC, sort's SORT_FAILURE. */
const EXIT_FAILURE_OF: Record<string, number> = { grep: 2, sed: 4, sort: 2 };
import { readChunk, warn } from './common.ts';
import { listNames } from './walk.ts';

/** Virtual time for TICK_STEPS interpreter steps. */
const TICK_NS = TICK_STEPS * 100;

interface Piped { pid: number; fd: number }

/** mawk's view of a wait status: the exit code, or 256 + the signal. */
export function awkStatus(status: number): number {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 256 + WTERMSIG(status);
}

function* waitFor(pid: number): UserGen<number> {
  for (;;) {
    const w = yield* wait4(pid, 0);
    if (w === -EINTR) continue;
    return typeof w === 'number' ? w : w.status;
  }
}

/** Start `sh -c cmd` with a pipe to its stdin ('w') or from its stdout ('r'). */
function* startPiped(cmd: string, dir: 'r' | 'w', envp: readonly string[]): UserGen<Piped | number> {
  const p = yield* pipe(O_CLOEXEC);
  if (typeof p === 'number') return p;
  const [rfd, wfd] = p;
  const pid = yield* fork(function* () {
    if (dir === 'w') yield* dup2(rfd, 0);
    else yield* dup2(wfd, 1);
    const r = yield* execve('/bin/sh', ['sh', '-c', cmd], envp);
    yield* writeAll(2, `sh: ${strerror(-r)}\n`);
    return yield* exit(127);
  });
  if (pid < 0) {
    yield* close(rfd);
    yield* close(wfd);
    return pid;
  }
  yield* close(dir === 'w' ? rfd : wfd);
  return { pid, fd: dir === 'w' ? wfd : rfd };
}

/**
 * Run an engine to completion; returns its exit status (1 after GNU's "write error" when
 * standard output failed and the engine did not notice).
 */
export function* runText(prog: string, gen: TextGen<number>, envp: readonly string[]): UserGen<number> {
  const reading = new Map<string, number>();
  const writing = new Map<string, number>();
  const pipesW = new Map<string, Piped>();
  const pipesR = new Map<string, Piped>();
  let outError = 0;
  let answer: unknown;
  let status: number;
  for (;;) {
    let step: IteratorResult<TextReq, number>;
    try {
      step = gen.next(answer);
    } catch (e) {
      if (!(e instanceof MemoryExhausted)) throw e;
      // gnulib xalloc_die(): "PROG: memory exhausted", exiting with the tool's exit_failure.
      yield* warn(prog, 'memory exhausted');
      status = EXIT_FAILURE_OF[prog] ?? 1;
      break;
    }
    if (step.done) {
      status = step.value;
      break;
    }
    const req: TextReq = step.value;
    answer = 0;
    switch (req.op) {
      case 'tick': yield* cpu(TICK_NS); break;
      case 'out': {
        if (req.fd === 1 && outError) break;
        const n = yield* writeAll(req.fd, req.data);
        if (n < 0 && req.fd === 1) outError = -n;
        break;
      }
      case 'open': {
        if (req.file === '-') { reading.set('-', 0); break; }
        const fd = yield* open(req.file, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) reading.set(req.file, fd);
        answer = fd < 0 ? fd : 0;
        break;
      }
      case 'read':
        // readChunk charges NS_PER_BYTE for what it read: the engines' own work is per byte.
        answer = yield* readChunk(reading.get(req.file) ?? (req.file === '-' ? 0 : -1));
        break;
      case 'size': {
        const fd = reading.get(req.file) ?? (req.file === '-' ? 0 : undefined);
        const st = fd !== undefined ? yield* fstat(fd) : yield* stat(req.file);
        answer = typeof st === 'number' ? st : S_ISREG(st.mode) ? st.size : -1;
        break;
      }
      case 'list': {
        const st = yield* stat(req.dir);
        if (typeof st === 'number') { answer = st; break; }
        answer = S_ISDIR(st.mode) ? yield* listNames(req.dir) : -ENOTDIR;
        break;
      }
      case 'close': {
        const fd = reading.get(req.file) ?? writing.get(req.file);
        reading.delete(req.file);
        writing.delete(req.file);
        if (fd !== undefined && fd > 0) answer = yield* close(fd);
        break;
      }
      case 'write': {
        let fd = writing.get(req.file);
        if (fd === undefined) {
          fd = req.file === '/dev/stdout' || req.file === '-' ? 1 : req.file === '/dev/stderr' ? 2
            : yield* open(req.file, O_WRONLY | O_CREAT | O_CLOEXEC | (req.append ? O_APPEND : O_TRUNC), 0o666);
          if (fd < 0) { answer = fd; break; }
          writing.set(req.file, fd);
        }
        const n = yield* writeAll(fd, req.data);
        answer = n < 0 ? n : 0;
        break;
      }
      case 'system': {
        const pid = yield* fork(function* () {
          const r = yield* execve('/bin/sh', ['sh', '-c', req.cmd], envp);
          yield* writeAll(2, `sh: ${strerror(-r)}\n`);
          return yield* exit(127);
        });
        answer = pid < 0 ? -1 : awkStatus(yield* waitFor(pid));
        break;
      }
      case 'pipe-write': {
        let p = pipesW.get(req.cmd);
        if (!p) {
          const s = yield* startPiped(req.cmd, 'w', envp);
          if (typeof s === 'number') { answer = s; break; }
          pipesW.set(req.cmd, (p = s));
        }
        const n = yield* writeAll(p.fd, req.data);
        answer = n < 0 ? n : 0;
        break;
      }
      case 'pipe-read': {
        let p = pipesR.get(req.cmd);
        if (!p) {
          const s = yield* startPiped(req.cmd, 'r', envp);
          if (typeof s === 'number') { answer = s; break; }
          pipesR.set(req.cmd, (p = s));
        }
        answer = yield* readChunk(p.fd);
        break;
      }
      case 'pipe-close': {
        const p = pipesW.get(req.cmd) ?? pipesR.get(req.cmd);
        if (!p) { answer = -1; break; }
        pipesW.delete(req.cmd);
        pipesR.delete(req.cmd);
        yield* close(p.fd);
        answer = awkStatus(yield* waitFor(p.pid));
        break;
      }
    }
  }
  // Exit: output pipes get EOF and are waited for, as awk does at the end.
  for (const p of [...pipesW.values(), ...pipesR.values()]) {
    yield* close(p.fd);
    yield* waitFor(p.pid);
  }
  for (const fd of writing.values()) if (fd > 2) yield* close(fd);
  if (outError) {
    yield* warn(prog, `write error: ${strerror(outError)}`);
    return 1;
  }
  return status;
}
