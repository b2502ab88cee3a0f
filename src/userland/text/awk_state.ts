// The awk machine's data: variables (global cells, function frames with array aliasing), arrays,
// the record and its fields (lazy splitting, NF, rebuilding $0 with OFS) and special variables.
import { awkRegex } from './awk_parse.ts';
import type { PosixRegex } from './regex.ts';
import { fromInput, toNum, toStr } from './awk_value.ts';
import type { Val } from './awk_value.ts';

export class AwkArray {
  readonly m = new Map<string, Val>();
}

/** A variable; a parameter given an uninitialized variable aliases it until used as an array. */
export class Cell {
  constructor(public v: Val | AwkArray = undefined, public alias: Cell | null = null) {}
}

export class AwkRuntimeError extends Error {
  /** Output printf had produced before the error (mawk writes it). */
  partial = '';
}

export class AwkState {
  readonly globals = new Map<string, Cell>();
  frame: Map<string, Cell> | null = null;
  protected record = '';
  /** FS when the record was set: a new FS applies from the next record on. */
  private recordFS = ' ';
  private fields: Val[] | null = [];
  /** $0 as a value (strnum or string), computed on first use. */
  private recordVal: Val | null = null;
  private nf = 0;
  private readonly reCache = new Map<string, PosixRegex>();

  constructor() {
    const init: Record<string, Val> = {
      FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g',
      NR: 0, FNR: 0, RSTART: 0, RLENGTH: -1, FILENAME: '',
    };
    for (const [k, v] of Object.entries(init)) this.globals.set(k, new Cell(v));
  }

  /** A regex from a dynamic string, compiled once. */
  regexFor(src: string): PosixRegex {
    let re = this.reCache.get(src);
    if (!re) {
      re = awkRegex(src);
      if (this.reCache.size > 500) this.reCache.clear();
      this.reCache.set(src, re);
    }
    return re;
  }

  cell(name: string): Cell {
    const local = this.frame?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) { c = new Cell(); this.globals.set(name, c); }
    return c;
  }

  str(name: string): string { return toStr(this.getVar(name), this.convfmt); }
  /** CONVFMT, kept up to date by setVar (it is read on every number-to-string conversion). */
  convfmt = '%.6g';

  getVar(name: string): Val {
    if (name === 'NF' && !this.frame?.has(name)) return this.getNF();
    const c = this.cell(name);
    if (c.v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return c.v;
  }

  setVar(name: string, v: Val): void {
    if (name === 'NF' && !this.frame?.has(name)) { this.setNF(toNum(v)); return; }
    const c = this.cell(name);
    if (c.v instanceof AwkArray) throw new AwkRuntimeError(`can't assign to ${name}; it's an array name.`);
    c.v = v;
    c.alias = null;
    if (name === 'CONVFMT' && c === this.globals.get(name)) this.convfmt = toStr(v, '%.6g');
  }

  array(name: string): AwkArray {
    const c = this.cell(name);
    if (c.v instanceof AwkArray) return c.v;
    if (c.v !== undefined) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    let target: Cell = c;
    while (target.alias) target = target.alias;
    if (!(target.v instanceof AwkArray)) target.v = new AwkArray();
    c.v = target.v;
    return c.v as AwkArray;
  }

  /** Array subscript: values joined by SUBSEP, numbers through CONVFMT (integers as %d). */
  subscript(vals: Val[]): string {
    const conv = this.convfmt;
    if (vals.length === 1) return toStr(vals[0], conv);
    return vals.map((v) => toStr(v, conv)).join(this.str('SUBSEP'));
  }

  // --- the record ----------------------------------------------------------------------------

  setRecord(s: string): void {
    this.record = s;
    this.recordVal = null;
    this.recordFS = this.str('FS');
    this.fields = null;
  }

  private split(): void {
    if (this.fields) return;
    const parts = splitFields(this.record, this.recordFS, (src) => this.regexFor(src));
    this.fields = parts.map(fromInput);
    this.nf = parts.length;
  }

  getNF(): number {
    this.split();
    return this.nf;
  }

  setNF(n: number): void {
    this.split();
    n = Math.max(0, Math.trunc(n));
    const f = this.fields!;
    f.length = n;
    for (let i = this.nf; i < n; i++) f[i] = undefined;
    this.nf = n;
    this.rebuild();
  }

  getField(i: number): Val {
    if (i === 0) return this.recordVal ??= fromInput(this.record);
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    this.split();
    return i <= this.nf ? this.fields![i - 1] : undefined;
  }

  setField(i: number, v: Val): void {
    if (i === 0) { this.setRecord(toStr(v, this.convfmt)); return; }
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    this.split();
    const f = this.fields!;
    while (this.nf < i) { f[this.nf] = undefined; this.nf++; }
    f[i - 1] = v;
    this.rebuild();
  }

  private rebuild(): void {
    const ofs = this.str('OFS');
    const conv = this.convfmt;
    this.record = this.fields!.map((v) => toStr(v, conv)).join(ofs);
    this.recordVal = null;
  }
}

/**
 * Split `s` by FS as mawk does: "" gives characters, " " runs of blanks and newlines, one other
 * byte itself, anything longer a regex. (mawk adds no newline separator when RS="".)
 */
export function splitFields(s: string, fs: string, re: (src: string) => PosixRegex): string[] {
  if (s === '') return [];
  if (fs === ' ') {
    const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
    return t === '' ? [] : t.split(/[ \t\n]+/);
  }
  if (fs === '') return s.split('');
  if (fs.length === 1) return s.split(fs);
  return splitRegex(s, re(fs));
}

/** Split at each non-empty match of `r`. */
export function splitRegex(s: string, r: PosixRegex): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let from = 0;
  let start = 0;
  while (from <= s.length) {
    const m = r.exec(s, from);
    if (!m) break;
    if (m.end === m.index) { from = m.index + 1; continue; }
    out.push(s.slice(start, m.index));
    start = from = m.end;
  }
  out.push(s.slice(start));
  return out;
}
