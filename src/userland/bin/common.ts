// What every core utility shares: diagnostics on stderr ("prog: ..."), buffered standard output
// that remembers a write error (GNU's close_stdout: "prog: write error: ..." and exit 1), input
// files with '-' as standard input, and CPU charges for long loops.
import { EINTR, strerror } from '../../uapi/errno.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { quoteC } from './quote.ts';
import { close, cpu, getWinsize, open, read, tcgetattr } from '../lib/sys.ts';

/** Write a diagnostic line "prog: msg" to standard error. */
export function* warn(prog: string, msg: string): UserGen<void> {
  yield* writeAll(2, `${prog}: ${msg}\n`);
}

/** "prog: msg: strerror(errno)" (errno positive or negative). */
export function* warnErrno(prog: string, msg: string, errno: number): UserGen<void> {
  yield* warn(prog, `${msg}: ${strerror(Math.abs(errno))}`);
}

/** GNU's "Try 'prog --help' for more information." after a usage error. */
export function* tryHelp(prog: string): UserGen<void> {
  yield* writeAll(2, `Try '${prog} --help' for more information.\n`);
}

/** The two-operand tools' check (comm, join): "missing operand [after 'A']" or "extra operand 'C'". */
export function* twoOperands(prog: string, operands: readonly string[]): UserGen<boolean> {
  if (operands.length === 2) return true;
  yield* warn(prog, operands.length > 2 ? `extra operand ${quoteC(operands[2])}`
    : operands.length ? `missing operand after ${quoteC(operands[0])}` : 'missing operand');
  yield* tryHelp(prog);
  return false;
}

/**
 * Buffered standard output. A failed write is remembered and later output dropped; finish()
 * reports it like gnulib's close_stdout. (With SIGPIPE at its default, the kernel kills the
 * process on a broken pipe before write returns, as with the real tools.)
 */
export class Output {
  private buf = '';
  error = 0;
  constructor(readonly fd = 1, private readonly limit = 8192) {}

  *put(s: string): UserGen<void> {
    if (this.error) return;
    this.buf += s;
    if (this.buf.length >= this.limit) yield* this.flush();
  }

  *flush(): UserGen<void> {
    if (!this.buf || this.error) {
      this.buf = '';
      return;
    }
    const b = this.buf;
    this.buf = '';
    const n = yield* writeAll(this.fd, b);
    if (n < 0) this.error = -n;
  }

  /** Flush and return `status`, or 1 after "prog: write error: ..." if a write failed. */
  *finish(prog: string, status: number): UserGen<number> {
    yield* this.flush();
    if (this.error) {
      yield* warn(prog, `write error: ${strerror(this.error)}`);
      return 1;
    }
    return status;
  }
}

/** Open an input operand: '-' is standard input (fd 0, not closed later). fd or -errno. */
export function* openInput(name: string): UserGen<number> {
  if (name === '-') return 0;
  return yield* open(name, O_RDONLY);
}

export function* closeInput(fd: number): UserGen<void> {
  if (fd > 0) yield* close(fd);
}

/** Virtual CPU cost of handling one byte of text in a utility's inner loop. */
export const NS_PER_BYTE = 2;

/** One read(2), retried on EINTR; charges CPU for what it got. Bytes, '' at EOF, or -errno. */
export function* readChunk(fd: number, size = 65536): UserGen<string | number> {
  for (;;) {
    const r = yield* read(fd, size);
    if (r === -EINTR) continue;
    if (typeof r === 'string' && r.length) yield* cpu(r.length * NS_PER_BYTE);
    return r;
  }
}

/** Read a whole descriptor: bytes, or -errno (with whatever came before the error lost). */
export function* slurp(fd: number): UserGen<string | number> {
  let buf = '';
  for (;;) {
    const r = yield* readChunk(fd);
    if (typeof r === 'number') return r;
    if (r === '') return buf;
    buf += r;
  }
}

/** Charges CPU every `every` steps of a long loop (a preemption point). */
export class Ticker {
  private n = 0;
  constructor(private readonly every = 256, private readonly ns = 100) {}
  *tick(): UserGen<void> {
    if (++this.n >= this.every) {
      this.n = 0;
      yield* cpu(this.every * this.ns);
    }
  }
}

/** isatty(fd): TCGETS succeeds only on a terminal. */
export function* isatty(fd: number): UserGen<boolean> {
  const r = yield* tcgetattr(fd);
  return typeof r !== 'number';
}

/** The terminal width for column output: TIOCGWINSZ, else $COLUMNS, else 80. */
export function* termWidth(fd: number, envp: readonly string[]): UserGen<number> {
  const ws = yield* getWinsize(fd);
  if (typeof ws !== 'number' && ws && ws.cols > 0) return ws.cols;
  const c = getenv(envp, 'COLUMNS');
  if (c && /^\d+$/.test(c) && Number(c) > 0) return Number(c);
  return 80;
}

export function getenv(envp: readonly string[], name: string): string | undefined {
  const p = `${name}=`;
  for (let i = envp.length - 1; i >= 0; i--) if (envp[i].startsWith(p)) return envp[i].slice(p.length);
  return undefined;
}

/** The last path component of argv[0], for tools that report themselves by short name. */
export function baseName(argv0: string): string {
  const s = argv0.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1) || argv0;
}
