// awk statements, patterns and the main loop: BEGIN, records from ARGV's files (with var=value
// operands), END, next/nextfile/exit, print/printf with redirections.
import type { Expr, Item, Pattern, Redirect, Stmt } from './awk_ast.ts';
import { AwkEval, ReturnSignal } from './awk_eval.ts';
import { RecordSource } from './awk_io.ts';
import { unescapeAwk } from './awk_lex.ts';
import { awkSprintf } from './awk_printf.ts';
import { AwkRuntimeError } from './awk_state.ts';
import { StrNum, fromInput, isTrue, numToStr, toNum, toStr } from './awk_value.ts';
import type { Val } from './awk_value.ts';
import { strerror } from '../../uapi/errno.ts';
import { TICK_STEPS } from './textio.ts';
import type { TextGen } from './textio.ts';
import { isPure } from './awk_sync.ts';

class Next {}
class NextFile {}
class Break {}
class Continue {}
class Exit {}
const pureBodies = new WeakMap<Stmt, Expr[] | null>();

/** The expressions of a statement made only of pure expression statements, else null. */
function pureStatements(s: Stmt): Expr[] | null {
  let r = pureBodies.get(s);
  if (r !== undefined) return r;
  r = null;
  if (s.k === 'expr' && isPure(s.e)) r = [s.e];
  else if (s.k === 'block' && s.body.every((b) => b.k === 'expr' && isPure(b.e))) {
    r = s.body.map((b) => (b as Extract<Stmt, { k: 'expr' }>).e);
  }
  pureBodies.set(s, r);
  return r;
}

/** A fatal error already reported (mawk's "cannot open"): exit 2 at once. */
export class AwkFatal extends Error {}

export class AwkMachine extends AwkEval {
  status = 0;
  private argIndex = 1;
  private usedFile = false;
  private cur: RecordSource | null = null;

  constructor(prog: ConstructorParameters<typeof AwkEval>[0], now: number, readonly progname: string) {
    super(prog, now);
  }

  *run(): TextGen<number> {
    const items = this.prog.items;
    const begin = items.filter((i) => i.pattern.k === 'BEGIN');
    const main = items.filter((i) => i.pattern.k !== 'BEGIN' && i.pattern.k !== 'END');
    const end = items.filter((i) => i.pattern.k === 'END');
    try {
      for (const it of begin) yield* this.execBody(it.action!);
      if (main.length || end.length) yield* this.records(main);
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
    }
    try {
      for (const it of end) yield* this.execBody(it.action!);
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
    }
    yield* this.out.closeAll();
    for (const [name, src] of this.inputs) if (src.kind === 'cmd') yield { op: 'pipe-close', cmd: name };
    return this.status;
  }

  private *records(main: Item[]): TextGen<void> {
    for (;;) {
      const rec = yield* this.mainRecord();
      if (rec === null) return;
      this.bump('NR');
      this.bump('FNR');
      this.setRecord(rec);
      try {
        for (const it of main) {
          if (!(yield* this.matches(it.pattern))) continue;
          if (it.action) yield* this.execBody(it.action);
          else yield* this.print([], null);
        }
      } catch (e) {
        if (e instanceof Next) continue;
        if (e instanceof NextFile) { this.cur = null; continue; }
        throw e;
      }
    }
  }

  private *matches(p: Pattern): TextGen<boolean> {
    switch (p.k) {
      case 'all': return true;
      case 'expr': return isTrue(yield* this.value(p.e));
      case 'range':
        if (!p.active) {
          if (!isTrue(yield* this.eval(p.from))) return false;
          p.active = true;
        }
        if (isTrue(yield* this.eval(p.to))) p.active = false;
        return true;
      default: return false;
    }
  }

  /** The next main-input record: ARGV[1..ARGC-1] in turn (var=value operands assign), else stdin. */
  protected *mainRecord(): TextGen<string | null> {
    for (;;) {
      if (!this.cur && !this.openNext()) return null;
      const rec = yield* this.cur!.next(this.str('RS'), this.rsRegex());
      if (rec !== null) return rec;
      if (this.cur!.reader.error) {
        yield* this.out.stdout.flush();
        // mawk's FINopen() failing says "cannot open"; a failed read(2) later is "read error".
        const r = this.cur!.reader;
        yield { op: 'out', fd: 2, data: r.openFailed ? `${this.progname}: cannot open ${r.file} (${strerror(r.error)})\n` : `${this.progname}: read error (${strerror(r.error)})\n` };
        this.status = 2;
        throw new AwkFatal();
      }
      this.cur = null;
    }
  }

  private openNext(): boolean {
    const argc = toNum(this.getVar('ARGC'));
    const argv = this.array('ARGV');
    while (this.argIndex < argc) {
      const arg = toStr(argv.m.get(String(this.argIndex++)), this.convfmt);
      if (arg === '') continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=([^]*)$/.exec(arg);
      if (m) {
        this.setVar(m[1], fromInput(unescapeAwk(m[2])));
        continue;
      }
      this.open(arg);
      return true;
    }
    if (this.usedFile) return false;
    this.open('-');
    return true;
  }

  private open(name: string): void {
    this.usedFile = true;
    this.setVar('FILENAME', name);
    this.setVar('FNR', 0);
    this.cur = new RecordSource(name, () => this.out.stdout.flush(), 'file');
  }

  *execBody(body: Stmt[]): TextGen<void> {
    for (const s of body) yield* this.exec(s);
  }

  /** The body of a loop: 'break' or 'continue' when the body said so. */
  private *loopBody(body: Stmt): TextGen<'break' | 'continue' | null> {
    const fast = pureStatements(body);
    if (fast) {
      // Only pure expression statements: no generator per iteration.
      for (const e of fast) this.evalSync(e);
      if ((this.steps += fast.length + 1) >= TICK_STEPS) {
        this.steps = 0;
        yield { op: 'tick' };
      }
      return null;
    }
    try {
      yield* this.exec(body);
    } catch (e) {
      if (e instanceof Break) return 'break';
      if (e instanceof Continue) return 'continue';
      throw e;
    }
    return null;
  }

  /** An expression's value, without a generator when it is pure. */
  private *value(e: Expr): TextGen<Val> {
    return isPure(e) ? this.evalSync(e) : yield* this.eval(e);
  }

  private *exec(s: Stmt): TextGen<void> {
    if (++this.steps >= TICK_STEPS) {
      this.steps = 0;
      yield { op: 'tick' };
    }
    switch (s.k) {
      case 'expr':
        if (isPure(s.e)) this.evalSync(s.e);
        else yield* this.eval(s.e);
        return;
      case 'print': {
        const vals: Val[] = [];
        for (const a of s.args) vals.push(isPure(a) ? this.evalSync(a) : yield* this.eval(a));
        yield* this.print(vals, s.redirect);
        return;
      }
      case 'printf': {
        const vals: Val[] = [];
        for (const a of s.args) vals.push(yield* this.eval(a));
        let text: string;
        try {
          text = awkSprintf(toStr(vals[0], this.convfmt), vals.slice(1), this.convfmt, 'printf');
        } catch (e) {
          if (e instanceof AwkRuntimeError && e.partial) yield* this.emit(e.partial, s.redirect);
          throw e;
        }
        yield* this.emit(text, s.redirect);
        return;
      }
      case 'if':
        if (isTrue(isPure(s.test) ? this.evalSync(s.test) : yield* this.eval(s.test))) yield* this.exec(s.yes);
        else if (s.no) yield* this.exec(s.no);
        return;
      case 'while': {
        const pt = isPure(s.test);
        while (isTrue(pt ? this.evalSync(s.test) : yield* this.eval(s.test))) {
          if ((yield* this.loopBody(s.body)) === 'break') break;
        }
        return;
      }
      case 'do':
        do {
          if ((yield* this.loopBody(s.body)) === 'break') break;
        } while (isTrue(yield* this.eval(s.test)));
        return;
      case 'for': {
        if (s.init) yield* this.value(s.init);
        const pt = !s.test || isPure(s.test);
        const ps = !s.step || isPure(s.step);
        while (!s.test || isTrue(pt ? this.evalSync(s.test) : yield* this.eval(s.test))) {
          if ((yield* this.loopBody(s.body)) === 'break') break;
          if (s.step) {
            if (ps) this.evalSync(s.step);
            else yield* this.eval(s.step);
          }
        }
        return;
      }
      case 'forin': {
        const arr = this.array(s.array);
        for (const k of [...arr.m.keys()]) {
          if (!arr.m.has(k)) continue;
          yield* this.store(s.var, k);
          if ((yield* this.loopBody(s.body)) === 'break') break;
        }
        return;
      }
      case 'block': yield* this.execBody(s.body); return;
      case 'next': throw new Next();
      case 'nextfile': throw new NextFile();
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'exit':
        if (s.e) this.status = toNum(yield* this.eval(s.e)) & 0xff;
        throw new Exit();
      case 'return': throw new ReturnSignal(s.e ? yield* this.eval(s.e) : undefined);
      case 'delete': {
        const arr = this.array(s.name);
        if (s.subs) arr.m.delete(yield* this.key(s.subs));
        else arr.m.clear();
        return;
      }
      case 'getline': yield* this.eval(s.e); return;
    }
  }

  /** print: OFS between items, ORS after; numbers through OFMT (integers as %d). */
  *print(vals: Val[], redirect: Redirect): TextGen<void> {
    const ofmt = this.str('OFMT');
    const items = vals.length ? vals : [this.getField(0)];
    const text = items.map((v) => (typeof v === 'number' ? numToStr(v, ofmt) : v instanceof StrNum ? v.s : v ?? '')).join(this.str('OFS'));
    yield* this.emit(text + this.str('ORS'), redirect);
  }

  private *emit(text: string, redirect: Redirect): TextGen<void> {
    if (!redirect) {
      yield* this.out.write(null, '', text);
      return;
    }
    const name = toStr(yield* this.eval(redirect.target), this.convfmt);
    const r = yield* this.out.write(redirect.mode, name, text);
    if (r < 0) {
      yield* this.out.stdout.flush();
      const what = redirect.mode === '|' ? `cannot open pipe "${name}"` : `cannot open "${name}" for output`;
      yield { op: 'out', fd: 2, data: `${this.progname}: ${what} (${strerror(-r)})\n` };
      this.status = 2;
      throw new AwkFatal();
    }
  }

  /** mawk's run-time error report. */
  runtimeError(e: AwkRuntimeError): string {
    return `${this.progname}: run time error: ${e.message}\n\tFILENAME="${this.str('FILENAME')}" FNR=${this.str('FNR')} NR=${this.str('NR')}\n`;
  }
}
