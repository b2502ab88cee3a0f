// procps-ng 4 ps: reads /proc (ps_proc.ts), selects as select.c does, sorts or builds the forest
// (display.c: roots found from the end, init's children kept at its level in ASCII forests), and
// lays out columns with output.c's show_one_proc() (right/left/user justification, the last
// column taking the rest of the line; a terminal's width truncates, a pipe does not).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';
import { geteuid } from '../lib/sys.ts';
import { Output, getenv, isatty, termWidth } from './common.ts';
import { FIELDS, argsOf } from './ps_fields.ts';
import type { Field, PsCtx } from './ps_fields.ts';
import { PS_HELP_SECTIONS } from './help_texts_gnu.ts';
import { helpText, versionText } from './opts.ts';
import { defaultFormat, parsePs } from './ps_parse.ts';
import type { PsOpts } from './ps_parse.ts';
import { parseStat, readIdNames, readProcs, ttyName } from './ps_proc.ts';
import type { Proc } from './ps_proc.ts';
import { bootEpochSec, nowEpoch } from './time.ts';

const OUTBUF_SIZE = 2 * 64 * 1024;

/** help.c do_help(): a section by its letter or name ("all": every one), else the short usage. */
function psHelp(argv0: string, section: string | null): string {
  const names: Record<string, string> = { simple: 's', list: 'l', output: 'o', threads: 't', misc: 'm', all: 'a' };
  if (section === null) return helpText('ps', argv0);
  const key = Object.hasOwn(names, section) ? names[section] : section;
  const body = key === 'a' ? Object.values(PS_HELP_SECTIONS).join('\n') : Object.hasOwn(PS_HELP_SECTIONS, key) ? PS_HELP_SECTIONS[key] : '';
  if (!body) return helpText('ps', argv0);
  return `\nUsage:\n ${argv0.slice(argv0.lastIndexOf('/') + 1)} [options]\n\n${body}\nFor more details see ps(1).\n`;
}

const USAGE = '\nUsage:\n ps [options]\n\n Try \'ps --help <simple|list|output|threads|misc|all>\'\n' +
  '  or \'ps --help <s|l|o|t|m|a>\'\n for additional help text.\n\nFor more details see ps(1).\n';

interface Col { name: string; f: Field; head: string; width: number }

function buildColumns(specs: string[], pidLen: number): Col[] | string {
  const cols: Col[] = [];
  for (const spec of specs) {
    // sortformat.c: items split at blanks and commas (one trailing delimiter allowed);
    // NAME=HEADER renames, NAME:WIDTH sets the width.
    const items = spec.replace(/[ ,\t\n]$/, '').split(/[ ,\t\n]/);
    if (!spec.trim() || items.some((x) => x === '')) return spec.trim() ? 'improper format list' : 'empty format list';
    for (const item of items) {
      const eq = item.indexOf('=');
      const override = eq >= 0 ? item.slice(eq + 1) : null;
      let name = eq >= 0 ? item.slice(0, eq) : item;
      let width: number | null = null;
      const colon = name.indexOf(':');
      if (colon >= 0) {
        const w = name.slice(colon + 1);
        if (!/^[1-9]\d*$/.test(w)) return 'column widths must be unsigned decimal numbers';
        width = Number(w);
        name = name.slice(0, colon);
      }
      const f = FIELDS[name === '%cpu' ? 'pcpu' : name === '%mem' ? 'pmem' : name];
      if (!f) return `unknown user-defined format specifier "${name}"`;
      let w = f.pidmax ? Math.max(pidLen, f.head.length) : f.width;
      if (override !== null) w = Math.max(w, override.length);
      if (width !== null) w = width;
      cols.push({ name, f, head: override ?? f.head, width: w });
    }
  }
  return cols;
}

/** check_header_width(): active_cols is the smallest multiple of the screen that fits. */
function activeCols(cols: Col[], screen: number): number {
  let total = 0;
  let wasNormal = 0;
  cols.forEach((c, i) => {
    total += (c.f.just === 'unlimited' && i === cols.length - 1 ? 3 : c.width) + wasNormal;
    wasNormal = 1;
  });
  for (let i = 1; ; i++) {
    if (screen * i >= total || screen * i >= OUTBUF_SIZE / 2) return screen * i;
  }
}

/** show_one_proc(): one row (p === null: the header). */
function row(cols: Col[], p: Proc | null, c: PsCtx, active: number): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    const last = i === cols.length - 1;
    let tmpspace = 0;
    let maxR: number;
    if (!last) maxR = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        maxR = active - actual - tmpspace;
      } else maxR = active - Math.max(correct, actual);
    }
    c.maxRightward = Math.max(0, Math.min(maxR, OUTBUF_SIZE - 1));
    let text = p ? col.f.pr(p, c) : col.head;
    let leftpad = 0;
    switch (col.f.just) {
      case 'right': leftpad = Math.max(0, col.width - text.length); break;
      case 'user': leftpad = c.userIsNumber ? Math.max(0, col.width - text.length) : 0; break;
      case 'unlimited': case 'wchan': if (active - actual - tmpspace < 1) text = text.slice(0, 1); break;
      default: break;
    }
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > 144) space = 144;
    out += ' '.repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += col.width + 1;
    dospace = 1;
  }
  return `${out}\n`;
}

function* selection(o: PsOpts, procs: Proc[]): UserGen<Proc[]> {
  const euid = yield* geteuid();
  const self = yield* readFile('/proc/self/stat');
  const myTty = typeof self === 'string' ? parseStat(self)?.ttyNr ?? 0 : 0;
  const names = yield* readIdNames();
  const uids = o.users?.map((u) => (/^\d+$/.test(u) ? Number(u) : [...names.users.entries()].find(([, n]) => n === u)?.[0] ?? -1));
  const ttys = o.ttys?.map((t) => (t === '' ? ttyName(myTty) : t.replace(/^\/dev\//, '')));
  const lists = o.pids || o.ppids || o.users || o.comms || o.ttys || o.sids;
  const simple = o.ua || o.ud || o.ba || o.bx;
  let bits: number;
  if (!simple && !o.preferBsd) bits = 0xaa00;
  else if (o.ua && o.ud) bits = 0x3f3f;
  else if (o.ua) bits = 0x0303;
  else if (o.ud) bits = 0x3333;
  else if (o.ba && o.bx) bits = -1;
  else if (o.ba) bits = 0x0f0f;
  else if (o.bx) bits = 0xaaaa;
  else bits = 0x0a0a;
  const table = (p: Proc): boolean => {
    if (bits === -1) return true;
    const idx = (p.euid === euid ? 1 : 0) | (p.session === p.pid ? 2 : 0) | (!p.ttyNr ? 4 : 0) | (p.ttyNr === myTty ? 8 : 0);
    return (bits & (1 << idx)) !== 0;
  };
  const listed = (p: Proc): boolean =>
    !!(o.pids?.includes(p.pid) || o.ppids?.includes(p.ppid) || uids?.includes(p.euid) || o.sids?.includes(p.session) ||
      o.comms?.some((cmd) => p.comm === cmd.slice(0, 15)) || ttys?.includes(ttyName(p.ttyNr)));
  return procs.filter((p) => {
    let ok = o.all || ((simple || !lists) && table(p)) || listed(p);
    if (o.runningOnly && p.state !== 'R' && p.state !== 'D') ok = false;
    return o.negate ? !ok : ok;
  });
}

const SORT_KEYS: Record<string, (p: Proc) => number | string> = {
  pid: (p) => p.pid, ppid: (p) => p.ppid, pgid: (p) => p.pgrp, pgrp: (p) => p.pgrp, sid: (p) => p.session, sess: (p) => p.session,
  comm: (p) => p.comm, ucmd: (p) => p.comm, cmd: (p) => argsOf(p), args: (p) => argsOf(p), command: (p) => argsOf(p),
  uid: (p) => p.euid, user: (p) => p.euid, time: (p) => p.ticks, cputime: (p) => p.ticks, pcpu: (p) => p.ticks,
  '%cpu': (p) => p.ticks, rss: (p) => p.rssPages, vsz: (p) => p.vsize, pmem: (p) => p.rssPages, '%mem': (p) => p.rssPages,
  start_time: (p) => p.start, stime: (p) => p.start, etime: (p) => -p.start, tty: (p) => p.ttyNr, tname: (p) => p.ttyNr,
  nice: (p) => p.nice, ni: (p) => p.nice, pri: (p) => p.priority, stat: (p) => p.state, state: (p) => p.state,
};

/** display.c show_forest()/show_tree(): rows in tree order, each with its prefix. */
function forestOrder(procs: Proc[], type: 'b' | 'u'): [Proc, string][] {
  const arr = procs.map((p, i) => ({ p, i })).sort((a, b) => a.p.ppid - b.p.ppid || a.p.start - b.p.start || a.i - b.i).map((x) => x.p);
  const out: [Proc, string][] = [];
  const prefix: string[] = [];
  const tree = (self: number, level: number, sibling: boolean): void => {
    if (level) prefix[level - 1] = sibling ? '+' : 'L';
    prefix.length = level;
    out.push([arr[self], prefix.join('')]);
    let i = arr.findIndex((q) => q.ppid === arr[self].pid);
    if (i < 0) return;
    if (level) prefix[level - 1] = sibling ? '|' : ' ';
    prefix.length = level;
    for (; i < arr.length; i++) {
      const more = i + 1 < arr.length && arr[i + 1].ppid === arr[self].pid;
      if (arr[self].pid === 1 && type !== 'u') tree(i, level, more);
      else tree(i, Math.min(level + 1, 200), more);
      if (!more) break;
    }
    prefix.length = level;
  };
  for (let i = arr.length - 1; i >= 0; i--) {
    if (!arr.some((q) => q.pid === arr[i].ppid)) tree(i, 0, false);
  }
  return out;
}

export function* ps({ argv, envp }: ProgramArgs): UserGen {
  const err = new Output(2);
  const out = new Output(1, 16384);
  const ids = yield* readIdNames();
  const o = parsePs(argv, (u) => /^\d+$/.test(u) || [...ids.users.values()].includes(u));
  if (typeof o === 'string') {
    yield* err.put(`error: ${o}\n${USAGE}`);
    return yield* err.finish(argv[0], 1);
  }
  if (o.help) {
    yield* out.put(psHelp(argv[0], o.helpSection));
    return yield* out.finish(argv[0], 0);
  }
  if (o.version) {
    yield* out.put(versionText('ps', argv[0]));
    return yield* out.finish(argv[0], 0);
  }
  const pm = yield* readFile('/proc/sys/kernel/pid_max');
  const pidLen = typeof pm === 'string' && pm.trim() ? pm.trim().length : 5;
  const cols = buildColumns(o.formats.length ? o.formats : defaultFormat(o), pidLen);
  if (typeof cols === 'string') {
    yield* err.put(`error: ${cols}\n${USAGE}`);
    return yield* err.finish(argv[0], 1);
  }
  // set_screen_size(): a terminal's width (or 80), no limit into a pipe; COLUMNS, then w/ww.
  let screen = (yield* isatty(1)) ? yield* termWidth(1, []) : OUTBUF_SIZE;
  const envCols = getenv(envp, 'COLUMNS');
  if (envCols && /^\d+$/.test(envCols) && Number(envCols) > 0) screen = Number(envCols);
  if (o.cols) screen = o.cols;
  if (o.wide && screen < 132) screen = 132;
  if (o.wide > 1) screen = OUTBUF_SIZE;
  const active = activeCols(cols, screen);

  const [now] = yield* nowEpoch();
  const uptimeText = yield* readFile('/proc/uptime');
  const mem = yield* readFile('/proc/meminfo');
  const c: PsCtx = {
    now, boot: yield* bootEpochSec(), uptime: typeof uptimeText === 'string' ? parseFloat(uptimeText) : 0,
    memTotalKb: typeof mem === 'string' ? Number(/MemTotal:\s+(\d+)/.exec(mem)?.[1] ?? 131072) : 131072,
    names: yield* readIdNames(), forestPrefix: '', forestType: o.forest, unixF: o.unixF && !o.bsdC, maxRightward: 0, userIsNumber: false,
  };
  const procs = yield* selection(o, yield* readProcs());
  let rows: [Proc, string][];
  if (o.forest) rows = forestOrder(procs, o.forest);
  else {
    const sorted = [...procs];
    for (const key of [...o.sort].reverse()) {
      const desc = key.startsWith('-');
      const k = SORT_KEYS[key.replace(/^[+-]/, '')];
      if (!k) continue;
      sorted.sort((a, b) => {
        const x = k(a);
        const y = k(b);
        const r = x < y ? -1 : x > y ? 1 : 0;
        return desc ? -r : r;
      });
    }
    rows = sorted.map((p) => [p, '']);
  }
  const allEmpty = cols.every((col) => col.head === '');
  if (o.headers !== 'none' && !allEmpty) yield* out.put(row(cols, null, c, active));
  for (const [p, prefix] of rows) {
    c.forestPrefix = prefix;
    yield* out.put(row(cols, p, c, active));
  }
  return yield* out.finish(argv[0], rows.length ? 0 : 1);
}
