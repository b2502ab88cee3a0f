// awk expressions: evaluation as generators (so getline, system() and pipes can do I/O and long
// loops yield ticks), assignment targets, user function calls with array parameters by reference.
import type { AwkProgram, Expr, Stmt } from './awk_ast.ts';
import { callBuiltin } from './awk_builtins.ts';
import { AwkOutput, RecordSource } from './awk_io.ts';
import { AwkArray, AwkRuntimeError, AwkState, Cell } from './awk_state.ts';
import { compare, fromInput, isTrue, toNum, toStr } from './awk_value.ts';
import type { Val } from './awk_value.ts';
import type { PosixRegex } from './regex.ts';
import { TICK_STEPS } from './textio.ts';
import { isPure, runSync } from './awk_sync.ts';
import type { TextGen } from './textio.ts';
import { Prng } from '../../lib/prng.ts';

export class ReturnSignal {
  constructor(readonly value: Val) {}
}

const MAX_DEPTH = 2000;

export abstract class AwkEval extends AwkState {
  readonly out = new AwkOutput();
  readonly inputs = new Map<string, RecordSource>();
  prng = new Prng(0);
  seed = 0;
  protected steps = 0;
  private depth = 0;

  constructor(protected readonly prog: AwkProgram, readonly now: number) {
    super();
  }

  /** The next record of the main input (for plain getline), or null. */
  protected abstract mainRecord(): TextGen<string | null>;

  *tick(): TextGen<void> {
    if (++this.steps >= TICK_STEPS) {
      this.steps = 0;
      yield { op: 'tick' };
    }
  }

  *eval(e: Expr): TextGen<Val> {
    if (isPure(e)) return this.evalSync(e);
    switch (e.k) {
      case 'num': case 'str': return e.v;
      case 're': return e.re.test(this.record) ? 1 : 0;
      case 'var': return this.getVar(e.name);
      case 'field': return this.getField(Math.trunc(toNum(yield* this.eval(e.index))));
      case 'index': {
        const key = yield* this.key(e.subs);
        const arr = this.array(e.name);
        if (!arr.m.has(key)) arr.m.set(key, undefined); // a reference creates the element
        return arr.m.get(key);
      }
      case 'assign': return yield* this.assign(e.target, e.op, e.value);
      case 'cond': return isTrue(yield* this.eval(e.test)) ? yield* this.eval(e.yes) : yield* this.eval(e.no);
      case 'and': return isTrue(yield* this.eval(e.left)) && isTrue(yield* this.eval(e.right)) ? 1 : 0;
      case 'or': return isTrue(yield* this.eval(e.left)) || isTrue(yield* this.eval(e.right)) ? 1 : 0;
      case 'in': {
        const key = yield* this.key(e.subs);
        return this.array(e.name).m.has(key) ? 1 : 0;
      }
      case 'match': {
        const s = toStr(yield* this.eval(e.left), this.convfmt);
        const re = yield* this.regexOf(e.re);
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(yield* this.eval(e.left), yield* this.eval(e.right), this.convfmt);
        switch (e.op) {
          case '<': return c < 0 ? 1 : 0;
          case '<=': return c <= 0 ? 1 : 0;
          case '>': return c > 0 ? 1 : 0;
          case '>=': return c >= 0 ? 1 : 0;
          case '==': return c === 0 ? 1 : 0;
          default: return c !== 0 ? 1 : 0;
        }
      }
      case 'concat': {
        let s = '';
        for (const p of e.parts) s += toStr(yield* this.eval(p), this.convfmt);
        return s;
      }
      case 'bin': return arith(e.op, toNum(yield* this.eval(e.left)), toNum(yield* this.eval(e.right)));
      case 'unary': {
        const v = yield* this.eval(e.e);
        return e.op === '!' ? (isTrue(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(yield* this.eval(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        yield* this.store(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call': return yield* this.call(e.name, e.args);
      case 'builtin': return yield* callBuiltin(this, e.name, e.args);
      case 'getline': return yield* this.getline(e);
      case 'group': throw new AwkRuntimeError('syntax error: a parenthesized list outside "in"');
    }
  }

  /** eval() for pure expressions (awk_sync.ts). */
  evalSync(e: Expr): Val {
    switch (e.k) {
      case 'num': case 'str': return e.v;
      case 're': return e.re.test(this.record) ? 1 : 0;
      case 'var': return this.getVar(e.name);
      case 'field': return this.getField(Math.trunc(toNum(this.evalSync(e.index))));
      case 'index': {
        const key = this.keySync(e.subs);
        const arr = this.array(e.name);
        if (!arr.m.has(key)) arr.m.set(key, undefined); // a reference creates the element
        return arr.m.get(key);
      }
      case 'assign': return this.assignSync(e.target, e.op, e.value);
      case 'cond': return isTrue(this.evalSync(e.test)) ? this.evalSync(e.yes) : this.evalSync(e.no);
      case 'and': return isTrue(this.evalSync(e.left)) && isTrue(this.evalSync(e.right)) ? 1 : 0;
      case 'or': return isTrue(this.evalSync(e.left)) || isTrue(this.evalSync(e.right)) ? 1 : 0;
      case 'in': {
        const key = this.keySync(e.subs);
        return this.array(e.name).m.has(key) ? 1 : 0;
      }
      case 'match': {
        const s = toStr(this.evalSync(e.left), this.convfmt);
        const re = this.regexOfSync(e.re);
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(this.evalSync(e.left), this.evalSync(e.right), this.convfmt);
        switch (e.op) {
          case '<': return c < 0 ? 1 : 0;
          case '<=': return c <= 0 ? 1 : 0;
          case '>': return c > 0 ? 1 : 0;
          case '>=': return c >= 0 ? 1 : 0;
          case '==': return c === 0 ? 1 : 0;
          default: return c !== 0 ? 1 : 0;
        }
      }
      case 'concat': {
        let s = '';
        for (const p of e.parts) s += toStr(this.evalSync(p), this.convfmt);
        return s;
      }
      case 'bin': return arith(e.op, toNum(this.evalSync(e.left)), toNum(this.evalSync(e.right)));
      case 'unary': {
        const v = this.evalSync(e.e);
        return e.op === '!' ? (isTrue(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(this.evalSync(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.storeSync(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call': throw new Error('awk: impure call in evalSync');
      case 'builtin': return runSync(callBuiltin(this, e.name, e.args));
      case 'getline': throw new Error('awk: impure getline in evalSync');
      case 'group': throw new AwkRuntimeError('syntax error: a parenthesized list outside "in"');
    }
  }

  /** A regex operand: a literal, or a string value compiled as a dynamic regex. */
  *regexOf(e: Expr): TextGen<PosixRegex> {
    if (e.k === 're') return e.re;
    return this.regexFor(toStr(yield* this.eval(e), this.convfmt));
  }

  keySync(subs: Expr[]): string {
    if (subs.length === 1) return this.subscript([this.evalSync(subs[0])]);
    return this.subscript(subs.map((x) => this.evalSync(x)));
  }

  regexOfSync(e: Expr): PosixRegex {
    if (e.k === 're') return e.re;
    return this.regexFor(toStr(this.evalSync(e), this.convfmt));
  }

  private assignSync(target: Expr, op: string, value: Expr): Val {
    if (target.k === 'var') {
      let v = this.evalSync(value);
      if (op !== '=') v = arith(op[0], toNum(this.getVar(target.name)), toNum(v));
      this.setVar(target.name, v);
      return v;
    }
    const ref = this.refSync(target);
    let v = this.evalSync(value);
    if (op !== '=') v = arith(op[0], toNum(ref.get()), toNum(v));
    ref.set(v);
    return v;
  }

  storeSync(target: Expr, v: Val): void {
    this.refSync(target).set(v);
  }

  refSync(t: Expr): { get(): Val; set(v: Val): void } {
    if (t.k === 'var') return { get: () => this.getVar(t.name), set: (v) => this.setVar(t.name, v) };
    if (t.k === 'field') {
      const i = Math.trunc(toNum(this.evalSync(t.index)));
      return { get: () => this.getField(i), set: (v) => this.setField(i, v) };
    }
    if (t.k === 'index') {
      const key = this.keySync(t.subs);
      const arr = this.array(t.name);
      return { get: () => arr.m.get(key), set: (v) => { arr.m.set(key, v); } };
    }
    throw new AwkRuntimeError('assignment to a non-variable');
  }

  *key(subs: Expr[]): TextGen<string> {
    const vals: Val[] = [];
    for (const s of subs) vals.push(yield* this.eval(s));
    return this.subscript(vals);
  }

  private *assign(target: Expr, op: string, value: Expr): TextGen<Val> {
    // The target's subscript or field number is evaluated before the value, as mawk does.
    const ref = yield* this.ref(target);
    let v = yield* this.eval(value);
    if (op !== '=') v = arith(op[0], toNum(ref.get()), toNum(v));
    ref.set(v);
    return v;
  }

  *store(target: Expr, v: Val): TextGen<void> {
    (yield* this.ref(target)).set(v);
  }

  /** An lvalue, resolved once (its subscript or field number evaluated). */
  *ref(t: Expr): TextGen<{ get(): Val; set(v: Val): void }> {
    if (t.k === 'var') return { get: () => this.getVar(t.name), set: (v) => this.setVar(t.name, v) };
    if (t.k === 'field') {
      const i = Math.trunc(toNum(yield* this.eval(t.index)));
      return { get: () => this.getField(i), set: (v) => this.setField(i, v) };
    }
    if (t.k === 'index') {
      const key = yield* this.key(t.subs);
      const arr = this.array(t.name);
      return { get: () => arr.m.get(key), set: (v) => { arr.m.set(key, v); } };
    }
    throw new AwkRuntimeError('assignment to a non-variable');
  }

  private *call(name: string, args: Expr[]): TextGen<Val> {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    if (args.length > f.params.length) throw new AwkRuntimeError(`too many arguments in call to ${name}`);
    const frame = new Map<string, Cell>();
    for (let i = 0; i < f.params.length; i++) {
      const a = args[i];
      let cell: Cell;
      if (!a) cell = new Cell();
      else if (a.k === 'var' && !(a.name === 'NF')) {
        const c = this.cell(a.name);
        cell = c.v instanceof AwkArray ? new Cell(c.v) : c.v === undefined ? new Cell(undefined, c) : new Cell(c.v);
      } else cell = new Cell(yield* this.eval(a));
      frame.set(f.params[i], cell);
    }
    if (++this.depth > MAX_DEPTH) throw new AwkRuntimeError('function call nesting too deep');
    const saved = this.frame;
    this.frame = frame;
    try {
      yield* this.execBody(f.body);
      return undefined;
    } catch (r) {
      if (r instanceof ReturnSignal) return r.value;
      throw r;
    } finally {
      this.frame = saved;
      this.depth--;
    }
  }

  protected abstract execBody(body: Stmt[]): TextGen<void>;

  /** getline in its six forms; 1 read, 0 end of input, -1 error. */
  private *getline(e: Extract<Expr, { k: 'getline' }>): TextGen<Val> {
    let rec: string | null;
    if (e.kind === 'simple') {
      rec = yield* this.mainRecord();
      if (rec === null) return 0;
      this.bump('NR');
      this.bump('FNR');
    } else {
      const name = toStr(yield* this.eval(e.src!), this.convfmt);
      let src = this.inputs.get(name);
      if (!src) {
        src = new RecordSource(name, () => this.out.stdout.flush(), e.kind === 'cmd' ? 'cmd' : 'file');
        this.inputs.set(name, src);
      }
      rec = yield* src.next(this.str('RS'), this.rsRegex());
      if (rec === null) return src.reader.error ? -1 : 0;
      // mawk counts neither NR nor FNR for "cmd | getline".
    }
    if (e.target) yield* this.store(e.target, fromInput(rec));
    else {
      this.setRecord(rec);
      if (e.kind === 'file') return 1;
    }
    return 1;
  }

  bump(name: string): void {
    this.setVar(name, toNum(this.getVar(name)) + 1);
  }

  rsRegex(): PosixRegex | null {
    const rs = this.str('RS');
    return rs.length > 1 ? this.regexFor(rs) : null;
  }
}

export function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    default: return a ** b;
  }
}
