// bash arrays (arrayfunc.c, array.c, assoc.c): indexed arrays are sparse JS arrays, associative
// arrays Maps whose listing order is bash's hash-table order (1024 buckets, FNV-1 hash, newest
// entry first within a bucket). A variable's scalar value `v` mirrors element 0 (key "0").
import { evalArith } from './arithctx.ts';
import { ShError } from './errors.ts';
import type { ShState, Var } from './state.ts';
import { VEXPORT, VINTEGER, VLOWER, VNAMEREF, VREADONLY, VUPPER } from './state.ts';

/** bash's hash_string(): 32-bit FNV-1. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ (s.charCodeAt(i) & 0xff)) >>> 0;
  }
  return h;
}

const ASSOC_BUCKETS = 1024;

/** The keys of an associative array in the order bash lists them. */
export function assocKeys(m: Map<string, unknown>, buckets = ASSOC_BUCKETS): string[] {
  const rows: { k: string; b: number; n: number }[] = [];
  let n = 0;
  for (const k of m.keys()) rows.push({ k, b: hashString(k) & (buckets - 1), n: n++ });
  rows.sort((a, b) => a.b - b.b || b.n - a.n);
  return rows.map((r) => r.k);
}

/** The set indices of an indexed array, ascending. */
export function indexKeys(arr: readonly (string | undefined)[]): number[] {
  const out: number[] = [];
  // forEach skips holes, and visits indices in ascending order.
  arr.forEach((_v, i) => out.push(i));
  return out;
}

/** Bring the scalar mirror up to date after an element changed. */
export function syncMirror(v: Var): void {
  v.invisible = false;
  if (v.assoc) v.v = v.assoc.get('0') ?? null;
  else if (v.arr) v.v = v.arr[0] ?? null;
}

/** bash namerefs: the variable a name finally refers to (itself when not a reference). */
export function refTarget(sh: ShState, name: string): string {
  for (let depth = 0; depth < 8; depth++) {
    const v = sh.vars.get(name);
    if (!v || !(v.flags & VNAMEREF) || v.v === null || v.v === '') return name;
    name = v.v;
  }
  return name;
}

/** A reference target `name[sub]`: its parts. */
export function splitRef(target: string): [string, string] | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(target);
  return m ? [m[1], m[2]] : null;
}

/** The special arrays the shell computes: FUNCNAME, BASH_SOURCE, BASH_LINENO. */
function specialArray(sh: ShState, name: string): (string | undefined)[] | null {
  if (name === 'FUNCNAME') {
    if (!sh.frames.some((f) => f.name !== 'source')) return [];
    return [...sh.frames.map((f) => f.name), ...(sh.scriptFile ? ['main'] : [])];
  }
  if (name === 'BASH_SOURCE' && sh.bash) return [...sh.frames.map((f) => f.src), ...(sh.scriptFile ? [sh.arg0] : [])];
  if (name === 'BASH_LINENO' && sh.bash) return [...sh.frames.map((f) => String(f.line)), ...(sh.scriptFile ? ['0'] : [])];
  if (name === '@' || name === '*') return sh.params.slice();
  if (name === 'PIPESTATUS' && sh.vars.get(name)?.dyn) return sh.bashDyn.pipestatus.map(String);
  if (name === 'DIRSTACK' && sh.bash && !sh.vars.has(name)) return [sh.curdir, ...sh.dirstack];
  return null;
}

/** The values of an array variable in order (a scalar is a one-element array). */
export function arrayValues(sh: ShState, name: string): string[] {
  name = refTarget(sh, name);
  const sp = specialArray(sh, name);
  if (sp) return sp.filter((x): x is string => x !== undefined);
  const v = sh.vars.get(name);
  if (!v) return [];
  if (v.assoc) return assocKeys(v.assoc).map((k) => v.assoc!.get(k)!);
  if (v.arr) return v.arr.filter((x): x is string => x !== undefined);
  return v.v === null ? [] : [v.v];
}

/** The keys (indices) of an array variable, as ${!a[@]} lists them. */
export function arrayKeys(sh: ShState, name: string): string[] {
  name = refTarget(sh, name);
  const sp = specialArray(sh, name);
  if (sp) return indexKeys(sp).map(String);
  const v = sh.vars.get(name);
  if (!v) return [];
  if (v.assoc) return assocKeys(v.assoc);
  if (v.arr) return indexKeys(v.arr).map(String);
  return v.v === null ? [] : ['0'];
}

/** The index an (already expanded) subscript names in an indexed array: arithmetic, negative
 * values counting back from the end. */
function arrayIndex(sh: ShState, arr: readonly (string | undefined)[], sub: string, name: string): number {
  let i = Number(evalArith(sh, sub));
  if (i < 0) {
    i += arr.length;
    if (i < 0) throw new ShError(`${name}: bad array subscript`, 1);
  }
  return i;
}

/** ${name[sub]}: one element, or null when unset. */
export function getElement(sh: ShState, name: string, sub: string): string | null {
  return lookupElement(sh, name, sub).value;
}

/** ${name[sub]} with bash's "bad array subscript" case (a negative index before the start). */
export function lookupElement(sh: ShState, name: string, sub: string): { value: string | null; bad: boolean } {
  const bad = { bad: false };
  const value = getElement1(sh, name, sub, bad);
  return { value, bad: bad.bad };
}

function getElement1(sh: ShState, name: string, sub: string, bad: { bad: boolean }): string | null {
  name = refTarget(sh, name);
  const sp = specialArray(sh, name);
  if (sp) {
    let i = Number(evalArith(sh, sub));
    if (i < 0) i += sp.length;
    return sp[i] ?? null;
  }
  const v = sh.vars.get(name);
  if (v?.assoc) return v.assoc.get(sub) ?? null;
  const arr = v ? (v.arr ?? (v.v === null ? [] : [v.v])) : [];
  let i = Number(evalArith(sh, sub));
  if (i < 0) i += arr.length;
  if (i < 0 && v) bad.bad = true;
  return i < 0 ? null : arr[i] ?? null;
}

function checkWritable(v: Var | undefined, name: string): void {
  if (v && v.flags & VREADONLY) throw new ShError(`${name}: is read only`, 1, `${name}: readonly variable`);
}

/** Make `name` an array variable (declare -a / -A); a scalar value becomes element 0. */
export function makeArray(sh: ShState, name: string, assoc: boolean): Var {
  let v = sh.vars.get(name);
  if (!v) {
    v = { v: null, flags: 0 };
    sh.vars.set(name, v);
  }
  if (assoc && !v.assoc) {
    if (v.arr) throw new ShError(`${name}: cannot convert indexed to associative array`, 1);
    v.assoc = new Map(v.v === null ? [] : [['0', v.v]]);
  } else if (!assoc && !v.arr && !v.assoc) v.arr = v.v === null ? [] : [v.v];
  return v;
}

/** `name[sub]=value` (and `+=`): set one element; sub is already expanded. */
export function setElement(sh: ShState, name: string, sub: string, value: string, append: boolean): void {
  name = refTarget(sh, name);
  const v0 = sh.vars.get(name);
  checkWritable(v0, name);
  if (v0?.assoc) {
    v0.assoc.set(sub, append ? (v0.assoc.get(sub) ?? '') + value : value);
    syncMirror(v0);
    return;
  }
  const v = makeArray(sh, name, false);
  const arr = v.arr!;
  const i = arrayIndex(sh, arr, sub, `${name}[${sub}]`);
  arr[i] = append ? (arr[i] ?? '') + value : value;
  syncMirror(v);
}

/** `unset 'name[sub]'`. */
export function unsetElement(sh: ShState, name: string, sub: string): void {
  name = refTarget(sh, name);
  const v = sh.vars.get(name);
  if (!v) return;
  checkWritable(v, name);
  if (v.assoc) v.assoc.delete(sub);
  else if (v.arr) {
    if (sub === '@' || sub === '*') { sh.vars.delete(name); return; }
    const i = arrayIndex(sh, v.arr, sub, `${name}[${sub}]`);
    delete v.arr[i];
    while (v.arr.length && !(v.arr.length - 1 in v.arr)) v.arr.length--;
  } else if (Number(evalArith(sh, sub)) === 0) {
    sh.vars.delete(name);
    return;
  }
  syncMirror(v);
}

/** One element of a compound assignment `(a [k]=b c)`: an optional explicit key. */
export interface ArrayItem {
  key: string | null;
  value: string;
}

/** `name=(items)` / `name+=(items)`. */
export function assignArray(sh: ShState, name: string, items: ArrayItem[], append: boolean): void {
  name = refTarget(sh, name);
  const old = sh.vars.get(name);
  checkWritable(old, name);
  if (old?.assoc) {
    if (!append) old.assoc = new Map();
    if (items.length && items[0].key === null) {
      // bash 5.1: `m=(k1 v1 k2 v2)` assigns key-value pairs.
      for (let i = 0; i < items.length; i += 2) old.assoc.set(items[i].value, items[i + 1]?.value ?? '');
      syncMirror(old);
      return;
    }
    for (const it of items) {
      if (it.key === null) throw new ShError(`${it.value}: must use subscript when assigning associative array`, 1);
      old.assoc.set(it.key, it.value);
    }
    syncMirror(old);
    return;
  }
  const v = makeArray(sh, name, false);
  const arr: (string | undefined)[] = append ? v.arr! : [];
  let next = append ? arr.length : 0;
  for (const it of items) {
    if (it.key !== null) next = arrayIndex(sh, arr, it.key, `${name}[${it.key}]`);
    arr[next++] = it.value;
  }
  v.arr = arr;
  syncMirror(v);
}

/** A copy of a variable's array storage (for `local` and fork). */
export function cloneArrays(v: Var): Pick<Var, 'arr' | 'assoc'> {
  return { arr: v.arr?.slice(), assoc: v.assoc ? new Map(v.assoc) : undefined };
}

/** bash's var_attribute_string(): the letters of declare -p and ${x@a}. */
export function attrString(v: Var | undefined): string {
  if (!v) return '';
  return (v.arr ? 'a' : '') + (v.assoc ? 'A' : '') + (v.flags & VINTEGER ? 'i' : '') + (v.flags & VNAMEREF ? 'n' : '') +
    (v.flags & VREADONLY ? 'r' : '') + (v.flags & VEXPORT ? 'x' : '') + (v.flags & VLOWER ? 'l' : '') + (v.flags & VUPPER ? 'u' : '');
}

/** bash's double-quoted value in declare -p output. */
function dq(s: string): string {
  return `"${s.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The `(...)` text of declare -p: `([0]="a" [1]="b")`, associative `([k]="v" )`. */
export function arrayLiteral(v: Var): string {
  if (v.assoc) {
    let s = '(';
    for (const k of assocKeys(v.assoc)) s += `[${/^[A-Za-z0-9_.-]+$/.test(k) ? k : dq(k)}]=${dq(v.assoc.get(k)!)} `;
    return `${s})`;
  }
  return `(${indexKeys(v.arr ?? []).map((i) => `[${i}]=${dq(v.arr![i]!)}`).join(' ')})`;
}
