// GNU du 9.1: disk usage (st_blocks * 512, or st_size with --apparent-size/-b) of each operand,
// directories including what is below them, printed after their contents ("SIZE\tNAME"). Hard
// links are counted once; with several operands every inode is (du.c's hash_all). Sizes are in
// 1024-byte blocks rounded up, or -B/-k/-m units, or -h (human_ceiling, powers of 1024) or --si;
// --inodes counts entries instead. --exclude/-X skip names (operands too), -t elides small (or,
// negative, large) entries from the listing, --time adds the newest time below each entry,
// --files0-from reads the operands.
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { Stat } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { lstat, stat } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { xargmatch } from './argmatch.ts';
import { Output, Ticker, getenv, tryHelp, warn, warnErrno } from './common.ts';
import { human_autoscale, human_SI, humanReadable } from './df_table.ts';
import { DU_TIME_FORMATS, DU_TIME_STYLES, excludeLines, excluded, files0Entries, threshold } from './du_filters.ts';
import type { Files0Entry } from './du_filters.ts';
import { readInput } from './inputs.ts';
import { bootEpochSec, epochOf, strftime } from './time.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC, quotef } from './quote.ts';
import { joinPath, listNames } from './walk.ts';

const UNITS = 'KMGTPEZY';

/** human_readable() with human_ceiling and base 1024, no "B": "8.0K", "20K", "2.9M". */
export function humanCeil(bytes: number): string {
  let v = bytes, e = -1;
  while (v >= 1024 && e < UNITS.length - 1) {
    v /= 1024;
    e++;
  }
  if (e < 0) return String(Math.ceil(v));
  let s: string;
  if (v < 10) {
    const t = Math.ceil(v * 10 - 1e-9) / 10;
    s = t >= 10 ? '10' : t.toFixed(1);
  } else {
    const t = Math.ceil(v - 1e-9);
    if (t >= 1024 && e < UNITS.length - 1) return `1.0${UNITS[e + 1]}`;
    s = String(t);
  }
  return s + UNITS[e];
}

/** --block-size: [N][K|M|G...][B|iB]; a unit without digits is also printed after each size. */
function blockSize(spec: string): { size: number; suffix: string } | null {
  const m = /^(\d*)(?:([KkMGTPEZY])(iB|B)?)?$/.exec(spec);
  if (!m || (m[1] === '' && !m[2])) return null;
  const pow = m[2] ? 'KMGTPEZY'.indexOf(m[2].toUpperCase()) + 1 : 0;
  const base = m[3] === 'B' ? 1000 : 1024;
  const size = (m[1] ? Number(m[1]) : 1) * base ** pow;
  return size > 0 ? { size, suffix: m[1] ? '' : spec } : null;
}

export function* du({ argv, envp }: ProgramArgs): UserGen {
  // du.c long_options, in its order.
  const long = {
    all: L('a'), 'apparent-size': L('A'), 'block-size': L('B', 'required'), bytes: L('b'), 'count-links': L('l'),
    dereference: L('L'), 'dereference-args': L('D'), exclude: L('exclude', 'required'), 'exclude-from': L('X', 'required'),
    'files0-from': L('files0-from', 'required'), 'human-readable': L('h'), inodes: L('I'), si: L('si'),
    'max-depth': L('d', 'required'), 'null': L('0'), 'no-dereference': L('P'), 'one-file-system': L('x'),
    'separate-dirs': L('S'), summarize: L('s'), total: L('c'), threshold: L('t', 'required'), time: L('time', 'optional'),
    'time-style': L('time-style', 'required'),
  };
  const p = yield* parseArgs(argv, { short: '0abcd:hHklmsxB:DLPSt:X:', long }, { name: 'du' });
  if ('exit' in p) return p.exit;
  let all = false, apparent = false, total = false, maxDepth = Infinity, human = false, deref = false, derefArgs = false;
  let separate = false, summarize = false, oneFs = false, countLinks = false, eol = '\n', unit = { size: 1024, suffix: '' };
  let si = false, inodes = false, limit = 0, timeKind: 'mtime' | 'atime' | 'ctime' | null = null, timeStyle: string | undefined;
  let files0: string | null = null, optsOk = true;
  const patterns: string[] = [];
  for (const o of p.opts) {
    const v = o.value ?? '';
    if (o.key === 'a') all = true;
    else if (o.key === 'A') apparent = true;
    else if (o.key === 'b') {
      apparent = true;
      unit = { size: 1, suffix: '' };
      human = false;
    } else if (o.key === 'c') total = true;
    else if (o.key === 'd') {
      if (!/^\d+$/.test(v)) {
        yield* warn(argv[0], `invalid maximum depth ${quoteC(v)}`);
        yield* tryHelp(argv[0]);
        return 1;
      }
      maxDepth = Number(v);
    } else if (o.key === 'h') {
      human = true;
      si = false;
    } else if (o.key === 'si') {
      human = true;
      si = true;
    }
    else if (o.key === 'k') {
      unit = { size: 1024, suffix: '' };
      human = false;
    } else if (o.key === 'm') {
      unit = { size: 1024 * 1024, suffix: '' };
      human = false;
    }
    else if (o.key === 'B') {
      const b = blockSize(v);
      if (!b) {
        yield* warn(argv[0], `invalid -B argument ${quote(v)}`);
        return 1;
      }
      unit = b;
      human = false;
    } else if (o.key === 'L') deref = true;
    else if (o.key === 'D' || o.key === 'H') derefArgs = true;
    else if (o.key === 'P') deref = false;
    else if (o.key === 'S') separate = true;
    else if (o.key === 's') summarize = true;
    else if (o.key === 'x') oneFs = true;
    else if (o.key === 'l') countLinks = true;
    else if (o.key === '0') eol = '\0';
    else if (o.key === 'I') inodes = true;
    else if (o.key === 'exclude') patterns.push(v);
    else if (o.key === 'X') {
      const r = yield* readInput(v, argv[0]);
      if ('data' in r) patterns.push(...excludeLines(r.data));
      else {
        yield* warnErrno(argv[0], quotef(v), 'open' in r ? r.open : r.read);
        optsOk = false;
      }
    } else if (o.key === 't') {
      const t = threshold(v);
      // xstrtol_fatal() names the option as given; -0 would select nothing.
      const name = argv.some((a) => a.startsWith('--th')) ? '--threshold' : '-t';
      if (typeof t === 'string' || (t === 0 && v.trim()[0] === '-')) {
        yield* warn(argv[0], `${typeof t === 'string' ? t : 'invalid'} ${typeof t === 'string' ? name : '--threshold'} argument ${quoteC(v)}`);
        return 1;
      }
      limit = t;
    } else if (o.key === 'time') {
      const i = o.value === undefined ? 0 : yield* xargmatch(argv[0], '--time', v, [['atime', 'access', 'use'], ['ctime', 'status']]);
      if (i < 0) return 1;
      timeKind = o.value === undefined ? 'mtime' : i === 0 ? 'atime' : 'ctime';
    } else if (o.key === 'time-style') timeStyle = v;
    else if (o.key === 'files0-from') files0 = v;
  }
  if (!optsOk) {
    yield* tryHelp(argv[0]);
    return 1;
  }
  let timeFormat = '';
  if (timeKind) {
    // du.c: TIME_STYLE (not "locale") when no --time-style; "+FORMAT" up to a newline.
    let style = timeStyle ?? getenv(envp, 'TIME_STYLE');
    if (style === undefined || (timeStyle === undefined && style === 'locale')) style = 'long-iso';
    else if (timeStyle === undefined && style[0] === '+') style = style.split('\n')[0];
    else if (timeStyle === undefined) while (style.startsWith('posix-')) style = style.slice(6);
    if (style[0] === '+') timeFormat = style.slice(1);
    else {
      const i = yield* xargmatch(argv[0], 'time style', style, DU_TIME_STYLES);
      if (i < 0) return 1;
      timeFormat = DU_TIME_FORMATS[i];
    }
  }
  if (summarize && maxDepth !== Infinity && maxDepth !== 0) {
    yield* warn(argv[0], `warning: summarizing conflicts with --max-depth=${maxDepth}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (summarize) maxDepth = 0;
  let names: Files0Entry[] = (p.operands.length ? p.operands : ['.']).map((name) => ({ name }));
  if (files0 !== null) {
    if (p.operands.length) {
      yield* warn(argv[0], `extra operand ${quoteC(p.operands[0])}`);
      yield* writeAll(2, 'file operands cannot be combined with --files0-from\n');
      yield* tryHelp(argv[0]);
      return 1;
    }
    const r = yield* readInput(files0, argv[0]);
    if (!('data' in r)) {
      yield* warnErrno(argv[0], `cannot open ${quote(files0)} for reading`, 'open' in r ? r.open : r.read);
      return 1;
    }
    names = files0Entries(files0, r.data);
  }
  const bootSec = timeKind ? yield* bootEpochSec() : 0;
  const hashAll = names.length > 1;
  const seen = new Set<string>();
  const out = new Output();
  const tick = new Ticker(64);
  let status = 0;
  if (inodes && apparent) yield* warn(argv[0], 'warning: options --apparent-size and -b are ineffective with --inodes');
  const show = (n: number): string => (inodes && !human ? String(n)
    : si ? humanReadable(n, human_autoscale | human_SI, 1, 1) : human ? humanCeil(n) : `${Math.ceil(n / unit.size)}${unit.suffix}`);
  const sizeOf = (st: Stat): number => (apparent ? st.size : st.blocks * 512);
  const timeOf = (st: Stat): number => (timeKind === 'atime' ? st.atime : timeKind === 'ctime' ? st.ctime : st.mtime);
  /** print_size() under -t: the threshold selects on bytes (or inodes); the listing only. */
  const print = function* (t: Tally, path: string): UserGen<void> {
    const v = inodes ? t.inodes : t.size;
    if (limit < 0 ? v > -limit : v < limit) return;
    const when = timeKind ? `${strftime(timeFormat, ...epochOf(t.tmax, bootSec))}\t` : '';
    yield* out.put(`${show(v)}\t${when}${path}${eol}`);
  };
  /** What an entry adds to its parent (all of it, or with -S a directory's own files only), or null. */
  const walk = function* (path: string, depth: number, top: boolean, dev: number): UserGen<{ t: Tally; dir: boolean } | null> {
    yield* tick.tick();
    if (excluded(patterns, path)) return null;
    const st = deref || (top && derefArgs) ? yield* stat(path) : yield* lstat(path);
    if (typeof st === 'number') {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot access ${quote(path)}`, st);
      status = 1;
      return null;
    }
    if (oneFs && !top && st.dev !== dev) return null;
    const key = `${st.dev}:${st.ino}`;
    if (!countLinks && (hashAll || (!S_ISDIR(st.mode) && st.nlink > 1))) {
      if (seen.has(key)) return null;
      seen.add(key);
    }
    const own: Tally = { size: sizeOf(st), inodes: 1, tmax: timeOf(st) };
    if (S_ISDIR(st.mode)) {
      const files = { size: 0, inodes: 0, tmax: -Infinity }, dirs = { size: 0, inodes: 0, tmax: -Infinity };
      const list = yield* listNames(path);
      if (typeof list === 'number') {
        yield* out.flush();
        yield* warnErrno(argv[0], `cannot read directory ${quote(path)}`, list);
        status = 1;
      } else {
        for (const name of list) {
          const sub = yield* walk(joinPath(path, name), depth + 1, false, st.dev);
          if (sub) add(sub.dir ? dirs : files, sub.t);
        }
      }
      // -S: a directory's figure leaves out its subdirectories (the total keeps them).
      const mine = add(add({ ...own }, files), separate ? { size: 0, inodes: 0, tmax: -Infinity } : dirs);
      if (depth <= maxDepth) yield* print(mine, path);
      return { t: add(add(own, files), dirs), dir: true };
    }
    if ((all || top) && depth <= maxDepth) yield* print(own, path);
    return { t: own, dir: false };
  };
  const grand: Tally = { size: 0, inodes: 0, tmax: -Infinity };
  for (const e of names) {
    if ('error' in e) {
      yield* out.flush();
      yield* warn(argv[0], e.error);
      status = 1;
      continue;
    }
    const r = yield* walk(e.name, 0, true, 0);
    if (r !== null) add(grand, r.t);
  }
  if (total) {
    const when = timeKind ? `${strftime(timeFormat, ...epochOf(grand.tmax, bootSec))}\t` : '';
    yield* out.put(`${show(inodes ? grand.inodes : grand.size)}\t${when}total${eol}`);
  }
  return yield* out.finish(argv[0], status);
}

/** du.c's duinfo: bytes, inodes and the newest time (ns since boot) of a tree. */
interface Tally { size: number; inodes: number; tmax: number }

function add(a: Tally, b: Tally): Tally {
  a.size += b.size;
  a.inodes += b.inodes;
  a.tmax = Math.max(a.tmax, b.tmax);
  return a;
}
