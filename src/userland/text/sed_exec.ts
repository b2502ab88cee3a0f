// GNU sed 4.9's executor (sed/execute.c) over the TextReq protocol: the cycle, addresses and
// ranges, every command, the append queue, missing final newlines, -s/-i per-file streams.
import { strerror } from '../../uapi/errno.ts';
import type { Addr, Cmd, SedProgram } from './sed_parse.ts';
import { substitute } from './sed_subst.ts';
import type { PosixRegex } from './regex.ts';
import { RecordReader, TICK_STEPS } from './textio.ts';
import { SedOutput, lineDump } from './sed_output.ts';
import type { TextGen } from './textio.ts';

export interface SedRunOptions {
  quiet: boolean;
  /** -s, and implied by -i: each file is its own stream ($ and line numbers per file). */
  separate: boolean;
  /** -i[SUFFIX]: null when not editing in place; '' for no backup. */
  inPlace: string | null;
  /** -z: records end with NUL instead of newline. */
  nullData: boolean;
  /** -l N: line length for the l command (70). */
  lineWrap: number;
  /** --posix: N at end of input quits without printing. */
  posix: boolean;
}

type Queued = { text: string } | { rfile: string } | { Rfile: string };

class Quit {
  constructor(readonly status: number, readonly print: boolean) {}
}

/** panic(): the message is out, sed exits 4 at once (ck_getdelim()'s "read error on"). */
class Panic {}

export function* runSed(prog: SedProgram, files: readonly string[], o: SedRunOptions): TextGen<number> {
  return yield* new SedMachine(prog, files.length ? files : ['-'], o).run();
}

class SedMachine {
  private readonly out: SedOutput;
  private readonly nl: string;
  private fileIdx = -1;
  private reader: RecordReader | null = null;
  private lineNo = 0;
  private ps = '';
  private chomped = true;
  private hold = '';
  private tflag = false;
  private lastRe: PosixRegex | null = null;
  private queue: Queued[] = [];
  private status = 0;
  private steps = 0;
  /** Output of the file being edited in place, and its original text for the backup. */
  private original = '';
  private readonly rReaders = new Map<string, RecordReader>();
  private lookahead: RecordReader[] = [];

  constructor(private readonly prog: SedProgram, private readonly files: readonly string[], private readonly o: SedRunOptions) {
    this.nl = o.nullData ? '\0' : '\n';
    this.out = new SedOutput(this.nl);
  }

  private emit(text: string): TextGen<void> {
    return this.out.emit(text, this.o.inPlace !== null && this.reader !== null);
  }
  private emitPs(): TextGen<void> {
    return this.out.emitPs(this.ps, this.chomped, this.o.inPlace !== null && this.reader !== null);
  }
  private writeTo(file: string, text: string, truncateOnly = false): TextGen<void> {
    return this.out.writeTo(file, text, truncateOnly, this.o.inPlace !== null && this.reader !== null);
  }

  *run(): TextGen<number> {
    for (const f of this.prog.wfiles) yield* this.writeTo(f, '', true);
    let restart = false;
    try {
      for (;;) {
        if (!restart && !(yield* this.readPatternSpace(false))) break;
        restart = false;
        const r = yield* this.execute();
        if (r === 'restart') { restart = true; continue; }
        if (r !== 'delete' && !this.o.quiet && !this.prog.quiet) yield* this.emitPs();
      }
    } catch (e) {
      if (e instanceof Panic) {
        yield* this.out.flush();
        return 4;
      }
      if (!(e instanceof Quit)) throw e;
      if (e.print && !this.o.quiet && !this.prog.quiet) yield* this.emitPs();
      yield* this.dumpAppend();
      this.status = e.status || this.status;
    }
    yield* this.dumpAppend();
    yield* this.finishFile();
    yield* this.out.flush();
    return this.status;
  }

  private *tick(): TextGen<void> {
    if (++this.steps >= TICK_STEPS) {
      this.steps = 0;
      yield { op: 'tick' };
    }
  }

  // --- input --------------------------------------------------------------------------------

  /** read_pattern_space(): dump the append queue, then the next line (across files). */
  private *readPatternSpace(append: boolean): TextGen<boolean> {
    yield* this.dumpAppend();
    for (;;) {
      if (!this.reader && !this.openNext()) return false;
      const rec = yield* this.reader!.next(this.nl);
      if (rec) {
        if (this.o.inPlace !== null) this.original += rec.text + (rec.terminated ? this.nl : '');
        this.lineNo++;
        if (append) this.ps += '\n' + rec.text;
        else this.ps = rec.text;
        this.chomped = rec.terminated;
        this.tflag = false;
        return true;
      }
      if (this.reader!.error && !this.reader!.openFailed) {
        yield* this.out.flush();
        yield { op: 'out', fd: 2, data: `sed: read error on ${this.files[this.fileIdx]}: ${strerror(this.reader!.error)}\n` };
        throw new Panic();
      }
      if (this.reader!.error) yield* this.cantRead(this.files[this.fileIdx], this.reader!.error);
      yield* this.finishFile();
      this.reader = null;
      if (append && this.o.separate) return false;
    }
  }

  private openNext(): boolean {
    if (this.fileIdx + 1 >= this.files.length) return false;
    this.fileIdx++;
    this.reader = this.lookahead.shift() ?? this.makeReader(this.files[this.fileIdx]);
    if (this.o.separate) this.lineNo = 0;
    this.out.inPlaceBuf = '';
    this.original = '';
    return true;
  }

  private makeReader(file: string): RecordReader {
    return new RecordReader(file, () => this.out.flush());
  }

  private *cantRead(file: string, errno: number): TextGen<void> {
    this.status = 2;
    yield* this.out.flush();
    yield { op: 'out', fd: 2, data: `sed: can't read ${file}: ${strerror(errno)}\n` };
  }

  /** Is the current line the last one ($)? Peeks into later files unless they are separate. */
  private *isLast(): TextGen<boolean> {
    if (this.reader && !(yield* this.reader.atEnd())) return false;
    if (this.o.separate) return true;
    for (let i = this.fileIdx + 1; i < this.files.length; i++) {
      const k = i - this.fileIdx - 1;
      if (!this.lookahead[k]) this.lookahead[k] = this.makeReader(this.files[i]);
      if (!(yield* this.lookahead[k].atEnd())) return false;
    }
    return true;
  }

  private *finishFile(): TextGen<void> {
    if (this.o.inPlace === null || this.fileIdx < 0 || !this.reader || this.reader.error) return;
    const name = this.files[this.fileIdx];
    if (this.o.inPlace) {
      const backup = this.o.inPlace.includes('*') ? this.o.inPlace.replace(/\*/g, name) : name + this.o.inPlace;
      yield { op: 'write', file: backup, data: this.original, append: false };
    }
    yield { op: 'write', file: name, data: this.out.inPlaceBuf, append: false };
    this.out.inPlaceBuf = '';
    this.reader = null;
  }

  // --- output -------------------------------------------------------------------------------

  private *dumpAppend(): TextGen<void> {
    const q = this.queue;
    this.queue = [];
    for (const item of q) {
      if ('text' in item) yield* this.emit(item.text);
      else if ('rfile' in item) {
        const rd = new RecordReader(item.rfile);
        let data = '';
        while (!(yield* rd.atEnd())) { data += rd.pending; rd.consume(rd.pending.length); }
        if (data) yield* this.emit(data);
      } else {
        let rd = this.rReaders.get(item.Rfile);
        if (!rd) { rd = new RecordReader(item.Rfile); this.rReaders.set(item.Rfile, rd); }
        const rec = yield* rd.next('\n');
        if (rec) yield* this.emit(rec.text + '\n');
      }
    }
  }

  // --- the program --------------------------------------------------------------------------

  private *matchAddr(a: Addr): TextGen<boolean> {
    switch (a.kind) {
      case 'line': return this.lineNo === a.n;
      case 'step': return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 'last': return yield* this.isLast();
      case 're': return this.reMatch(a.re);
      default: return false;
    }
  }

  private reMatch(re: PosixRegex | null): boolean {
    const r = re ?? this.lastRe;
    if (!r) throw new Quit(-1, false);
    this.lastRe = r;
    return r.test(this.ps);
  }

  /** match_address_p(): ranges remember whether they are active, as execute.c does. */
  private *selected(c: Cmd): TextGen<boolean> {
    if (!c.a1) return true;
    // 0,/re/: the range is open before line 1, so the regex may end it on line 1.
    if (c.a1.kind === 'zero' && c.rangeEnd === undefined) {
      c.active = true;
      c.rangeEnd = 0;
    }
    if (!c.active) {
      if (c.a1.kind === 'zero') return false;
      if (!(yield* this.matchAddr(c.a1))) return false;
      if (!c.a2) return true;
      const l = this.lineNo;
      const a2 = c.a2;
      if (a2.kind === 'line' || a2.kind === 'plus' || a2.kind === 'mult') {
        c.rangeEnd = a2.kind === 'line' ? a2.n : a2.kind === 'plus' ? l + a2.n
          : a2.n <= 0 ? l : Math.ceil(l / a2.n) * a2.n;
        if (c.rangeEnd <= l) return true;
      }
      c.active = true;
      return true;
    }
    const a2 = c.a2!;
    if (a2.kind === 'line' || a2.kind === 'plus' || a2.kind === 'mult') {
      if (this.lineNo >= c.rangeEnd!) c.active = false;
      return this.lineNo <= c.rangeEnd!;
    }
    if (yield* this.matchAddr(a2)) c.active = false;
    return true;
  }

  /** execute_program(): 'end' (autoprint), 'delete' (no autoprint), 'restart' (D). */
  private *execute(): TextGen<'end' | 'delete' | 'restart'> {
    const cmds = this.prog.cmds;
    for (let pc = 0; pc < cmds.length; pc++) {
      yield* this.tick();
      const c = cmds[pc];
      let sel: boolean;
      try {
        sel = (yield* this.selected(c)) !== c.negate;
      } catch (e) {
        if (e instanceof Quit && e.status === -1) return yield* this.noPreviousRegex();
        throw e;
      }
      if (!sel) {
        if (c.name === '{') pc = c.jump!;
        continue;
      }
      switch (c.name) {
        case '{': case '}': case ':': break;
        case '=': yield* this.emit(`${this.lineNo}\n`); break;
        case 'a': this.queue.push({ text: c.text! }); break;
        case 'i': yield* this.emit(c.text!); break;
        case 'c':
          // In the middle of a range c only deletes; the text comes at the range's end.
          if (!c.active) yield* this.emit(c.text!);
          return 'delete';
        case 'd': return 'delete';
        case 'D': {
          const k = this.ps.indexOf('\n');
          if (k < 0) return 'delete';
          // Restart without reading: the append queue waits for the next read.
          this.ps = this.ps.slice(k + 1);
          return 'restart';
        }
        case 'F': yield* this.emit(`${this.files[this.fileIdx] ?? '-'}\n`); break;
        case 'g': this.ps = this.hold; break;
        case 'G': this.ps += '\n' + this.hold; break;
        case 'h': this.hold = this.ps; break;
        case 'H': this.hold += '\n' + this.ps; break;
        case 'x': [this.ps, this.hold] = [this.hold, this.ps]; break;
        case 'l': yield* this.emit(lineDump(this.ps, c.num ?? this.o.lineWrap)); break;
        case 'n':
          if (yield* this.isLast()) {
            if (!this.o.posix) throw new Quit(0, true);
            throw new Quit(0, false);
          }
          if (!this.o.quiet && !this.prog.quiet) yield* this.emitPs();
          if (!(yield* this.readPatternSpace(false))) throw new Quit(0, false);
          break;
        case 'N':
          if (yield* this.isLast()) {
            if (this.o.separate && this.fileIdx < this.files.length - 1) return 'end';
            throw new Quit(0, !this.o.posix);
          }
          if (!(yield* this.readPatternSpace(true))) return 'end';
          break;
        case 'p': yield* this.emitPs(); break;
        case 'P': {
          const k = this.ps.indexOf('\n');
          yield* this.emit((k < 0 ? this.ps : this.ps.slice(0, k)) + '\n');
          break;
        }
        case 'q': throw new Quit(c.num ?? 0, true);
        case 'Q': throw new Quit(c.num ?? 0, false);
        case 'r': this.queue.push({ rfile: c.text! }); break;
        case 'R': this.queue.push({ Rfile: c.text! }); break;
        case 's': {
          const re = c.re ?? this.lastRe;
          if (!re) return yield* this.noPreviousRegex();
          this.lastRe = re;
          const r = substitute(re, this.ps, c);
          if (r === null) break;
          this.ps = r;
          if (c.exec) {
            const output = yield* this.runCommand(this.ps);
            this.ps = output.endsWith('\n') ? output.slice(0, -1) : output;
          }
          this.tflag = true;
          if (c.print) yield* this.emitPs();
          if (c.wfile) yield* this.writeTo(c.wfile, this.ps + '\n');
          break;
        }
        case 't': if (this.tflag) { this.tflag = false; pc = jumpTarget(c, cmds.length); } break;
        case 'T': if (!this.tflag) pc = jumpTarget(c, cmds.length); else this.tflag = false; break;
        case 'b': pc = jumpTarget(c, cmds.length); break;
        case 'w': yield* this.writeTo(c.text!, this.ps + '\n'); break;
        case 'W': {
          const k = this.ps.indexOf('\n');
          yield* this.writeTo(c.text!, (k < 0 ? this.ps : this.ps.slice(0, k)) + '\n');
          break;
        }
        case 'y': {
          let s = '';
          for (const ch of this.ps) s += c.map!.get(ch) ?? ch;
          this.ps = s;
          break;
        }
        case 'z': this.ps = ''; break;
        case 'e': {
          // e COMMAND prints the command's output now; a bare e runs the pattern space and
          // replaces it with the output (less one trailing newline).
          const output = yield* this.runCommand(c.text || this.ps);
          if (c.text) yield* this.emit(output);
          else this.ps = output.endsWith('\n') ? output.slice(0, -1) : output;
          break;
        }
      }
    }
    return 'end';
  }

  private *runCommand(cmd: string): TextGen<string> {
    yield* this.out.flush();
    let output = '';
    for (;;) {
      const r = (yield { op: 'pipe-read', cmd }) as string | number;
      if (typeof r !== 'string' || r === '') break;
      output += r;
    }
    yield { op: 'pipe-close', cmd };
    return output;
  }

  private *noPreviousRegex(): TextGen<never> {
    yield* this.out.flush();
    yield { op: 'out', fd: 2, data: 'sed: no previous regular expression\n' };
    throw new Quit(1, false);
  }
}

/** Jump to a label's command (the loop's pc++ then lands right after it), or past the end. */
function jumpTarget(c: Cmd, n: number): number {
  return c.jump === -1 ? n : c.jump!;
}
