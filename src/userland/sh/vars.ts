// Shell variables, after dash's var.c: setvar/lookupvar/unsetvar, `local` frames, the exported
// environment (in dash's hash-table order, so `env` lists variables as dash would pass them),
// and the `name='value'` listings of set / export -p / readonly -p.
import { ShError } from './errors.ts';
import type { ShState, Var } from './state.ts';
import { VEXPORT, VINTEGER, VLOWER, VNAMEREF, VREADONLY, VUPPER } from './state.ts';
import { arrayValues, getElement, refTarget, setElement, splitRef, unsetElement } from './basharray.ts';
import { BASH_SET_O } from './builtins/set.ts';
import { isInName, isNameStart } from './tokens.ts';

const VTABSIZE = 39;
let seqCounter = 0;

/** dash's hashvar(): the bucket a name lives in. */
function hashvar(name: string): number {
  let h = name.charCodeAt(0) << 4;
  for (let i = 0; i < name.length; i++) h += name.charCodeAt(i);
  return h % VTABSIZE;
}

/** endofname(): length of the leading valid name. */
export function nameLength(s: string): number {
  if (!s || !isNameStart(s[0])) return 0;
  let i = 1;
  while (i < s.length && isInName(s[i])) i++;
  return i;
}

export function lookupvar(sh: ShState, name: string): string | null {
  const v = sh.vars.get(name);
  if (!v && sh.bash && (name === 'FUNCNAME' || name === 'BASH_SOURCE' || name === 'BASH_LINENO' || name === 'DIRSTACK')) {
    // The arrays the shell computes: $NAME is element 0.
    return arrayValues(sh, name)[0] ?? null;
  }
  if (!v || v.v === null) return null;
  if (v.flags & VNAMEREF && v.v !== '') {
    const t = refTarget(sh, name);
    const el = splitRef(t);
    return el ? getElement(sh, el[0], el[1]) : t === name ? null : lookupvar(sh, t);
  }
  if (v.lineno) return String(sh.bash ? sh.trapLine || sh.errlinno : sh.lineno);
  if (v.dyn) return dynValue(sh, v.dyn);
  return v.v;
}

/** dash's setvar(): check the name and read-only flag, then store. val null unsets. */
export function setvar(sh: ShState, name: string, val: string | null, flags = 0): void {
  const n = nameLength(name);
  if (n === 0 || n !== name.length) throw new ShError(`${name}: bad variable name`);
  setvarRaw(sh, name, val, flags);
}

/** setvareq(): `name=value` text. */
export function setvareq(sh: ShState, s: string, flags = 0): void {
  const i = s.indexOf('=');
  setvarRaw(sh, s.slice(0, i), s.slice(i + 1), flags);
}

/** Bytes of an assigned value that cost one interpreter step (eval.ts charges steps as CPU). */
const BYTES_PER_STEP = 64;

function setvarRaw(sh: ShState, name: string, val: string | null, flags: number): void {
  // dash copies a value into the variable (savestr()) after building it on its stack, so a loop
  // that grows a string (x=a$x) costs time in proportion to its length. Charging it keeps
  // virtual time in step with real work: a budget in virtual time then ends such a loop.
  if (val !== null && val.length >= BYTES_PER_STEP) sh.steps += Math.floor(val.length / BYTES_PER_STEP);
  if (sh.opts.a) flags |= VEXPORT;
  const old = sh.vars.get(name);
  if (old && old.flags & VNAMEREF && !(flags & VNAMEREF) && old.v) {
    // Assigning through a bash nameref.
    const t = refTarget(sh, name);
    const el = splitRef(t);
    if (el) {
      if (val === null) unsetElement(sh, el[0], el[1]);
      else setElement(sh, el[0], el[1], val, false);
      return;
    }
    if (t !== name) {
      setvarRaw(sh, t, val, flags);
      return;
    }
  }
  if (val !== null && ((flags | (old?.flags ?? 0)) & (VLOWER | VUPPER))) {
    val = (flags | (old?.flags ?? 0)) & VLOWER ? val.toLowerCase() : val.toUpperCase();
  }
  if (old) {
    if (old.flags & VREADONLY) throw new ShError(`${name}: is read only`, 2, `${name}: readonly variable`);
    varChanged(sh, name, val);
    if (val === null && !(flags & (VEXPORT | VREADONLY)) && !old.fixed) {
      sh.vars.delete(name);
      return;
    }
    if (old.dyn && !dynAssign(sh, old.dyn, val)) old.dyn = undefined;
    old.v = val;
    old.flags |= flags;
    if (val === null) {
      old.arr = undefined;
      old.assoc = undefined;
    } else if (old.arr) old.arr[0] = val;
    else if (old.assoc) old.assoc.set('0', val);
    old.lineno = false;
    return;
  }
  if (val === null && !(flags & (VEXPORT | VREADONLY | VINTEGER))) return;
  varChanged(sh, name, val);
  const slot: Var = { v: val, flags, seq: ++seqCounter };
  sh.vars.set(name, slot);
}

/** bash's brand(): the Park-Miller generator, folded to 15 bits. */
function brand(sh: ShState): number {
  const d = sh.bashDyn;
  if (d.seed === 0) d.seed = 123459876;
  const h = Math.floor(d.seed / 127773);
  const l = d.seed - 127773 * h;
  let t = 16807 * l - 2836 * h;
  if (t < 0) t += 0x7fffffff;
  d.seed = t;
  return ((t >>> 16) ^ (t & 65535)) & 32767;
}

/** $SHELLOPTS: the `set -o` options that are on, alphabetically. */
function shellopts(sh: ShState): string {
  return BASH_SET_O.filter(([, k]) => sh.opts[k]).map(([n]) => n).join(':');
}

/** The value of a bash dynamic variable. */
export function dynValue(sh: ShState, name: string): string {
  const d = sh.bashDyn;
  switch (name) {
    case 'RANDOM': return String(brand(sh));
    case 'BASHPID': return String(d.pid || sh.rootpid);
    case 'BASH_SUBSHELL': return String(d.subshell);
    case 'PIPESTATUS': return String(d.pipestatus[0] ?? '');
    case 'BASHOPTS': return [...sh.shopt].sort().join(':');
    case 'SHELLOPTS': return shellopts(sh);
    case 'SECONDS': return String(Math.floor(d.nowNs / 1e9) - d.startSec + d.secondsBase);
    case 'EPOCHSECONDS': return String(Math.floor(d.nowNs / 1e9));
    case 'EPOCHREALTIME': {
      const s = Math.floor(d.nowNs / 1e9);
      return `${s}.${String(Math.floor((d.nowNs - s * 1e9) / 1000)).padStart(6, '0')}`;
    }
  }
  return '';
}

/** Assigning a dynamic variable: RANDOM seeds, SECONDS restarts the count; false: it stops
 * being dynamic. */
function dynAssign(sh: ShState, name: string, val: string | null): boolean {
  if (val === null) return false;
  const d = sh.bashDyn;
  if (name === 'RANDOM') { d.seed = (Number.parseInt(val, 10) || 0) >>> 0 || 0; return true; }
  if (name === 'SECONDS') {
    d.secondsBase = Number.parseInt(val, 10) || 0;
    d.startSec = Math.floor(d.nowNs / 1e9);
    return true;
  }
  return name === 'BASHPID' || name === 'BASH_SUBSHELL' || name === 'PIPESTATUS' || name === 'EPOCHSECONDS' || name === 'EPOCHREALTIME';
}

/** Side effects of assigning special variables (dash's var func hooks). */
function varChanged(sh: ShState, name: string, val: string | null): void {
  if (name === 'OPTIND') {
    // dash's getoptsreset(): number(value), so a value that is not a decimal int in 0..INT_MAX
    // is an error before the assignment; unset hands it an empty value.
    if (!sh.bash) {
      const s = val ?? '';
      const d = /^[ \t\n\v\f\r]*([+-]?\d+)[ \t\n\v\f\r]*$/.exec(s);
      if (!d || Number(d[1]) < 0 || Number(d[1]) > 0x7fffffff) throw new ShError(`Illegal number: ${s}`);
    }
    const n = Number(val ?? '');
    sh.optind = Number.isInteger(n) && n > 0 ? n : 1;
    sh.optoff = -1;
  } else if (name === 'PATH') sh.cmdhash.clear();
}

/** initvar(): the variables dash always has. */
export function initVars(sh: ShState, euid: number): void {
  const fixed = (name: string, v: string | null): void => {
    const slot = { v, flags: 0, seq: ++seqCounter, fixed: true };
    sh.vars.set(name, slot);
  };
  fixed('IFS', ' \t\n');
  fixed('MAIL', null);
  fixed('MAILPATH', null);
  fixed('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  fixed('PS1', euid === 0 ? '# ' : '$ ');
  fixed('PS2', '> ');
  fixed('PS4', '+ ');
  fixed('OPTIND', '1');
  // Debian builds dash without WITH_LINENO: there is no LINENO variable.
  fixed('TERM', null);
  fixed('HISTSIZE', null);
}

export function unsetvar(sh: ShState, name: string): void {
  // bash's unset_builtin says "cannot unset: readonly variable" (dash: "is read only").
  const v = sh.vars.get(name);
  if (v && v.flags & VREADONLY) throw new ShError(`${name}: is read only`, 2, `${name}: cannot unset: readonly variable`);
  setvar(sh, name, null, 0);
}

/** The environment for execve: exported, set variables, in dash's vartab order. */
export function environment(sh: ShState): string[] {
  return listvars(sh, VEXPORT, false).filter((e) => e.v !== null).map((e) => `${e.name}=${e.v}`);
}

interface Listed { name: string; v: string | null }

function listvars(sh: ShState, on: number, includeUnset: boolean): Listed[] {
  const rows: { name: string; v: string | null; b: number; seq: number }[] = [];
  for (const [name, v] of sh.vars) {
    if ((v.flags & on) !== on) continue;
    if (v.v === null && !includeUnset && on === 0) continue;
    const val = v.lineno ? String(sh.lineno) : v.dyn ? dynValue(sh, v.dyn) : v.v;
    rows.push({ name, v: val, b: hashvar(name), seq: v.seq ?? 0 });
  }
  rows.sort((a, b) => a.b - b.b || b.seq - a.seq);
  return rows;
}

/** dash's single_quote(): 'text' with embedded quotes as "'". */
export function singleQuote(s: string): string {
  let out = '';
  let i = 0;
  do {
    let j = s.indexOf("'", i);
    if (j < 0) j = s.length;
    out += `'${s.slice(i, j)}'`;
    i = j;
    if (s[i] !== "'") break;
    let k = i;
    while (s[k] === "'") k++;
    out += `"${s.slice(i, k)}"`;
    i = k;
  } while (i < s.length);
  return out;
}

/** showvars(): `set` (prefix ''), `export -p`, `readonly -p`, sorted by name like varcmp. */
export function showvars(sh: ShState, prefix: string, on: number): string {
  const rows = listvars(sh, on, on !== 0);
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '';
  for (const r of rows) {
    out += prefix ? `${prefix} ${r.name}` : r.name;
    if (r.v !== null) out += `=${singleQuote(r.v)}`;
    out += '\n';
  }
  return out;
}

/** mklocal(): make `name` (or `name=value`) local to the current function. */
export function mklocal(sh: ShState, text: string, flags = 0): void {
  const frame = sh.locals[sh.locals.length - 1];
  if (text === '-') {
    frame.unshift({ name: '-', saved: undefined, savedOpts: { ...sh.opts } });
    return;
  }
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const old = sh.vars.get(name);
  if (!old) {
    if (eq >= 0) setvareq(sh, text, flags);
    else setvar(sh, name, null, flags);
    // dash keeps a VSTRFIXED placeholder so the name is restored (unset) at return.
    const cur = sh.vars.get(name);
    if (!cur) sh.vars.set(name, { v: null, flags: 0, seq: ++seqCounter, fixed: true });
    else cur.fixed = true;
    frame.unshift({ name, saved: undefined });
  } else {
    frame.unshift({ name, saved: { v: old.v, flags: old.flags, arr: old.arr?.slice(), assoc: old.assoc ? new Map(old.assoc) : undefined } });
    old.wasFixed = old.fixed;
    old.fixed = true;
    if (eq >= 0) setvareq(sh, text, flags);
    else if (sh.bash) {
      // bash: `local x` makes an unset local (dash keeps the outer value).
      old.v = null;
      old.arr = undefined;
      old.assoc = undefined;
    }
  }
}

/** poplocalvars(): undo one frame of `local`. A name that was new goes with unsetvar(), whose
 * setvar() rejects a bad name that `local 1x=2` let through (setvareq() does not check): dash
 * raises "1x: bad variable name" there and leaves the rest of the frame. That error is returned
 * for the caller to raise. */
export function poplocals(sh: ShState): ShError | null {
  const frame = sh.locals.pop();
  if (!frame) return null;
  for (const e of frame) {
    if (e.name === '-') {
      if (e.savedOpts) sh.opts = e.savedOpts;
      continue;
    }
    const cur = sh.vars.get(e.name);
    if (!e.saved && !sh.bash && (e.name === '' || nameLength(e.name) !== e.name.length)) {
      return new ShError(`${e.name}: bad variable name`);
    }
    if (!e.saved) {
      sh.vars.delete(e.name);
      continue;
    }
    if (cur) {
      varChanged(sh, e.name, e.saved.v);
      cur.v = e.saved.v;
      cur.flags = e.saved.flags;
      cur.arr = e.saved.arr;
      cur.assoc = e.saved.assoc;
      cur.fixed = cur.wasFixed;
    } else {
      sh.vars.set(e.name, { v: e.saved.v, flags: e.saved.flags, arr: e.saved.arr, assoc: e.saved.assoc, seq: ++seqCounter });
    }
  }
  return null;
}

/** Import the environment at startup (dash's INIT in var.c). */
export function importEnv(sh: ShState, envp: readonly string[]): void {
  for (const e of envp) {
    const n = nameLength(e);
    if (n > 0 && e[n] === '=') {
      const name = e.slice(0, n);
      const old = sh.vars.get(name);
      if (old) {
        old.v = e.slice(n + 1);
        old.flags |= VEXPORT;
        old.lineno = false;
      } else sh.vars.set(name, { v: e.slice(n + 1), flags: VEXPORT, seq: ++seqCounter });
    }
  }
}
