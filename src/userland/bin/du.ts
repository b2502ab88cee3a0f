// GNU du 9.1: disk usage (st_blocks * 512, or st_size with --apparent-size/-b) of each operand,
// directories including what is below them, printed after their contents ("SIZE\tNAME"). Hard
// links are counted once; with several operands every inode is (du.c's hash_all). Sizes are in
// 1024-byte blocks rounded up, or -B/-k/-m units, or -h (human_ceiling, powers of 1024).
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { Stat } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { lstat, stat } from '../lib/sys.ts';
import { Output, Ticker, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
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

export function* du({ argv }: ProgramArgs): UserGen {
  // du.c long_options, in its order (the unsupported ones are refused below).
  const long = {
    all: L('a'), 'apparent-size': L('A'), 'block-size': L('B', 'required'), bytes: L('b'), 'count-links': L('l'),
    dereference: L('L'), 'dereference-args': L('D'), exclude: L('exclude', 'required'), 'exclude-from': L('X', 'required'),
    'files0-from': L('files0-from', 'required'), 'human-readable': L('h'), inodes: L('I'), si: L('H'),
    'max-depth': L('d', 'required'), 'null': L('0'), 'no-dereference': L('P'), 'one-file-system': L('x'),
    'separate-dirs': L('S'), summarize: L('s'), total: L('c'), threshold: L('t', 'required'), time: L('time', 'optional'),
    'time-style': L('time-style', 'required'),
  };
  const p = yield* parseArgs(argv, { short: '0abcd:hHklmsxB:DLPSt:X:', long }, { name: 'du' });
  if ('exit' in p) return p.exit;
  let all = false, apparent = false, total = false, maxDepth = Infinity, human = false, deref = false, derefArgs = false;
  let separate = false, summarize = false, oneFs = false, countLinks = false, eol = '\n', unit = { size: 1024, suffix: '' };
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
    } else if (o.key === 'h') human = true;
    else if (o.key === 'k') unit = { size: 1024, suffix: '' };
    else if (o.key === 'm') unit = { size: 1024 * 1024, suffix: '' };
    else if (o.key === 'B') {
      const b = blockSize(v);
      if (!b) {
        yield* warn(argv[0], `invalid -B argument ${quote(v)}`);
        return 1;
      }
      unit = b;
      human = false;
    } else if (o.key === 'L') deref = true;
    else if (o.key === 'D') derefArgs = true;
    else if (o.key === 'P') deref = false;
    else if (o.key === 'S') separate = true;
    else if (o.key === 's') summarize = true;
    else if (o.key === 'x') oneFs = true;
    else if (o.key === 'l') countLinks = true;
    else if (o.key === '0') eol = '\0';
    else if (o.key === 'I' || o.key === 't' || o.key === 'X' || o.key === 'H' || o.key.length > 1) {
      yield* warn(argv[0], `option ${o.key === 'I' ? '--inodes' : o.key.length > 1 ? `--${o.key}` : `-${o.key}`} is not supported here`);
      return 1;
    }
  }
  if (summarize && maxDepth !== Infinity && maxDepth !== 0) {
    yield* warn(argv[0], `warning: summarizing conflicts with --max-depth=${maxDepth}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (summarize) maxDepth = 0;
  const names = p.operands.length ? p.operands : ['.'];
  const hashAll = names.length > 1;
  const seen = new Set<string>();
  const out = new Output();
  const tick = new Ticker(64);
  let status = 0, grand = 0;
  const show = (n: number): string => (human ? humanCeil(n) : `${Math.ceil(n / unit.size)}${unit.suffix}`);
  const sizeOf = (st: Stat): number => (apparent ? st.size : st.blocks * 512);
  /** The size to add to the parent (all of it, or with -S a directory's own files only), or null. */
  const walk = function* (path: string, depth: number, top: boolean, dev: number): UserGen<{ size: number; dir: boolean } | null> {
    yield* tick.tick();
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
    const size = sizeOf(st);
    if (S_ISDIR(st.mode)) {
      let files = 0, dirs = 0;
      const list = yield* listNames(path);
      if (typeof list === 'number') {
        yield* out.flush();
        yield* warnErrno(argv[0], `cannot read directory ${quote(path)}`, list);
        status = 1;
      } else {
        for (const name of list) {
          const sub = yield* walk(joinPath(path, name), depth + 1, false, st.dev);
          if (sub && sub.dir) dirs += sub.size;
          else if (sub) files += sub.size;
        }
      }
      // -S: a directory's figure leaves out its subdirectories (the total keeps them).
      const mine = size + files + (separate ? 0 : dirs);
      if (depth <= maxDepth) yield* out.put(`${show(mine)}\t${path}${eol}`);
      return { size: size + files + dirs, dir: true };
    }
    if ((all || top) && depth <= maxDepth) yield* out.put(`${show(size)}\t${path}${eol}`);
    return { size, dir: false };
  };
  for (const name of names) {
    const r = yield* walk(name, 0, true, 0);
    if (r !== null) grand += r.size;
  }
  if (total) yield* out.put(`${show(grand)}\ttotal${eol}`);
  return yield* out.finish(argv[0], status);
}
