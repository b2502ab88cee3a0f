// type, hash, trap, umask, ulimit, times, alias/unalias (dash's exec.c, trap.c, miscbltin.c,
// alias.c).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { strerror } from '../../../uapi/errno.ts';
import { RLIM_INFINITY } from '../../../uapi/resource.ts';
import { access, getrlimit, setrlimit, stat, umask } from '../../lib/sys.ts';
import { S_ISREG, X_OK } from '../../../uapi/fcntl.ts';
import { BUILTINS } from './table.ts';
import { lookupvar } from '../vars.ts';
import { ShError } from '../errors.ts';
import { DO_ERR, describeCommand, findCommand, pathval } from '../exec.ts';
import { err2, out1 } from '../output.ts';
import type { ShState } from '../state.ts';
import { decodeSignal, setsignal, signalName } from '../trap.ts';
import { singleQuote } from '../vars.ts';
import { KEYWORDS } from './core.ts';
import { NextOpt } from './nextopt.ts';
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
    if (KEYWORDS.includes(name) || name === '[[' || name === ']]' || name === 'function') kinds.push(['keyword', `${name} is a shell keyword`]);
    if (sh.funcs.has(name) && !mode.includes('f')) kinds.push(['function', `${name} is a function`]);
    const b = BUILTINS.get(name);
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

function* hashcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  if (o.next('r')) {
    sh.cmdhash.clear();
    return 0;
  }
  const args = o.rest();
  if (!args.length) {
    for (const v of sh.cmdhash.values()) out1(sh, `${v}\n`);
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
  o.next('');
  let ap = o.rest();
  if (!ap.length) {
    for (let s = 0; s < NSIG; s++) {
      const t = sh.traps[s];
      if (t !== null) out1(sh, `trap -- ${singleQuote(t)} ${signalName(s)}\n`);
    }
    return 0;
  }
  let action: string | null;
  if (ap.length === 1 || /^[0-9]+$/.test(ap[0]) && Number(ap[0]) < NSIG) action = null;
  else {
    action = ap[0];
    ap = ap.slice(1);
  }
  for (const a of ap) {
    const signo = decodeSignal(a, 0);
    if (signo < 0) {
      yield* err2(`trap: ${a}: bad trap\n`);
      return 1;
    }
    sh.traps[signo] = action === '-' ? null : action;
    if (signo !== 0) yield* setsignal(sh, signo);
  }
  return 0;
}

function* umaskcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let symbolic = false;
  while (o.next('S')) symbolic = true;
  let mask = yield* umask(0);
  yield* umask(mask);
  const ap = o.rest()[0];
  if (ap === undefined) {
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

const LIMITS: [string, number, number, string][] = [
  ['time(seconds)', 0, 1, 't'], ['file(blocks)', 1, 512, 'f'], ['data(kbytes)', 2, 1024, 'd'],
  ['stack(kbytes)', 3, 1024, 's'], ['coredump(blocks)', 4, 512, 'c'], ['memory(kbytes)', 5, 1024, 'm'],
  ['locked memory(kbytes)', 8, 1024, 'l'], ['process', 6, 1, 'p'], ['nofiles', 7, 1, 'n'],
  ['vmemory(kbytes)', 9, 1024, 'v'], ['locks', 10, 1, 'w'], ['rtprio', 14, 1, 'r'],
];

/** bash's ulimit table: name, unit, option, resource, factor (RLIMIT numbers as Linux). */
const BASH_LIMITS: [string, string, string, number, number][] = [
  ['real-time non-blocking time', 'microseconds', 'R', 15, 1], ['core file size', 'blocks', 'c', 4, 512],
  ['data seg size', 'kbytes', 'd', 2, 1024], ['scheduling priority', '', 'e', 13, 1],
  ['file size', 'blocks', 'f', 1, 512], ['pending signals', '', 'i', 11, 1],
  ['max locked memory', 'kbytes', 'l', 8, 1024], ['max memory size', 'kbytes', 'm', 5, 1024],
  ['open files', '', 'n', 7, 1], ['pipe size', '512 bytes', 'p', -1, 1], ['POSIX message queues', 'bytes', 'q', 12, 1],
  ['real-time priority', '', 'r', 14, 1], ['stack size', 'kbytes', 's', 3, 1024], ['cpu time', 'seconds', 't', 0, 1],
  ['max user processes', '', 'u', 6, 1], ['virtual memory', 'kbytes', 'v', 9, 1024], ['file locks', '', 'x', 10, 1],
];

function* bashUlimit(sh: ShState, argv: string[]): UserGen<number> {
  let how = 3;
  let all = false;
  const which: string[] = [];
  let i = 1;
  for (; i < argv.length && /^-[A-Za-z]+$/.test(argv[i]); i++) {
    for (const c of argv[i].slice(1)) {
      if (c === 'H') how = 2;
      else if (c === 'S') how = 1;
      else if (c === 'a') all = true;
      else if (BASH_LIMITS.some((l) => l[2] === c)) which.push(c);
      else throw new ShError(`-${c}: invalid option`, 2);
    }
  }
  const show = (l: (typeof BASH_LIMITS)[number], lim: { cur: number; max: number } | null): string => {
    if (l[3] < 0) return '8';
    if (!lim) return 'unlimited';
    const v = how & 1 ? lim.cur : lim.max;
    return v === RLIM_INFINITY ? 'unlimited' : String(Math.floor(v / l[4]));
  };
  const get = function* (l: (typeof BASH_LIMITS)[number]): UserGen<{ cur: number; max: number } | null> {
    if (l[3] < 0) return null;
    const r = yield* getrlimit(l[3]);
    return typeof r === 'number' ? null : r;
  };
  if (all) {
    for (const l of BASH_LIMITS) {
      // bash's printone(): printf("%-20s %20s", description, "(units, -x) ").
      const unit = l[1] ? `(${l[1]}, -${l[2]}) ` : `(-${l[2]}) `;
      out1(sh, `${l[0].padEnd(20)} ${unit.padStart(20)}${show(l, yield* get(l))}\n`);
    }
    return 0;
  }
  const l = BASH_LIMITS.find((x) => x[2] === (which[0] ?? 'f'))!;
  const arg = argv[i];
  if (arg === undefined) {
    out1(sh, `${show(l, yield* get(l))}\n`);
    return 0;
  }
  let val: number;
  if (arg === 'unlimited') val = RLIM_INFINITY;
  else if (/^[0-9]+$/.test(arg)) val = Number(arg) * l[4];
  else throw new ShError(`${arg}: invalid number`, 1);
  const lim = yield* get(l);
  if (!lim) return 0;
  const nl = { cur: how & 1 ? val : lim.cur, max: how & 2 ? val : lim.max };
  const e = yield* setrlimit(l[3], nl);
  if (e < 0) throw new ShError(`${l[0].replace(/ .*/, '')} limit: cannot modify limit: ${strerror(-e)}`, 1);
  return 0;
}

function* ulimitcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashUlimit(sh, argv);
  const o = new NextOpt(argv);
  let how = 3;
  let all = false;
  let what = 'f';
  for (let c; (c = o.next('HSatfdscmlpnvw'));) {
    if (c === 'H') how = 2;
    else if (c === 'S') how = 1;
    else if (c === 'a') all = true;
    else what = c;
  }
  const l = LIMITS.find((x) => x[3] === what)!;
  const args = o.rest();
  let val = 0;
  const set = args.length > 0;
  if (set) {
    if (all || args.length > 1) throw new ShError('too many arguments');
    if (args[0] === 'unlimited') val = RLIM_INFINITY;
    else {
      if (!/^[0-9]*$/.test(args[0])) throw new ShError('bad number');
      val = Number(args[0] || '0') * l[2];
    }
  }
  const show = (lim: { cur: number; max: number }, x: typeof l): string => {
    const v = how & 1 ? lim.cur : lim.max;
    return v === RLIM_INFINITY ? 'unlimited\n' : `${Math.floor(v / x[2])}\n`;
  };
  if (all) {
    for (const x of LIMITS) {
      const lim = yield* getrlimit(x[1]);
      if (typeof lim === 'number') continue;
      out1(sh, `${x[0].padEnd(20)} ${show(lim, x)}`);
    }
    return 0;
  }
  const lim = yield* getrlimit(l[1]);
  if (typeof lim === 'number') throw new ShError(`error getting limit (${strerror(-lim)})`);
  if (set) {
    const nl = { cur: lim.cur, max: lim.max };
    if (how & 2) nl.max = val;
    if (how & 1) nl.cur = val;
    const e = yield* setrlimit(l[1], nl);
    if (e < 0) throw new ShError(`error setting limit (${strerror(-e)})`);
  } else out1(sh, show(lim, l));
  return 0;
}

/** times: the simulated machine keeps no per-process CPU accounting, so all four are zero. */
 
function* timescmd(sh: ShState): UserGen<number> {
  out1(sh, '0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n');
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

function* aliascmd(sh: ShState, argv: string[]): UserGen<number> {
  const aliases = sh.aliases;
  let ret = 0;
  if (argv.length === 1) {
    for (const k of aliasOrder([...aliases.keys()])) out1(sh, `${k}=${singleQuote(aliases.get(k)!)}\n`);
    return 0;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
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
      yield* err2(`unalias: ${a} not found\n`);
      ret = 1;
    }
  }
  return ret;
}

register('type', 'u', typecmd);
register('hash', 'u', hashcmd);
register('trap', 's', trapcmd);
register('umask', 'u', umaskcmd);
register('ulimit', 'u', ulimitcmd);
register('times', 's', timescmd);
register('alias', 'au', aliascmd);
register('unalias', 'u', unaliascmd);
