// od's input and its two output loops: the operands read as one stream (with -j skipping and
// -N limiting), dump() for -t formats and dumpStrings() for -S.
import { S_ISREG, SEEK_CUR } from '../../uapi/fcntl.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { cpu, fstat, lseek } from '../lib/sys.ts';
import { closeInput, isatty, openInput, readChunk, warn, warnErrno } from './common.ts';
import type { Output } from './common.ts';
import { formatBlock, isprint } from './od_format.ts';
import type { Addresser, Spec } from './od_format.ts';
import { quotef } from './quote.ts';

/** What dump() reads of od's settings. */
export interface DumpSettings { specs: Spec[]; dupes: boolean; swap: boolean }

/** The operands as one stream: od.c's open_next_file, check_and_close, read_block and skip. */
export class Input {
  fd = -1;
  ok = true;
  private next = 0;
  private name = '';
  private buf = '';
  private pos = 0;
  /** `exact`: read no more than asked (GNU unbuffers its stream under -N, leaving the rest of a pipe). */
  constructor(private readonly files: string[], private readonly prog: string, private readonly out: Output, private readonly exact: boolean) {}

  private *fail(errno: number): UserGen<void> {
    yield* this.out.flush();
    yield* warnErrno(this.prog, quotef(this.name), errno);
    this.ok = false;
  }

  /** The next operand that opens (a failure is reported and skipped); fd -1 when none is left. */
  *openNext(): UserGen<void> {
    this.fd = -1;
    while (this.next < this.files.length) {
      const f = this.files[this.next++];
      this.name = f === '-' ? 'standard input' : f;
      const fd = yield* openInput(f);
      if (fd >= 0) {
        this.fd = fd;
        return;
      }
      yield* this.fail(fd);
    }
  }

  /** check_and_close(): a read error is reported, and a failed standard output; standard input stays open. */
  *close(errno = 0): UserGen<void> {
    if (errno) yield* this.fail(errno);
    yield* closeInput(this.fd);
    [this.fd, this.buf, this.pos] = [-1, '', 0];
    if (this.out.error) {
      yield* warn(this.prog, 'write error');
      this.ok = false;
    }
  }

  /** check_and_close() then open_next_file(). */
  *advance(errno = 0): UserGen<void> {
    yield* this.close(errno);
    yield* this.openNext();
  }

  /** Up to n bytes of the current file: '' at its end, -errno after a failed read. */
  private *some(n: number): UserGen<string | number> {
    if (this.pos >= this.buf.length) {
      const r = yield* readChunk(this.fd, this.exact ? n : 65536);
      if (typeof r === 'number' || r === '') return r;
      [this.buf, this.pos] = [r, 0];
    }
    const s = this.buf.slice(this.pos, this.pos + n);
    this.pos += s.length;
    return s;
  }

  /** read_block(): n bytes across file boundaries, fewer only when the last file ends. */
  *read(n: number): UserGen<string> {
    let got = '';
    while (got.length < n && this.fd >= 0) {
      const s = yield* this.some(n - got.length);
      if (typeof s === 'number' || s === '') yield* this.advance(typeof s === 'number' ? s : 0);
      else got += s;
    }
    return got;
  }

  /** skip(): seek within a regular file bigger than a block (or any seekable non-file), else read. False past the end. */
  *skip(n: number): UserGen<boolean> {
    while (n > 0 && this.fd >= 0) {
      const st = yield* fstat(this.fd);
      if (typeof st !== 'number' && S_ISREG(st.mode) && st.blksize < st.size) {
        if (st.size < n) n -= st.size;
        else {
          yield* lseek(this.fd, n, SEEK_CUR);
          return true;
        }
      } else if (typeof st !== 'number' && !S_ISREG(st.mode) && (yield* lseek(this.fd, n, SEEK_CUR)) >= 0) return true;
      else {
        if (typeof st === 'number') yield* this.fail(st);
        for (;;) {
          const s = typeof st === 'number' ? '' : yield* this.some(Math.min(n, 8192));
          if (typeof s === 'number' || s === '') {
            if (n > 0) yield* this.advance(typeof s === 'number' ? s : 0);
            break;
          }
          n -= s.length;
          if (n === 0) return true;
        }
        continue;
      }
      yield* this.advance();
    }
    if (n === 0) return true;
    yield* this.out.flush();
    yield* warn(this.prog, 'cannot skip past end of combined input');
    return false;
  }
}

/** dump(): blocks of bpb bytes, each formatted once per spec; the last one padded with zeros. */
export function* dump(input: Input, out: Output, addr: Addresser, st: DumpSettings, bpb: number, start: number, end: number): UserGen<void> {
  const tty = yield* isatty(1);
  let offset = start;
  let prev: string | null = null;
  let prevEqual = false;
  for (;;) {
    const need = Math.min(end - offset, bpb);
    const block = need > 0 ? yield* input.read(need) : '';
    const n = block.length;
    if (n === 0) break;
    if (!st.dupes && prev !== null && n === bpb && block === prev) {
      if (!prevEqual) yield* out.put('*\n');
      prevEqual = true;
    } else {
      prevEqual = false;
      const text = formatBlock(st.specs, block, bpb, addr, offset, st.swap);
      yield* out.put(text);
      // Formatting costs more than reading: a few dozen ns per byte and type.
      yield* cpu(n * st.specs.length * 20);
      if (tty) yield* out.flush();
    }
    prev = block;
    offset += n;
    if (n < bpb) break;
  }
  yield* out.put(addr.format(offset, '\n'));
  if (offset >= end) yield* input.close();
}

/** dump_strings() (-S): runs of at least `min` printable bytes ended by a NUL, with their offsets. */
export function* dumpStrings(input: Input, out: Output, addr: Addresser, min: number, start: number, end: number): UserGen<void> {
  let address = start;
  const limited = end !== Infinity;
  const getc = function* (): UserGen<number> {
    address++;
    const s = yield* input.read(1);
    return s === '' ? -1 : s.charCodeAt(0);
  };
  next: for (;;) {
    if (limited && (end < min || end - min <= address)) break;
    let s = '';
    for (let i = 0; i < min; i++) {
      const c = yield* getc();
      if (c < 0) return;
      if (!isprint(c)) continue next;
      s += String.fromCharCode(c);
    }
    // Past -N's end the string is printed without its NUL, as GNU does.
    while (!limited || address < end) {
      const c = yield* getc();
      if (c < 0) return;
      if (c === 0) break;
      if (!isprint(c)) continue next;
      s += String.fromCharCode(c);
    }
    yield* out.put(`${addr.format(address - s.length - 1, ' ')}${s}\n`);
    yield* cpu(s.length * 20);
  }
  yield* input.close();
}
