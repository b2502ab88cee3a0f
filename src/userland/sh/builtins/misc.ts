// type, hash, trap, umask, ulimit, times, alias/unalias (dash's exec.c, trap.c, miscbltin.c,
// alias.c).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { RUSAGE_CHILDREN, RUSAGE_SELF, USER_HZ } from '../../../uapi/syscalls.ts';
import { access, getrusage, stat, times, umask } from '../../lib/sys.ts';
import { S_ISREG, X_OK } from '../../../uapi/fcntl.ts';
import { activeBuiltin } from './enable.ts';
import { lookupvar } from '../vars.ts';
import { ShError } from '../errors.ts';
import { DO_ERR, describeCommand, findCommand, pathval } from '../exec.ts';
import { err2, out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { decodeSignal, setsignal, signalName } from '../trap.ts';
import { singleQuote } from '../vars.ts';
import { BASH_KEYWORDS, KEYWORDS } from './core.ts';
import { NextOpt } from './nextopt.ts';
import { functionText } from '../bashprint.ts';
import { assocKeys } from '../basharray.ts';
import { register } from './table.ts';
import { NSIG } from '../../../uapi/signal.ts';

/** bash's type: -t (the kind), -p/-P (the file), -a (every location). */
function* bashType(sh: ShState, argv: string[]): UserGen<number> {
  let i = 1;
  let mode = '';
  for (; i < argv.length && /^-[tpPaf]+$/.test(argv[i]); i++) mode += argv[i].slice(1);
  let status = 0;
  for (const name of argv.slice(i)) {
    const kinds: [string, string][] = [];
    if (BASH_KEYWORDS.includes(name)) kinds.push(['keyword', `${name} is a shell keyword`]);
    if (sh.funcs.has(name) && !mode.includes('f')) kinds.push(['function', `${name} is a function`]);
    const b = activeBuiltin(sh, name);
    if (b) kinds.push(['builtin', `${name} is a shell builtin`]);
    const hashed = sh.cmdhash.get(name);
    if (hashed && !mode.includes('a')) kinds.push(['file', `${name} is hashed (${hashed})`]);
    else {
      for (const cand of (name.includes('/') ? [name] : (lookupvar(sh, 'PATH') ?? '').split(':').map((d) => `${d || '.'}/${name}`))) {
        const st = yield* stat(cand);
        if (typeof st !== 'number' && S_ISREG(st.mode) && (yield* access(cand, X_OK)) === 0) {
          kinds.push(['file', `${name} is ${cand}`]);
          if (!mode.includes('a')) break;
        }
      }
    }
    const shown = mode.includes('P') ? kinds.filter((k) => k[0] === 'file') : kinds;
    if (!shown.length) {
      if (!mode.includes('t') && !mode.includes('p') && !mode.includes('P')) yield* err2(`${sh.arg0}: line ${sh.errlinno}: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    for (const [kind, text] of mode.includes('a') ? shown : shown.slice(0, 1)) {
      if (mode.includes('t')) out1(sh, `${kind}\n`);
      else if (kind === 'function' && !mode.includes('p') && !mode.includes('P')) {
        out1(sh, `${text}\n${functionText(name, sh.funcs.get(name)!.body)}\n`);
      }
      else if (mode.includes('p') || mode.includes('P')) {
        if (kind === 'file') out1(sh, `${text.replace(/^.* is (hashed \()?/, '').replace(/\)$/, '')}\n`);
      } else out1(sh, `${text}\n`);
    }
  }
  return status;
}

function* typecmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashType(sh, argv);
  let err = 0;
  for (const a of argv.slice(1)) {
    const r = yield* describeCommand(sh, a, null, true, KEYWORDS);
    out1(sh, r.out);
    err |= r.status;
  }
  return err;
}

/** bash's hash: hits, -l, -t, -d, -p, and "hash table empty". */
function* bashHash(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let mode = '';
  let ppath = '';
  for (let c; (c = o.next('rlp:dt'));) {
    if (c === 'p') ppath = o.optarg;
    mode += c;
  }
  const names = o.rest();
  if (mode.includes('r')) { sh.cmdhash.clear(); sh.cmdhits.clear(); }
  if (mode.includes('p')) {
    for (const n of names) { sh.cmdhash.set(n, ppath); sh.cmdhits.set(n, 0); }
    return 0;
  }
  if (!names.length) {
    if (mode.includes('r')) return 0;
    if (!sh.cmdhash.size) {
      out1(sh, 'hash: hash table empty\n');
      return 0;
    }
    const order = assocKeys(sh.cmdhash, 256);
    if (mode.includes('l')) for (const n of order) out1(sh, `builtin hash -p ${sh.cmdhash.get(n)} ${n}\n`);
    else {
      out1(sh, 'hits\tcommand\n');
      for (const n of order) out1(sh, `${String(sh.cmdhits.get(n) ?? 0).padStart(4)}\t${sh.cmdhash.get(n)}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (mode.includes('d')) {
      if (!sh.cmdhash.delete(n)) { yield* warnx(sh, `${n}: not found`); status = 1; }
      sh.cmdhits.delete(n);
      continue;
    }
    if (mode.includes('t')) {
      const p = sh.cmdhash.get(n);
      if (p === undefined) { yield* warnx(sh, `${n}: not found`); status = 1; continue; }
      out1(sh, names.length > 1 ? `${n}\t${p}\n` : `${p}\n`);
      continue;
    }
    if (activeBuiltin(sh, n) || sh.funcs.has(n)) continue;
    sh.cmdhash.delete(n);
    const e = yield* findCommand(sh, n, 0, pathval(sh));
    if (e.type === 'unknown') { yield* warnx(sh, `${n}: not found`); status = 1; } else sh.cmdhits.set(n, 0);
  }
  return status;
}

/** cmdlookup()'s bucket: first byte << 4 plus every byte, masked to 15 bits, mod CMDTABLESIZE (31). */
function cmdtableOrder(names: string[]): string[] {
  const bucket = (n: string): number => {
    let h = n.charCodeAt(0) << 4;
    for (let i = 0; i < n.length; i++) h += n.charCodeAt(i);
    return (h & 0x7fff) % 31;
  };
  return names.map((n, i) => ({ n, i, b: bucket(n) })).sort((a, b) => a.b - b.b || a.i - b.i).map((x) => x.n);
}

function* hashcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashHash(sh, argv);
  const o = new NextOpt(argv);
  // Debian's dash reads every option before acting: `hash -r -x` is "Illegal option -x" with
  // the table untouched.
  let clear = false;
  while (o.next('r')) clear = true;
  if (clear) {
    sh.cmdhash.clear();
    return 0;
  }
  const args = o.rest();
  if (!args.length) {
    // hashcmd() walks dash's cmdtable: bucket by bucket (cmdlookup()'s hash), each bucket's
    // chain in the order its entries were added.
    for (const n of cmdtableOrder([...sh.cmdhash.keys()])) out1(sh, `${sh.cmdhash.get(n)}${sh.cmdrehash.has(n) ? '*' : ''}\n`);
    return 0;
  }
  let c = 0;
  for (const name of args) {
    sh.cmdhash.delete(name);
    const e = yield* findCommand(sh, name, DO_ERR, pathval(sh));
    if (e.type === 'unknown') c = 1;
  }
  return c;
}

function* trapcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  if (!(sh.bash && (argv[1] === '-p' || argv[1] === '-l'))) o.next('');
  let ap = sh.bash && (argv[1] === '-p' || argv[1] === '-l') ? argv.slice(2) : o.rest();
  const bashName = (s: number): string => (sh.bash && s > 0 && s < NSIG ? `SIG${signalName(s)}` : signalName(s, !sh.bash));
  if (sh.bash && argv[1] === '-l') {
    let line = '';
    for (let s = 1; s < NSIG; s++) {
      line += `${String(s).padStart(2)}) SIG${signalName(s)}`;
      if (s % 5 === 0 || s === NSIG - 1) { out1(sh, `${line}\n`); line = ''; } else line += '\t';
    }
    return 0;
  }
  if (!ap.length || (sh.bash && argv[1] === '-p')) {
    const all = Array.from({ length: sh.bash ? NSIG + 3 : NSIG }, (_x, s) => s);
    for (const s of ap.length ? ap.map((a) => decodeSignal(a, 0, true)) : all) {
      const t = s >= 0 ? sh.traps[s] : null;
      if (t !== null) out1(sh, `trap -- ${singleQuote(t)} ${bashName(s)}\n`);
    }
    return 0;
  }
  let action: string | null;
  if (ap.length === 1 || /^[0-9]+$/.test(ap[0]) && Number(ap[0]) < NSIG) action = null;
  else {
    action = ap[0];
    ap = ap.slice(1);
  }
  let status = 0;
  for (const a of ap) {
    const signo = decodeSignal(a, 0, sh.bash);
    if (signo < 0) {
      if (sh.bash) {
        yield* warnx(sh, `${a}: invalid signal specification`);
        status = 1;
        continue;
      }
      yield* err2(`trap: ${a}: bad trap\n`);
      return 1;
    }
    sh.traps[signo] = action === '-' ? null : action;
    if (signo !== 0 && signo < NSIG) yield* setsignal(sh, signo);
  }
  return status;
}

function* umaskcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let symbolic = false;
  let reusable = false;
  for (let c; (c = o.next(sh.bash ? 'Sp' : 'S'));) {
    if (c === 'S') symbolic = true;
    else reusable = true;
  }
  let mask = yield* umask(0);
  yield* umask(mask);
  const ap = o.rest()[0];
  if (ap === undefined) {
    if (reusable) out1(sh, symbolic ? 'umask -S ' : 'umask ');
    if (symbolic) {
      const m = ~mask;
      const parts: string[] = [];
      for (let i = 0; i < 3; i++) {
        let s = `${'ugo'[i]}=`;
        for (let j = 0; j < 3; j++) if (m & (1 << (8 - (3 * i + j)))) s += 'rwx'[j];
        parts.push(s);
      }
      out1(sh, `${parts.join(',')}\n`);
    } else out1(sh, `${mask.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  let newMask: number;
  if (/^[0-9]/.test(ap)) {
    newMask = 0;
    for (const c of ap) {
      if (c >= '8' || c < '0') throw new ShError(`Illegal number: ${ap}`);
      newMask = (newMask << 3) + (c.charCodeAt(0) - 48);
    }
  } else {
    mask = ~mask;
    newMask = mask;
    let positions = 0;
    let i = 0;
    for (;;) {
      while (i < ap.length && 'augo'.includes(ap[i])) {
        const c = ap[i++];
        positions |= c === 'a' ? 0o111 : c === 'u' ? 0o100 : c === 'g' ? 0o010 : 0o001;
      }
      if (!positions) positions = 0o111;
      const op = ap[i];
      if (op === undefined || !'=+-'.includes(op)) break;
      i++;
      let val = 0;
      while (i < ap.length && 'rwxugoXs'.includes(ap[i])) {
        switch (ap[i++]) {
          case 'r': val |= 4; break;
          case 'w': val |= 2; break;
          case 'x': val |= 1; break;
          case 'u': val |= mask >> 6; break;
          case 'g': val |= mask >> 3; break;
          case 'o': val |= mask; break;
          case 'X': if (mask & 0o111) val |= 1; break;
        }
      }
      val = (val & 7) * positions;
      if (op === '-') newMask &= ~val;
      else if (op === '=') newMask = val | (newMask & ~(positions * 7));
      else newMask |= val;
      if (ap[i] === ',') {
        positions = 0;
        i++;
      } else if (i >= ap.length || !'=+-'.includes(ap[i])) break;
    }
    if (i < ap.length) throw new ShError(`Illegal mode: ${ap}`);
    newMask = ~newMask & 0o777;
  }
  yield* umask(newMask);
  return 0;
}

/** dash's timescmd(): times(2) in clock ticks, "%dm%fs". */
function dashTime(ticks: number): string {
  const secs = ticks / USER_HZ;
  const m = Math.floor(secs / 60);
  return `${m}m${(secs - m * 60).toFixed(6)}s`;
}

/** bash's print_timeval(): minutes, seconds and truncated milliseconds of getrusage(2)'s times. */
function bashTime(ns: number): string {
  const s = Math.floor(ns / 1e9);
  return `${Math.floor(s / 60)}m${s % 60}.${String(Math.floor((ns % 1e9) / 1e6)).padStart(3, '0')}s`;
}

function* timescmd(sh: ShState): UserGen<number> {
  if (sh.bash) {
    const self = yield* getrusage(RUSAGE_SELF);
    const kids = yield* getrusage(RUSAGE_CHILDREN);
    const f = (r: typeof self): string => (typeof r === 'number' ? '0m0.000s 0m0.000s' : `${bashTime(r.utime)} ${bashTime(r.stime)}`);
    out1(sh, `${f(self)}\n${f(kids)}\n`);
    return 0;
  }
  const t = yield* times();
  out1(sh, `${dashTime(t.utime)} ${dashTime(t.stime)}\n${dashTime(t.cutime)} ${dashTime(t.cstime)}\n`);
  return 0;
}

 
/** dash's alias table order: hash bucket (as hashvar), then definition order. */
function aliasOrder(names: string[]): string[] {
  const bucket = (n: string): number => {
    let h = n.charCodeAt(0) << 4;
    for (let i = 0; i < n.length; i++) h += n.charCodeAt(i);
    return h % 39;
  };
  return names.map((n, i) => ({ n, i, b: bucket(n) })).sort((a, b) => a.b - b.b || a.i - b.i).map((x) => x.n);
}

/** bash's alias: sorted `alias name='value'` lines, -p, "name: not found". */
function* bashAlias(sh: ShState, argv: string[]): UserGen<number> {
  let args = argv.slice(1);
  let print = false;
  while (args[0] === '-p' || args[0] === '--') { if (args[0] === '-p') print = true; args = args.slice(1); }
  const show = (k: string): string => `alias ${k}=${singleQuote(sh.aliases.get(k)!)}\n`;
  if (!args.length || print) for (const k of [...sh.aliases.keys()].sort()) out1(sh, show(k));
  let ret = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) { sh.aliases.set(a.slice(0, eq), a.slice(eq + 1)); continue; }
    if (sh.aliases.has(a)) out1(sh, show(a));
    else { yield* warnx(sh, `${a}: not found`); ret = 1; }
  }
  return ret;
}

function* aliascmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashAlias(sh, argv);
  const aliases = sh.aliases;
  let ret = 0;
  if (argv.length === 1) {
    for (const k of aliasOrder([...aliases.keys()])) out1(sh, `${k}=${singleQuote(aliases.get(k)!)}\n`);
    return 0;
  }
  for (const a of argv.slice(1)) {
    // dash's aliascmd() looks for the '=' from the second character ("funny ksh stuff").
    const eq = a.indexOf('=', 1);
    if (eq < 0) {
      const v = aliases.get(a);
      if (v === undefined) {
        yield* err2(`alias: ${a} not found\n`);
        ret = 1;
      } else out1(sh, `${a}=${singleQuote(v)}\n`);
    } else aliases.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return ret;
}

function* unaliascmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  if (o.next('a')) {
    sh.aliases.clear();
    return 0;
  }
  let ret = 0;
  for (const a of o.rest()) {
    if (!sh.aliases.delete(a)) {
      if (sh.bash) yield* warnx(sh, `${a}: not found`);
      else yield* err2(`unalias: ${a} not found\n`);
      ret = 1;
    }
  }
  return ret;
}

register('type', 'u', typecmd);
register('hash', 'u', hashcmd);
register('trap', 's', trapcmd);
register('umask', 'u', umaskcmd);
register('times', 's', timescmd);
register('alias', 'au', aliascmd);
register('unalias', 'u', unaliascmd);
