// GNU ls 9.1: operands (files first, then each directory), -a -A -d -R, -I/--hide/-B, sorting
// (-t -S -U -X -v -r, -f, --sort, --group-directories-first), formats (-l -1 -C -x -m, -g -o -n
// -h --si --block-size -i -s -Z --author, -F -p --indicator-style, --time-style, --full-time,
// --zero, --hyperlink), terminal-dependent defaults (columns and shell-escaped names on a tty, one
// per line otherwise), exit status 2 for a missing operand. Options: ls_opts.ts.
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readIdNames } from './idnames.ts';
import { fnmatch } from '../../lib/fnmatch.ts';
import { clockGettime, close, lstat, readlink, stat, uname } from '../lib/sys.ts';
import { Output, Ticker, getenv, isatty, termWidth, warn, warnErrno } from './common.ts';
import { cQuote, hyperlinked, longLines, shortLines, shownName, totalText } from './ls_format.ts';
import { LS_LONG, LS_SHORT, decodeSwitches } from './ls_opts.ts';
import { compareFor } from './ls_sort.ts';
import type { Entry, LsOpts } from './ls_types.ts';
import { parseArgs } from './opts.ts';
import { Can, canonicalize } from './readlink.ts';
import { quote } from './quote.ts';
import { bootEpochSec } from './time.ts';
import { joinPath, openDirNames } from './walk.ts';

/** fnmatch(pattern, name, FNM_PERIOD): a leading '.' only matches a literal one. */
function matchPeriod(pattern: string, name: string): boolean {
  if (name[0] === '.' && pattern[0] !== '.' && !pattern.startsWith('\\.')) return false;
  return fnmatch(pattern, name);
}

/** file_ignored(): dot files unless -a/-A, --hide only without them, -I/-B always. */
function ignored(o: LsOpts, name: string): boolean {
  if (o.all !== 'all' && name[0] === '.' && (o.all === 'none' || name === '.' || name === '..')) return true;
  if (o.all === 'none' && o.hide.some((p) => matchPeriod(p, name))) return true;
  return o.ignore.some((p) => matchPeriod(p, name));
}

export function* ls({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: LS_SHORT, long: LS_LONG }, { name: 'ls' }, 2);
  if ('exit' in p) return p.exit;
  const tty = yield* isatty(1);
  const bytes = { size: 1, opts: 0 }, kib = { size: 1024, opts: 0 };
  const o: LsOpts = {
    all: 'none', directory: false, recursive: false, format: 'one', indicator: 'none', inode: false, size: false,
    blocks: kib, fileSize: bytes, numeric: false, owner: true, group: true, author: false, context: false, sort: 'name',
    dirsFirst: false, reverse: false, time: 'mtime', dereference: false, derefArgs: 'default', quoting: null, qmark: null,
    ignore: [], hide: [], eol: '\n', hyperlink: null, tabsize: -1, timeFormats: ['%b %e  %Y', '%b %e %H:%M'], shellQuote: false, bootSec: 0,
    dired: false, quotingName: 'literal',
  };
  const d = yield* decodeSwitches(argv[0], p.opts, o, tty, getenv(envp, 'TIME_STYLE'));
  if (typeof d === 'number') return d;
  o.shellQuote = o.quoting === 'shell' || (o.quoting === null && tty);
  o.cStyle = o.quoting === 'c' || o.quoting === 'escape' ? o.quoting : undefined;
  if (o.qmark === null) o.qmark = tty;
  if (o.tabsize < 0) {
    // TABSIZE when no -T: an invalid one is reported and 8 used.
    const env = getenv(envp, 'TABSIZE');
    o.tabsize = 8;
    if (env !== undefined && /^\s*\+?\d+$/.test(env)) o.tabsize = Number(env.trim().replace(/^\+/, ''));
    else if (env !== undefined && ['columns', 'across', 'commas'].includes(o.format)) {
      yield* warn(argv[0], `ignoring invalid tab size in environment variable TABSIZE: ${quote(env)}`);
    }
  }
  let width = d.width ?? (tty ? yield* termWidth(1, envp) : 80);
  if (!tty && d.width === null) width = 80;
  if (o.hyperlink !== null) {
    const u = yield* uname();
    o.hyperlink = typeof u === 'number' ? '' : u.nodename;
  }
  o.bootSec = yield* bootEpochSec();
  const nowNs = yield* clockGettime(1);
  const names = yield* readIdNames();
  const out = new Output();
  const ticker = new Ticker(64, 500);
  let status = 0;
  const longish = o.format === 'long';
  // mbsnwidth() in the C locale: control bytes have no width.
  const nameWidth = (e: Entry): number => shownName(e.name, o, quote).text.split('').filter((c) => c >= ' ' && c !== '\x7f').length;

  const describe = function* (name: string, path: string, follow: boolean, fallback = true): UserGen<Entry | number> {
    let st = follow ? yield* stat(path) : yield* lstat(path);
    if (typeof st === 'number' && follow && fallback) st = yield* lstat(path);
    if (typeof st === 'number') return st;
    const e: Entry = {
      name, path, st,
      owner: o.numeric ? String(st.uid) : names.users.get(st.uid) ?? String(st.uid),
      group: o.numeric ? String(st.gid) : names.groups.get(st.gid) ?? String(st.gid),
    };
    if ((longish || o.dirsFirst) && S_ISLNK(st.mode)) {
      const t = yield* readlink(path);
      if (typeof t === 'string' && longish) e.linkTarget = t;
      const target = yield* stat(path);
      if (typeof target !== 'number') e.linkMode = target.mode;
    }
    if (o.hyperlink !== null) {
      const abs = yield* canonicalize(path, Can.MISSING);
      if (typeof abs === 'string') e.absolute = abs;
    }
    return e;
  };
  // --dired: the byte offsets of the names written, and of the directory names in headers.
  let written = 0;
  const diredFiles: number[] = [], diredDirs: number[] = [];
  const put = function* (text: string): UserGen<void> {
    written += text.length;
    yield* out.put(text);
  };
  const printGroup = function* (entries: Entry[], sized: Entry[] = entries): UserGen<void> {
    // sort_files() returns at once for sort_none: -U and -f keep the order, -r included.
    if (o.sort !== 'none') entries.sort(compareFor(o, nameWidth));
    const marks: number[] = [];
    const base = written;
    yield* put(longish ? longLines(entries, o, nowNs, quote, marks, sized) : shortLines(entries, o, width, quote, sized));
    diredFiles.push(...marks.map((m) => m + base));
  };

  const operands = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    // Command-line symlinks to directories are followed unless -l, -d or -F (ls.c); -H follows all.
    const follow = o.dereference || o.derefArgs !== 'default' || (!longish && !o.directory && o.indicator !== 'classify');
    const e = yield* describe(name, name, follow, o.derefArgs !== 'all');
    if (typeof e === 'number') {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot access ${quote(name)}`, e);
      status = 2;
      continue;
    }
    if (!o.directory && S_ISDIR(e.st!.mode)) dirs.push(e);
    else files.push(e);
  }
  let printed = false;
  if (files.length) {
    // gobble_file() widens the columns for every operand, directories included.
    yield* printGroup(files, [...files, ...dirs]);
    printed = true;
  }
  if (o.sort !== 'none') dirs.sort(compareFor(o, nameWidth));
  const showNames = operands.length > 1 || o.recursive;
  const listDir = function* (d: Entry, top: boolean): UserGen<void> {
    const opened = yield* openDirNames(d.path);
    const list = typeof opened === 'number' ? opened : opened[1];
    if (typeof list === 'number') {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot open directory ${quote(d.path)}`, list);
      status = top ? 2 : Math.max(status, 1);
      return;
    }
    if (printed) yield* put('\n');
    printed = true;
    const shown = o.cStyle ? cQuote(d.path, o.cStyle, true) : o.shellQuote && /[^\w.,:@%+\-/]/.test(d.path) ? quote(d.path) : d.path;
    if (showNames) {
      const abs = o.hyperlink !== null ? yield* canonicalize(d.path, Can.MISSING) : 0;
      if (o.dired) diredDirs.push(written + 2, written + 2 + shown.length);
      yield* put(`${o.dired ? '  ' : ''}${typeof abs === 'string' ? hyperlinked(shown, abs, o) : shown}:\n`);
    }
    const all = o.all === 'all' ? ['.', '..', ...list] : list;
    const entries: Entry[] = [];
    for (const n of all) {
      if (ignored(o, n)) continue;
      yield* ticker.tick();
      const e = yield* describe(n, joinPath(d.path, n), o.dereference);
      if (typeof e === 'number') {
        yield* out.flush();
        yield* warnErrno(argv[0], `cannot access ${quote(joinPath(d.path, n))}`, e);
        status = Math.max(status, 1);
        continue;
      }
      entries.push(e);
    }
    const total = entries.reduce((s, e) => s + (e.st?.blocks ?? 0), 0);
    if (typeof opened !== 'number') yield* close(opened[0]);
    if (longish || o.size) yield* put(`${o.dired ? '  ' : ''}total ${totalText(total, o)}${o.eol}`);
    yield* printGroup(entries);
    if (!o.recursive) return;
    for (const e of entries) {
      if (e.name === '.' || e.name === '..' || !e.st || !S_ISDIR(e.st.mode)) continue;
      yield* listDir(e, false);
    }
  };
  for (const d of dirs) yield* listDir(d, true);
  if (o.dired) {
    if (diredFiles.length) yield* out.put(`//DIRED// ${diredFiles.join(' ')}\n`);
    if (diredDirs.length) yield* out.put(`//SUBDIRED// ${diredDirs.join(' ')}\n`);
    yield* out.put(`//DIRED-OPTIONS// --quoting-style=${o.quotingName}\n`);
  }
  return yield* out.finish(argv[0], status);
}
