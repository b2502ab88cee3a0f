// GNU stat 9.1: the default format, -c/--format and --printf (with backslash escapes), -L, -t.
// There is no birth time in our struct stat, so %w is "-" and %W is 0, as on a filesystem
// without btime; -f (file systems) is not offered.
import type { ProgramArgs, Stat, UserGen } from '../../uapi/syscalls.ts';
import { S_ISBLK_OR_CHR } from './ls_types.ts';
import { major, minor } from '../../uapi/fcntl.ts';
import { readIdNames } from './idnames.ts';
import type { IdNames } from './idnames.ts';
import { writeAll } from '../lib/io.ts';
import { lstat, readlink, stat as sysStat } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { modeString } from './modes.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { fileType } from './rm.ts';
import { bootEpochSec, epochOf, strftime } from './time.ts';

const DEFAULT = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-11i Links: %h\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const DEFAULT_DEV = DEFAULT.replace('Links: %h\n', 'Links: %-5h Device type: %Hr,%Lr\n');
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

interface Ctx { names: IdNames; /** Boot's epoch second. */ epoch: number; defaultFmt: boolean }

function stamp(ns: number, epoch: number): string {
  const [sec, nsec] = epochOf(ns, epoch);
  return strftime('%Y-%m-%d %H:%M:%S.%N %z', sec, nsec);
}

function printfPad(spec: string, v: string, numeric: boolean): string {
  const m = /^([-0#+ ]*)(\d*)(?:\.(\d+))?$/.exec(spec);
  if (!m) return v;
  const [, flags, w, prec] = m;
  let s = v;
  if (prec !== undefined && !numeric) s = s.slice(0, Number(prec));
  const width = Number(w || 0);
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && numeric) return s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
  return s.padStart(width);
}

/** Expand one FORMAT for a file. */
function* expand(fmt: string, name: string, st: Stat, c: Ctx): UserGen<string> {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') {
      out += fmt[i];
      continue;
    }
    const m = /^([-0#+ ]*\d*(?:\.\d+)?)([HL]?)(.?)/.exec(fmt.slice(i + 1))!;
    const [all, spec, hl, conv] = m;
    i += all.length;
    let v: string;
    let numeric = true;
    switch (conv) {
      case '%': out += '%'; continue;
      case '': out += '%'; continue;
      case 'n': v = name; numeric = false; break;
      case 'N': {
        let s = c.defaultFmt ? name : quote(name);
        if ((st.mode & 0o170000) === 0o120000) {
          const t = yield* readlink(name);
          if (typeof t === 'string') s += ` -> ${c.defaultFmt ? t : quote(t)}`;
        }
        v = s;
        numeric = false;
        break;
      }
      case 's': v = String(st.size); break;
      case 'b': v = String(st.blocks); break;
      case 'B': v = '512'; break;
      case 'o': v = String(st.blksize); break;
      case 'a': v = (st.mode & 0o7777).toString(8); if (spec.includes('#')) v = `0${v}`; break;
      case 'A': v = modeString(st.mode); numeric = false; break;
      case 'f': v = st.mode.toString(16); break;
      case 'F': v = fileType(st); numeric = false; break;
      case 'h': v = String(st.nlink); break;
      case 'i': v = String(st.ino); break;
      case 'u': v = String(st.uid); break;
      case 'U': v = c.names.users.get(st.uid) ?? 'UNKNOWN'; numeric = false; break;
      case 'g': v = String(st.gid); break;
      case 'G': v = c.names.groups.get(st.gid) ?? 'UNKNOWN'; numeric = false; break;
      case 'd': v = hl === 'H' ? String(major(st.dev)) : hl === 'L' ? String(minor(st.dev)) : String(st.dev); break;
      case 'D': v = st.dev.toString(16); break;
      case 'r': v = hl === 'H' ? String(major(st.rdev)) : hl === 'L' ? String(minor(st.rdev)) : String(st.rdev); break;
      case 'R': v = st.rdev.toString(16); break;
      case 't': v = major(st.rdev).toString(16); break;
      case 'T': v = minor(st.rdev).toString(16); break;
      case 'x': v = stamp(st.atime, c.epoch); numeric = false; break;
      case 'y': v = stamp(st.mtime, c.epoch); numeric = false; break;
      case 'z': v = stamp(st.ctime, c.epoch); numeric = false; break;
      case 'w': v = '-'; numeric = false; break;
      case 'X': v = String(epochOf(st.atime, c.epoch)[0]); break;
      case 'Y': v = String(epochOf(st.mtime, c.epoch)[0]); break;
      case 'Z': v = String(epochOf(st.ctime, c.epoch)[0]); break;
      case 'W': v = '0'; break;
      case 'm': v = '/'; numeric = false; break;
      default: v = '?'; numeric = false;
    }
    out += printfPad(spec.replace('#', ''), v, numeric);
  }
  return out;
}

function escapes(s: string): string {
  const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
  return s.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (all, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return map[e] ?? all;
  });
}

export function* stat({ argv }: ProgramArgs): UserGen {
  // stat.c long_options, in its order.
  const long = {
    dereference: L('L'), 'file-system': L('f'), format: L('c', 'required'), printf: L('printf', 'required'), terse: L('t'),
    cached: L('cached', 'required'),
  };
  const p = yield* parseArgs(argv, { short: 'c:fLt', long }, { name: 'stat' });
  if ('exit' in p) return p.exit;
  let fmt: string | null = null;
  let follow = false;
  let terse = false;
  for (const o of p.opts) {
    if (o.key === 'c') fmt = `${o.value}\n`;
    else if (o.key === 'printf') fmt = escapes(o.value ?? '');
    else if (o.key === 'L') follow = true;
    else if (o.key === 't') terse = true;
    else if (o.key === 'cached') {
      // XARGMATCH: an exact name or an unambiguous prefix; the cache mode changes nothing here.
      const v = o.value ?? '';
      const modes = ['default', 'never', 'always'];
      const hits = modes.filter((m) => m.startsWith(v));
      if (!modes.includes(v) && hits.length !== 1) {
        yield* warn(argv[0], `${hits.length ? 'ambiguous' : 'invalid'} argument ${quoteC(v)} for '--cached'`);
        yield* writeAll(2, `Valid arguments are:\n${modes.map((m) => `  - '${m}'\n`).join('')}`);
        yield* tryHelp(argv[0]);
        return 1;
      }
    }
    else if (o.key === 'f') {
      yield* warn(argv[0], 'file system status (-f) is not available here');
      return 1;
    }
  }
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const c: Ctx = { names: yield* readIdNames(), epoch: yield* bootEpochSec(), defaultFmt: fmt === null && !terse };
  const out = new Output();
  let status = 0;
  for (const name of p.operands) {
    const st = follow ? yield* sysStat(name) : yield* lstat(name);
    if (typeof st === 'number') {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot statx ${quote(name)}`, st);
      status = 1;
      continue;
    }
    const f = fmt ?? (terse ? TERSE : S_ISBLK_OR_CHR(st.mode) ? DEFAULT_DEV : DEFAULT);
    yield* out.put(yield* expand(f, name, st, c));
  }
  return yield* out.finish(argv[0], status);
}
