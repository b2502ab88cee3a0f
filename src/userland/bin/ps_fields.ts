// procps-ng 4 ps output fields (src/ps/output.c format_array): header, default width,
// justification and the pr_* function that renders one process.
import type { IdNames, Proc } from './ps_proc.ts';
import { HZ, ttyName } from './ps_proc.ts';
import { gmtime, strftime } from './time.ts';

export type Just = 'right' | 'left' | 'user' | 'unlimited' | 'wchan';

export interface PsCtx {
  /** Epoch seconds now and at boot; uptime in seconds. */
  now: number;
  boot: number;
  uptime: number;
  memTotalKb: number;
  names: IdNames;
  /** Forest prefix letters for the process being printed (display.c), and the style. */
  forestPrefix: string;
  forestType: '' | 'b' | 'u';
  /** -f: comm columns print the whole command line (unix_f_option). */
  unixF: boolean;
  /** Columns the command may take (max_rightward). */
  maxRightward: number;
  userIsNumber: boolean;
}

export interface Field {
  head: string;
  width: number;
  just: Just;
  pidmax?: boolean;
  pr: (p: Proc, c: PsCtx) => string;
}

/** procps escape_str: unprintable bytes become '?'. */
function escape(s: string): string {
  let out = '';
  for (const ch of s) out += ch < ' ' || ch === '\x7f' ? '?' : ch;
  return out;
}

function forest(c: PsCtx): string {
  let out = '';
  for (const ch of c.forestPrefix) {
    if (c.forestType === 'u') out += '  ';
    else out += ch === ' ' ? '    ' : ch === '|' ? ' |  ' : ' \\_ ';
  }
  return out;
}

function clip(s: string, c: PsCtx): string {
  return c.maxRightward >= 0 ? s.slice(0, c.maxRightward) : s;
}

export const argsOf = (p: Proc): string => (p.argv.length ? escape(p.argv.join(' ')) : `[${escape(p.comm)}]`);

const elapsed = (p: Proc, c: PsCtx): number => Math.max(0, c.uptime - p.start / HZ);

/** do_pr_name(): the name if it fits the column, else the number. */
function user(id: number, c: PsCtx): string {
  const n = c.names.users.get(id);
  return !c.userIsNumber && n !== undefined && n.length <= c.maxRightward ? n : String(id);
}

function group(id: number, c: PsCtx): string {
  const n = c.names.groups.get(id);
  return n !== undefined && n.length <= 8 ? n : String(id);
}

function cputime(p: Proc): string {
  let t = Math.floor(p.ticks / HZ);
  const ss = t % 60; t = Math.floor(t / 60);
  const mm = t % 60; t = Math.floor(t / 60);
  const hh = t % 24; const dd = Math.floor(t / 24);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${two(hh)}:${two(mm)}:${two(ss)}`;
}

function stat(p: Proc): string {
  let s = p.state;
  if (p.nice < 0) s += '<';
  if (p.nice > 0) s += 'N';
  if (p.session === p.pid) s += 's';
  if (p.nlwp > 1) s += 'l';
  if (p.pgrp === p.tpgid) s += '+';
  return s;
}

function pcpu(p: Proc, c: PsCtx, scale: number): number {
  const j = elapsed(p, c) * HZ;
  return j ? Math.floor((p.ticks * scale) / j) : 0;
}

function stime(p: Proc, c: PsCtx): string {
  const t = c.boot + Math.floor(p.start / HZ);
  const a = gmtime(c.now);
  const b = gmtime(t);
  const fmt = a.year !== b.year ? '%Y' : a.yday !== b.yday ? '%b%d' : '%H:%M';
  return strftime(fmt, t);
}

const cmdCol = (p: Proc, c: PsCtx, long: boolean): string =>
  clip(forest(c) + (long ? argsOf(p) : escape(p.comm)), c);

const F = (head: string, width: number, just: Just, pr: Field['pr'], pidmax = false): Field => ({ head, width, just, pr, pidmax });

export const FIELDS: Record<string, Field> = {
  addr: F('ADDR', 4, 'right', () => '-'),
  addr_1: F('ADDR', 1, 'left', () => '-'),
  args: F('COMMAND', 27, 'unlimited', (p, c) => cmdCol(p, c, true)),
  cmd: F('CMD', 27, 'unlimited', (p, c) => cmdCol(p, c, true)),
  command: F('COMMAND', 27, 'unlimited', (p, c) => cmdCol(p, c, true)),
  comm: F('COMMAND', 15, 'unlimited', (p, c) => cmdCol(p, c, c.unixF)),
  ucmd: F('CMD', 15, 'unlimited', (p, c) => cmdCol(p, c, c.unixF)),
  ucomm: F('COMMAND', 15, 'unlimited', (p, c) => cmdCol(p, c, c.unixF)),
  fname: F('COMMAND', 8, 'left', (p) => escape(p.comm).slice(0, 8)),
  bsdtime: F('TIME', 6, 'right', (p) => { const u = Math.floor(p.ticks / HZ); return `${String(Math.floor(u / 60)).padStart(3)}:${String(u % 60).padStart(2, '0')}`; }),
  c: F('C', 2, 'right', (p, c) => String(Math.min(99, pcpu(p, c, 100))).padStart(2)),
  cp: F('CP', 3, 'right', (p, c) => String(Math.min(999, pcpu(p, c, 1000)))),
  pcpu: F('%CPU', 4, 'right', (p, c) => { const v = pcpu(p, c, 1000); return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`; }),
  pmem: F('%MEM', 4, 'right', (p, c) => { const v = Math.min(999, Math.floor((p.rssPages * 4 * 1000) / c.memTotalKb)); return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`; }),
  time: F('TIME', 8, 'right', (p) => cputime(p)),
  cputime: F('TIME', 8, 'right', (p) => cputime(p)),
  etime: F('ELAPSED', 11, 'right', (p, c) => {
    let t = Math.floor(elapsed(p, c));
    const ss = t % 60; t = Math.floor(t / 60);
    const mm = t % 60; t = Math.floor(t / 60);
    const hh = t % 24; const dd = Math.floor(t / 24);
    const two = (n: number): string => String(n).padStart(2, '0');
    return `${dd ? `${dd}-` : ''}${dd || hh ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
  }),
  etimes: F('ELAPSED', 7, 'right', (p, c) => String(Math.floor(elapsed(p, c)))),
  f: F('F', 1, 'right', (p) => ((p.flags >>> 6) & 7).toString(8)),
  flags: F('F', 1, 'right', (p) => ((p.flags >>> 6) & 7).toString(8)),
  gid: F('GID', 5, 'right', (p) => String(p.egid)),
  egid: F('EGID', 5, 'right', (p) => String(p.egid)),
  rgid: F('RGID', 5, 'right', (p) => String(p.rgid)),
  group: F('GROUP', 8, 'user', (p, c) => group(p.egid, c)),
  egroup: F('EGROUP', 8, 'user', (p, c) => group(p.egid, c)),
  lstart: F('STARTED', 24, 'right', (p, c) => strftime('%a %b %e %H:%M:%S %Y', c.boot + Math.floor(p.start / HZ))),
  maj_flt: F('MAJFL', 6, 'right', () => '0'),
  majflt: F('MAJFLT', 6, 'right', () => '0'),
  min_flt: F('MINFL', 6, 'right', () => '0'),
  minflt: F('MINFLT', 6, 'right', () => '0'),
  trs: F('TRS', 4, 'right', (p) => (p.vsize ? '1' : '0')),
  m_trs: F('TRS', 5, 'right', (p) => (p.vsize ? '1' : '0')),
  m_drs: F('DRS', 5, 'right', (p) => String(Math.max(0, Math.floor(p.vsize / 1024) - (p.vsize ? 1 : 0)))),
  drs: F('DRS', 5, 'right', (p) => String(Math.max(0, Math.floor(p.vsize / 1024) - (p.vsize ? 1 : 0)))),
  ni: F('NI', 3, 'right', (p) => String(p.nice)),
  nice: F('NI', 3, 'right', (p) => String(p.nice)),
  nlwp: F('NLWP', 4, 'right', (p) => String(p.nlwp)),
  pgid: F('PGID', 5, 'right', (p) => String(p.pgrp), true),
  pgrp: F('PGRP', 5, 'right', (p) => String(p.pgrp), true),
  pid: F('PID', 5, 'right', (p) => String(p.pid), true),
  tgid: F('TGID', 5, 'right', (p) => String(p.pid), true),
  lwp: F('LWP', 5, 'right', (p) => String(p.pid), true),
  spid: F('SPID', 5, 'right', (p) => String(p.pid), true),
  tid: F('TID', 5, 'right', (p) => String(p.pid), true),
  ppid: F('PPID', 5, 'right', (p) => String(p.ppid), true),
  pri: F('PRI', 3, 'right', (p) => String(39 - p.priority)),
  opri: F('PRI', 3, 'right', (p) => String(60 + p.priority)),
  priority: F('PRI', 3, 'right', (p) => String(p.priority)),
  psr: F('PSR', 3, 'right', () => '0'),
  rss: F('RSS', 5, 'right', (p) => String(p.rssPages * 4)),
  rssize: F('RSS', 5, 'right', (p) => String(p.rssPages * 4)),
  ruid: F('RUID', 5, 'right', (p) => String(p.ruid)),
  ruser: F('RUSER', 8, 'user', (p, c) => user(p.ruid, c)),
  s: F('S', 1, 'left', (p) => p.state),
  state: F('S', 1, 'left', (p) => p.state),
  sess: F('SESS', 5, 'right', (p) => String(p.session), true),
  session: F('SESS', 5, 'right', (p) => String(p.session), true),
  sid: F('SID', 5, 'right', (p) => String(p.session), true),
  start: F('STARTED', 8, 'right', (p, c) => {
    const t = c.boot + Math.floor(p.start / HZ);
    return t + 86400 > c.now ? strftime('%H:%M:%S', t) : `  ${strftime('%b %d', t)}`;
  }),
  start_time: F('START', 5, 'right', (p, c) => stime(p, c)),
  stime: F('STIME', 5, 'right', (p, c) => stime(p, c)),
  stat: F('STAT', 4, 'left', (p) => stat(p)),
  sz: F('SZ', 5, 'right', (p) => String(Math.floor(p.vsize / 4096))),
  tname: F('TTY', 8, 'left', (p) => ttyName(p.ttyNr)),
  tt: F('TT', 8, 'left', (p) => ttyName(p.ttyNr)),
  tty: F('TT', 8, 'left', (p) => ttyName(p.ttyNr)),
  tpgid: F('TPGID', 5, 'right', (p) => String(p.tpgid), true),
  uid: F('UID', 5, 'right', (p) => String(p.euid)),
  euid: F('EUID', 5, 'right', (p) => String(p.euid)),
  uid_hack: F('UID', 8, 'user', (p, c) => user(p.euid, c)),
  user: F('USER', 8, 'user', (p, c) => user(p.euid, c)),
  euser: F('EUSER', 8, 'user', (p, c) => user(p.euid, c)),
  vsz: F('VSZ', 6, 'right', (p) => String(Math.floor(p.vsize / 1024))),
  vsize: F('VSZ', 6, 'right', (p) => String(Math.floor(p.vsize / 1024))),
  wchan: F('WCHAN', 6, 'wchan', (p, c) => (p.state === 'R' ? '-' : (p.wchan || '-')).slice(0, Math.max(0, c.maxRightward))),
};
