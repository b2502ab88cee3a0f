// The I/O protocol between the streaming text engines (sed, awk) and their program wrappers.
// An engine is a generator that yields TextReq records; the wrapper performs each with syscalls
// and resumes the engine with the answer. So the engines stay pure, read big or endless input
// chunk by chunk (`yes | sed 5q` ends), and let the wrapper charge CPU time on 'tick'.
export type TextReq =
  /** Burned ~TICK_STEPS interpreter steps: the wrapper calls `yield* cpu(ns)`. */
  | { op: 'tick' }
  /** Bytes for standard output (fd 1) or standard error (fd 2). Answer: ignored. */
  | { op: 'out'; fd: 1 | 2; data: string }
  /** Open a file for reading ('-' is standard input). Answer: 0 or -errno. */
  | { op: 'open'; file: string }
  /** The next chunk of an opened file. Answer: bytes, '' at end of file, or -errno. */
  | { op: 'read'; file: string }
  /** Size of a regular file ('-' is stdin) for wc's column width. Answer: bytes, -1 if not a
   *  regular file, or -errno. */
  | { op: 'size'; file: string }
  /** Entry names of a directory (grep -r), in directory order. Answer: string[] or -errno
   *  (-ENOTDIR for anything that is not a directory). */
  | { op: 'list'; dir: string }
  /** Close a file opened for reading or writing. Answer: 0 or -errno. */
  | { op: 'close'; file: string }
  /** Write to a file: the first write with append=false truncates it. Answer: 0 or -errno. */
  | { op: 'write'; file: string; data: string; append: boolean }
  /** Run `sh -c cmd` and wait (awk's system()). Answer: its wait status as awk reports it. */
  | { op: 'system'; cmd: string }
  /** Feed `cmd`'s standard input (awk's print | cmd), starting it on first use. Answer: 0/-errno. */
  | { op: 'pipe-write'; cmd: string; data: string }
  /** Read `cmd`'s standard output (cmd | getline). Answer: bytes, '' at end, or -errno. */
  | { op: 'pipe-read'; cmd: string }
  /** Close a command pipe and wait for it. Answer: its exit status. */
  | { op: 'pipe-close'; cmd: string };

export type TextGen<T> = Generator<TextReq, T, unknown>;

/** How many interpreter steps between 'tick' requests. */
export const TICK_STEPS = 256;

/**
 * The most an engine may hold of unconsumed input: the simulated machine's free memory (96 MiB,
 * what sysinfo() and /proc/meminfo report). GNU tools die with gnulib's xalloc_die() ("memory
 * exhausted") when a line outgrows memory, as `tail /dev/zero` does; here the bound also keeps
 * one JavaScript string from growing until V8 refuses it.
 */
export const MAX_BUFFERED = 96 << 20;

/** Thrown through an engine when its input outgrows MAX_BUFFERED; the wrapper reports it. */
export class MemoryExhausted extends Error {
  constructor() { super('memory exhausted'); }
}

/** Buffered standard output for an engine: flushed when large and before any blocking read. */
export class OutBuf {
  private buf = '';
  constructor(private readonly limit = 4096) {}
  add(s: string): boolean {
    this.buf += s;
    return this.buf.length >= this.limit;
  }
  *flush(): TextGen<void> {
    if (!this.buf) return;
    const data = this.buf;
    this.buf = '';
    yield { op: 'out', fd: 1, data };
  }
}

/**
 * Reads records (lines, by default) from a file through the protocol, one chunk at a time.
 * `sep` is a single-byte separator; the last record may lack it (then `terminated` is false).
 */
export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof = false;
  opened = false;
  error = 0;
  /** The error came from open(), not from a read (wc prints counts after a failed read). */
  openFailed = false;

  /** `kind` 'cmd': read a command's output through pipe-read instead of a file. */
  constructor(readonly file: string, private readonly before?: () => TextGen<void>, private readonly kind: 'file' | 'cmd' = 'file') {}
  private scanned = 0;
  /** The last chunk read, the suffix of buf: a long record is searched chunk by chunk, so the
   *  growing buf (a V8 cons string) is not flattened on every read. */
  private last = '';

  private find(sep: string, from: number): number {
    const base = this.buf.length - this.last.length;
    if (sep.length === 1 && this.last && from >= base) {
      const j = this.last.indexOf(sep, from - base);
      return j < 0 ? -1 : base + j;
    }
    return this.buf.indexOf(sep, from);
  }

  /** Next record without its separator, or null at end of input. */
  *next(sep = '\n'): TextGen<{ text: string; terminated: boolean } | null> {
    for (;;) {
      // Search only the bytes not searched before: long records stay linear.
      const i = this.find(sep, Math.max(this.pos, this.scanned));
      if (i >= 0) {
        const text = this.buf.slice(this.pos, i);
        this.pos = i + sep.length;
        this.scanned = this.pos;
        return { text, terminated: true };
      }
      this.scanned = Math.max(this.pos, this.buf.length - sep.length + 1);
      if (this.eof) {
        if (this.pos >= this.buf.length) return null;
        const text = this.buf.slice(this.pos);
        this.pos = this.buf.length;
        return { text, terminated: false };
      }
      yield* this.fill();
    }
  }

  /** True when no more bytes will come (reads ahead if needed): sed's "is this the last line". */
  *atEnd(): TextGen<boolean> {
    while (this.pos >= this.buf.length && !this.eof) yield* this.fill();
    return this.pos >= this.buf.length;
  }

  /** Everything that is left (awk's RS="" paragraph mode and regex RS work on this). */
  *peekMore(): TextGen<boolean> {
    if (this.eof) return false;
    yield* this.fill();
    return true;
  }
  get pending(): string { return this.buf.slice(this.pos); }
  consume(n: number): void { this.pos += n; }
  get ended(): boolean { return this.eof; }

  private *fill(): TextGen<void> {
    if (this.before) yield* this.before();
    if (!this.opened && this.kind === 'file') {
      this.opened = true;
      const r = (yield { op: 'open', file: this.file }) as number;
      if (r < 0) {
        this.error = -r;
        this.openFailed = true;
        this.eof = true;
        return;
      }
    }
    this.opened = true;
    const r = (yield this.kind === 'cmd' ? { op: 'pipe-read', cmd: this.file } : { op: 'read', file: this.file }) as string | number;
    if (typeof r === 'number') {
      this.error = -r;
      this.eof = true;
      return;
    }
    if (r === '') {
      this.eof = true;
      return;
    }
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.scanned = Math.max(0, this.scanned - this.pos);
      this.pos = 0;
    }
    this.buf += r;
    this.last = r;
    if (this.buf.length - this.pos > MAX_BUFFERED) throw new MemoryExhausted();
  }
}
