// bash's own compound commands beside evaltree(): `select name in words; do list; done` and the
// `time` keyword with TIMEFORMAT (execute_cmd.c execute_select(), time_command()).
import type { Node, TimeNode } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { RUSAGE_CHILDREN, RUSAGE_SELF } from '../../uapi/syscalls.ts';
import { clockGettime, getrusage } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { BUILTINS } from './builtins/table.ts';
import { evaltree, skiploop } from './eval.ts';
import { err2 } from './output.ts';
import { expandPrompt } from './prompt.ts';
import type { ShState } from './state.ts';
import { EV_EXIT, EV_TESTED, SKIPCONT } from './state.ts';
import { lookupvar, setvar } from './vars.ts';

/** bash's print_select_list(): the numbered menu in columns, on stderr. */
function selectMenu(sh: ShState, list: string[]): string {
  if (!list.length) return '\n';
  const indicesLen = String(list.length).length;
  const maxElem = Math.max(...list.map((w) => w.length)) + indicesLen + 2 + 2;
  const colsVar = Number(lookupvar(sh, 'COLUMNS'));
  const COLS = Number.isInteger(colsVar) && colsVar > 0 ? colsVar : 80;
  const cols0 = Math.max(1, Math.floor(COLS / maxElem));
  let rows = Math.floor(list.length / cols0) + (list.length % cols0 ? 1 : 0);
  const cols = Math.floor(list.length / rows) + (list.length % rows ? 1 : 0);
  if (rows === 1) rows = cols;
  const firstLen = String(rows).length;
  let out = '';
  for (let row = 0; row < rows; row++) {
    let ind = row;
    let pos = 0;
    for (;;) {
      const ilen = pos === 0 ? firstLen : indicesLen;
      out += `${String(ind + 1).padStart(ilen)}) ${list[ind]}`;
      const elemLen = list[ind].length + ilen + 2;
      ind += rows;
      if (ind >= list.length) break;
      // bash's indent(): tabs to each tab stop, then spaces.
      let from = pos + elemLen;
      const to = pos + maxElem;
      while (from < to) {
        if (Math.floor(to / 8) > Math.floor(from / 8)) { out += '\t'; from += 8 - (from % 8); } else { out += ' '; from++; }
      }
      pos += maxElem;
    }
    out += '\n';
  }
  return out;
}

/** bash `select name in words; do list; done`. */
export function* evalselect(sh: ShState, n: Node & { type: 'for' }, list: string[], flags: number): UserGen<number> {
  let status: number;
  let showMenu = true;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    for (;;) {
      if (showMenu) yield* err2(selectMenu(sh, list));
      yield* err2(yield* expandPrompt(sh, lookupvar(sh, 'PS3') ?? '#? '));
      const read = BUILTINS.get('read')!;
      if ((yield* read.fn(sh, ['read'], 0)) !== 0) {
        yield* writeAll(1, '\n');
        status = 1;
        break;
      }
      const reply = lookupvar(sh, 'REPLY') ?? '';
      if (reply === '') { showMenu = true; continue; }
      showMenu = false;
      const k = /^\s*\d+\s*$/.test(reply) ? Number(reply) : 0;
      setvar(sh, n.name, k >= 1 && k <= list.length ? list[k - 1] : '');
      status = yield* evaltree(sh, n.body, flags);
      if (skiploop(sh) & ~SKIPCONT) break;
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

/** bash's print_formatted_time(): TIMEFORMAT's %[p][l]R/U/S/P. */
export function formatTime(fmt: string, realNs: number, userNs: number, sysNs: number): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') { out += c; continue; }
    let j = i + 1;
    if (fmt[j] === '%') { out += '%'; i = j; continue; }
    let prec = 3;
    let long = false;
    if (fmt[j] >= '0' && fmt[j] <= '9') prec = Math.min(3, Number(fmt[j++]));
    if (fmt[j] === 'l') { long = true; j++; }
    const k = fmt[j];
    if (k === 'P') {
      const pct = realNs > 0 ? ((userNs + sysNs) * 100) / realNs : 0;
      out += pct.toFixed(2);
      i = j;
      continue;
    }
    if (k !== 'R' && k !== 'U' && k !== 'S') { out += fmt.slice(i, j + 1); i = j; continue; }
    const ns = k === 'R' ? realNs : k === 'U' ? userNs : sysNs;
    const ms = Math.floor(ns / 1e6);
    let sec = Math.floor(ms / 1000);
    const frac = String(ms % 1000).padStart(3, '0').slice(0, prec);
    if (long) {
      const min = Math.floor(sec / 60);
      sec %= 60;
      out += `${min}m${sec}${prec ? `.${frac}` : ''}s`;
    } else out += `${sec}${prec ? `.${frac}` : ''}`;
    i = j;
  }
  return out;
}

/** bash `time pipeline`: run it, then report the times on the shell's stderr. */
export function* evaltime(sh: ShState, n: TimeNode, flags: number): UserGen<number> {
  // time_command(): wall clock, and getrusage() of the shell and of its children, before and after.
  const cpuNow = function* (): UserGen<[number, number]> {
    const self = yield* getrusage(RUSAGE_SELF);
    const kids = yield* getrusage(RUSAGE_CHILDREN);
    const u = (typeof self === 'number' ? 0 : self.utime) + (typeof kids === 'number' ? 0 : kids.utime);
    const s = (typeof self === 'number' ? 0 : self.stime) + (typeof kids === 'number' ? 0 : kids.stime);
    return [u, s];
  };
  const [u0, s0] = yield* cpuNow();
  const t0 = yield* clockGettime(1);
  const status = n.body ? yield* evaltree(sh, n.body, flags & ~EV_EXIT) : 0;
  const t1 = yield* clockGettime(1);
  const [u1, s1] = yield* cpuNow();
  const tf = lookupvar(sh, 'TIMEFORMAT');
  const fmt = n.posix ? 'real %2R\nuser %2U\nsys %2S' : tf ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
  yield* err2(`${formatTime(fmt, t1 - t0, u1 - u0, s1 - s0)}\n`);
  return status;
}
