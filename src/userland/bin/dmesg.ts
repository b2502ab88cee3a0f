// util-linux 2.38 dmesg over syslog(2) (klogctl): records "<N>[    s.us] text" printed as
// "[    s.us] text", with -r raw, -t no time, -x facility:level, -T ctime, -d delta, -l/-f/-k/-u
// filters, -c read-and-clear, -C clear, -n console level, -D/-E console off/on, and -w following
// /dev/kmsg (on kernels whose /dev/kmsg can be read; otherwise it reads once, as dmesg does).
import { EINTR, strerror } from '../../uapi/errno.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import {
  SYSLOG_ACTION_CLEAR, SYSLOG_ACTION_CONSOLE_LEVEL, SYSLOG_ACTION_CONSOLE_OFF, SYSLOG_ACTION_CONSOLE_ON, SYSLOG_ACTION_READ_ALL,
} from '../../uapi/resource.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { nanosleep, open, read, syslog } from '../lib/sys.ts';
import { getoptLong } from '../text/getopt.ts';
import { Output, warn } from './common.ts';
import { L, helpText, versionText } from './opts.ts';
import { bootEpochSec, strftime } from './time.ts';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp'];

const LONG = {
  'buffer-size': L('s', 'required'), clear: L('C'), color: L('L', 'optional'), 'console-level': L('n', 'required'),
  'console-off': L('D'), 'console-on': L('E'), decode: L('x'), file: L('F', 'required'), facility: L('f', 'required'),
  follow: L('w'), 'follow-new': L('W'), human: L('H'), help: L('h'), json: L('J'), kernel: L('k'), level: L('l', 'required'),
  syslog: L('S'), raw: L('r'), 'read-clear': L('c'), reltime: L('e'), 'show-delta': L('d'), ctime: L('T'), notime: L('t'),
  nopager: L('P'), userspace: L('u'), version: L('V'), 'time-format': L('time-format', 'required'), 'force-prefix': L('p'),
  noescape: L('noescape'),
};

interface Rec { fac: number; lev: number; sec: number; usec: number; text: string; hasTime: boolean }

/** parse_level(): a name or number; with `offset` (for -n) numbers are 1..8. null if unknown. */
function parseLevel(s: string, offset: number): number | null {
  if (/^\d/.test(s)) {
    if (!/^\d+$/.test(s)) return null;
    const x = Number(s) - offset;
    return x >= 0 && x < LEVELS.length ? x + offset : null;
  }
  const i = LEVELS.indexOf(s.toLowerCase());
  return i >= 0 ? i + offset : null;
}

/** Split the syslog buffer into records (get_next_syslog_record). */
export function syslogRecords(buf: string): Rec[] {
  const out: Rec[] = [];
  for (const line of buf.split(/\n(?=<)/)) {
    if (!line) continue;
    let s = line.replace(/\n$/, '');
    let fac = -1;
    let lev = -1;
    const m = /^<(\d+)>/.exec(s);
    if (m) {
      fac = Number(m[1]) >> 3;
      lev = Number(m[1]) & 7;
      s = s.slice(m[0].length);
    }
    const t = /^\[ *(\d+)\.(\d+)\] ?/.exec(s);
    let sec = 0;
    let usec = 0;
    if (t) {
      sec = Number(t[1]);
      usec = Number(t[2]);
      s = s.slice(t[0].length);
    }
    out.push({ fac, lev, sec, usec, text: s, hasTime: !!t });
  }
  return out;
}

/** safe_fwrite(): unprintable bytes as \xNN; continuation lines indented under the text. */
function escape(s: string, indent: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const n = c.charCodeAt(0);
    if (c === '\n' && i + 1 < s.length && indent) out += `\n${' '.repeat(indent)}`;
    else if ((n < 32 && !' \t\n\v\f\r'.includes(c)) || n >= 127) out += `\\x${n.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out;
}

export interface Ctl { raw: boolean; time: 'time' | 'none' | 'ctime'; delta: boolean; decode: boolean; levels: Set<number> | null; facs: Set<number> | null; boot: number; last: number | null }

export function format(r: Rec, c: Ctl): string {
  if (c.levels && (r.fac < 0 || !c.levels.has(r.lev))) return '';
  if (c.facs && (r.fac < 0 || !c.facs.has(r.fac))) return '';
  if (!r.text) return '\n';
  const fp = c.decode && r.fac >= 0 && r.fac < FACILITIES.length ? `${FACILITIES[r.fac].padEnd(6)}:${LEVELS[r.lev].padEnd(6)}: ` : '';
  // record_count_delta(): a last time of exactly 0 counts as "not set" (timerisset).
  const t = r.sec + r.usec / 1e6;
  const delta = c.last === null || c.last === 0 ? 0 : t - c.last;
  c.last = t;
  let ts = '';
  const stamp = `${String(r.sec).padStart(5)}.${String(r.usec).padStart(6, '0')}`;
  if (c.time === 'time') ts = c.delta ? `[${stamp} <${delta.toFixed(6).padStart(12)}>] ` : `[${stamp}] `;
  else if (c.time === 'ctime') ts = `[${strftime('%a %b %e %H:%M:%S %Y', c.boot + r.sec)}${c.delta ? ` <${delta.toFixed(6).padStart(12)}>` : ''}] `;
  else if (c.delta) ts = `[<${delta.toFixed(6).padStart(12)}>] `;
  return `${fp}${ts}${escape(r.text, fp.length + ts.length)}\n`;
}

export function newCtl(): Ctl {
  return { raw: false, time: 'time', delta: false, decode: false, levels: null, facs: null, boot: 0, last: null };
}

/** The whole non-raw output for a syslog(2) buffer. */
export function renderSyslog(buf: string, c: Ctl): string {
  return syslogRecords(buf).map((r) => format(r, c)).join('');
}

/** A /dev/kmsg record "PRI,SEQ,USEC,FLAGS;text" as a syslog-style record. */
function kmsgRecord(s: string): Rec | null {
  const m = /^(\d+),\d+,(\d+),[^;]*;([^\n]*)/.exec(s);
  if (!m) return null;
  const usec = Number(m[2]);
  return { fac: Number(m[1]) >> 3, lev: Number(m[1]) & 7, sec: Math.floor(usec / 1e6), usec: usec % 1e6, text: m[3], hasTime: true };
}

export function* dmesg({ argv }: ProgramArgs): UserGen {
  const out = new Output();
  const r = getoptLong(argv[0], argv, { short: 'CcDdEeF:f:HhJkL::l:n:iPprSs:TtuVWwx', long: LONG });
  const fail = function* (msg: string): UserGen<number> {
    yield* out.flush();
    yield* warn('dmesg', msg);
    return 1;
  };
  if (!r.ok) {
    // glibc's getopt names argv[0]; util-linux's hint names the tool.
    yield* writeAll(2, r.message);
    return yield* tryHelpDmesg();
  }
  let action: number = SYSLOG_ACTION_READ_ALL;
  let readClear = false;
  let consoleLevel = 0;
  let follow = false;
  const c = newCtl();
  for (const { key, value = '' } of r.opts) {
    switch (key) {
      case 'C': action = SYSLOG_ACTION_CLEAR; break;
      case 'c': action = SYSLOG_ACTION_READ_ALL; readClear = true; break;
      case 'D': action = SYSLOG_ACTION_CONSOLE_OFF; break;
      case 'E': action = SYSLOG_ACTION_CONSOLE_ON; break;
      case 'd': c.delta = true; break;
      case 'r': c.raw = true; break;
      case 't': c.time = 'none'; break;
      case 'T': c.time = 'ctime'; break;
      case 'x': c.decode = true; break;
      case 'w': case 'W': follow = true; break;
      case 'k': c.facs = new Set([0]); break;
      case 'u': c.facs = new Set(FACILITIES.map((_, i) => i).slice(1)); break;
      case 'l': {
        c.levels = new Set();
        for (const item of value.split(',')) {
          const lv = parseLevel(item, 0);
          if (lv === null) return yield* fail(`unknown level '${item}'`);
          c.levels.add(lv);
        }
        break;
      }
      case 'f': {
        c.facs = new Set();
        for (const item of value.split(',')) {
          const i = /^\d+$/.test(item) ? Number(item) : FACILITIES.indexOf(item.toLowerCase());
          if (i < 0 || i >= FACILITIES.length) return yield* fail(`unknown facility '${item}'`);
          c.facs.add(i);
        }
        break;
      }
      case 'n': {
        const lv = parseLevel(value, 1);
        if (lv === null) return yield* fail(`unknown level '${value}'`);
        action = SYSLOG_ACTION_CONSOLE_LEVEL;
        consoleLevel = lv;
        break;
      }
      case 'h':
        yield* out.put(helpText('dmesg', argv[0]));
        return yield* out.finish('dmesg', 0);
      case 'V':
        yield* out.put(versionText('dmesg', argv[0]));
        return yield* out.finish('dmesg', 0);
      default: break;
    }
  }
  if (r.operands.length) {
    yield* warn('dmesg', 'bad usage');
    return yield* tryHelpDmesg();
  }
  if (c.time === 'ctime') c.boot = yield* bootEpochSec();
  if (action === SYSLOG_ACTION_READ_ALL) {
    if (follow) {
      const followed = yield* followKmsg(c, out);
      if (followed !== null) return followed;
    }
    const buf = yield* syslog(SYSLOG_ACTION_READ_ALL, 1 << 17);
    if (typeof buf === 'number') return yield* fail(`read kernel buffer failed: ${strerror(-buf)}`);
    if (c.raw && (c.levels || c.facs)) return yield* fail('--raw can be used together with --level or --facility only when reading messages from /dev/kmsg');
    if (c.raw) {
      if (buf) yield* out.put(escape(buf, 0) + (buf.endsWith('\n') ? '' : '\n'));
    } else yield* out.put(renderSyslog(buf, c));
    yield* out.flush();
    if (!readClear) return yield* out.finish('dmesg', 0);
    action = SYSLOG_ACTION_CLEAR;
  }
  const rc = yield* syslog(action, action === SYSLOG_ACTION_CONSOLE_LEVEL ? consoleLevel : 0);
  if (typeof rc === 'number' && rc < 0) {
    return yield* fail(`${action === SYSLOG_ACTION_CLEAR ? 'clear kernel buffer failed' : 'klogctl failed'}: ${strerror(-rc)}`);
  }
  return yield* out.finish('dmesg', 0);
}

function* tryHelpDmesg(): UserGen<number> {
  yield* writeAll(2, "Try 'dmesg --help' for more information.\n");
  return 1;
}

/** -w: every /dev/kmsg record, then new ones as they come. null when /dev/kmsg cannot be read. */
function* followKmsg(c: Ctl, out: Output): UserGen<number | null> {
  const fd = yield* open('/dev/kmsg', O_RDONLY);
  if (fd < 0) return null;
  let first = true;
  for (;;) {
    const s = yield* read(fd, 8192);
    if (s === -EINTR) continue;
    if (typeof s === 'number') {
      if (first) return null;
      return yield* out.finish('dmesg', 1);
    }
    first = false;
    if (s === '') {
      yield* out.flush();
      if (out.error) return yield* out.finish('dmesg', 1);
      yield* nanosleep(100_000_000);
      continue;
    }
    const rec = kmsgRecord(s);
    if (rec) yield* out.put(c.raw ? `<${(rec.fac << 3) | rec.lev}>[${String(rec.sec).padStart(5)}.${String(rec.usec).padStart(6, '0')}] ${rec.text}\n` : format(rec, c));
  }
}
