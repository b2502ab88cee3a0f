// GNU ls 9.1: operands (files first, then each directory), -a -A -d -R, sorting (-t -S -U -X -r, -f),
// formats (-l -1 -C -x -m, -g -o -n -h -i -s, -F -p), terminal-dependent defaults (columns and
// shell-escaped names on a tty, one per line otherwise), exit status 2 for a missing operand.
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readIdNames } from './idnames.ts';
import { clockGettime, close, lstat, readlink, stat } from '../lib/sys.ts';
import { Output, Ticker, isatty, termWidth, warnErrno } from './common.ts';
import { cQuote, humanSize, kBlocks, longLines, shortLines } from './ls_format.ts';
import type { Entry, LsOpts } from './ls_types.ts';
import { L, parseArgs } from './opts.ts';
import { quote } from './quote.ts';
import { bootEpochSec } from './time.ts';
import { joinPath, openDirNames } from './walk.ts';

const LONG = {
  all: L('a'), 'almost-all': L('A'), directory: L('d'), recursive: L('R'), classify: L('F', 'optional'), 'human-readable': L('h'),
  inode: L('i'), 'numeric-uid-gid': L('n'), reverse: L('r'), size: L('s'), dereference: L('L'), literal: L('N'),
  'no-group': L('G'), color: L('color', 'optional'), format: L('format', 'required'), sort: L('sort', 'required'),
  time: L('time', 'required'), 'indicator-style': L('indicator-style', 'required'), 'group-directories-first': L('gdf'),
  'quoting-style': L('quoting-style', 'required'), width: L('w', 'required'), escape: L('b'), 'quote-name': L('Q'),
};

function compare(o: LsOpts): (a: Entry, b: Entry) => number {
  const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const ext = (n: string): string => { const i = n.lastIndexOf('.'); return i > 0 ? n.slice(i) : ''; };
  const t = (e: Entry): number => (o.time === 'atime' ? e.st?.atime : o.time === 'ctime' ? e.st?.ctime : e.st?.mtime) ?? 0;
  let cmp: (a: Entry, b: Entry) => number;
  switch (o.sort) {
    case 'time': cmp = (a, b) => t(b) - t(a) || byName(a, b); break;
    case 'size': cmp = (a, b) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || byName(a, b); break;
    case 'extension': cmp = (a, b) => (ext(a.name) < ext(b.name) ? -1 : ext(a.name) > ext(b.name) ? 1 : byName(a, b)); break;
    default: cmp = byName;
  }
  return o.reverse ? (a, b) => cmp(b, a) : cmp;
}

export function* ls({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'aAbdRlCx1mFphinrsStUXfcugoGLNQw:T:', long: LONG }, { name: 'ls' }, 2);
  if ('exit' in p) return p.exit;
  const tty = yield* isatty(1);
  const o: LsOpts = {
    all: 'none', directory: false, recursive: false, format: tty ? 'columns' : 'one', indicator: 'none', inode: false, size: false,
    human: false, numeric: false, owner: true, group: true, sort: 'name', reverse: false, time: 'mtime', dereference: false,
    shellQuote: tty, bootSec: 0,
  };
  let width = yield* termWidth(1, envp);
  if (!tty) width = 80;
  for (const { key, value = '' } of p.opts) {
    switch (key) {
      case 'a': o.all = 'all'; break;
      case 'A': o.all = 'almost'; break;
      case 'd': o.directory = true; break;
      case 'R': o.recursive = true; break;
      case 'l': o.format = 'long'; break;
      case 'g': o.format = 'long'; o.owner = false; break;
      case 'o': o.format = 'long'; o.group = false; break;
      case 'n': o.format = 'long'; o.numeric = true; break;
      case 'G': o.group = false; break;
      case 'C': o.format = 'columns'; break;
      case 'x': o.format = 'across'; break;
      case '1': o.format = 'one'; break;
      case 'm': o.format = 'commas'; break;
      case 'F': o.indicator = 'classify'; break;
      case 'p': o.indicator = 'slash'; break;
      case 'h': o.human = true; break;
      case 'i': o.inode = true; break;
      case 'r': o.reverse = true; break;
      case 's': o.size = true; break;
      case 'S': o.sort = 'size'; break;
      case 't': o.sort = 'time'; break;
      case 'U': o.sort = 'none'; break;
      case 'X': o.sort = 'extension'; break;
      // ls.c decode_switches(): -a and -U, and it turns off a -l or -s given before it (not after).
      case 'f':
        o.all = 'all';
        o.sort = 'none';
        if (o.format === 'long') o.format = tty ? 'columns' : 'one';
        o.size = false;
        break;
      case 'c': o.time = 'ctime'; break;
      case 'u': o.time = 'atime'; break;
      case 'L': o.dereference = true; break;
      case 'N': o.shellQuote = false; o.cStyle = undefined; break;
      case 'Q': o.cStyle = 'c'; break;
      case 'b': o.cStyle = 'escape'; break;
      case 'w': if (/^\d+$/.test(value)) width = Number(value) || Infinity; break;
      case 'format': o.format = value.startsWith('l') || value === 'verbose' ? 'long' : value === 'single-column' ? 'one' : value === 'across' || value === 'horizontal' ? 'across' : value === 'commas' ? 'commas' : 'columns'; break;
      case 'sort': o.sort = value === 'time' ? 'time' : value === 'size' ? 'size' : value === 'none' ? 'none' : value === 'extension' ? 'extension' : 'name'; break;
      case 'quoting-style':
        o.shellQuote = value.startsWith('shell');
        o.cStyle = value === 'c' || value === 'escape' ? value : undefined;
        break;
      default: break; // --color (never colours), -T, --group-directories-first: accepted
    }
  }
  o.bootSec = yield* bootEpochSec();
  const nowNs = yield* clockGettime(1);
  const names = yield* readIdNames();
  const out = new Output();
  const ticker = new Ticker(64, 500);
  let status = 0;
  const longish = o.format === 'long';

  const describe = function* (name: string, path: string, follow: boolean): UserGen<Entry | number> {
    let st = follow ? yield* stat(path) : yield* lstat(path);
    if (typeof st === 'number' && follow) st = yield* lstat(path);
    if (typeof st === 'number') return st;
    const e: Entry = {
      name, path, st,
      owner: o.numeric ? String(st.uid) : names.users.get(st.uid) ?? String(st.uid),
      group: o.numeric ? String(st.gid) : names.groups.get(st.gid) ?? String(st.gid),
    };
    if (longish && S_ISLNK(st.mode)) {
      const t = yield* readlink(path);
      if (typeof t === 'string') e.linkTarget = t;
    }
    return e;
  };
  const printGroup = function* (entries: Entry[]): UserGen<void> {
    // sort_files() returns at once for sort_none: -U and -f keep the order, -r included.
    if (o.sort !== 'none') entries.sort(compare(o));
    yield* out.put(longish ? longLines(entries, o, nowNs, quote) : shortLines(entries, o, width, quote));
  };

  const operands = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    // Command-line symlinks to directories are followed unless -l, -d or -F (ls.c).
    const follow = o.dereference || (!longish && !o.directory && o.indicator !== 'classify');
    const e = yield* describe(name, name, follow);
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
    yield* printGroup(files);
    printed = true;
  }
  if (o.sort !== 'none') dirs.sort(compare(o));
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
    if (printed) yield* out.put('\n');
    printed = true;
    const shown = o.cStyle ? cQuote(d.path, o.cStyle, true) : o.shellQuote && /[^\w.,:@%+\-/]/.test(d.path) ? quote(d.path) : d.path;
    if (showNames) yield* out.put(`${shown}:\n`);
    const all = o.all === 'all' ? ['.', '..', ...list] : list;
    const entries: Entry[] = [];
    for (const n of all) {
      if (o.all === 'none' && n.startsWith('.')) continue;
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
    const total = entries.reduce((s, e) => s + kBlocks(e), 0);
    if (typeof opened !== 'number') yield* close(opened[0]);
    if (longish || o.size) yield* out.put(`total ${o.human ? humanSize(total * 1024) : total}\n`);
    yield* printGroup(entries);
    if (!o.recursive) return;
    for (const e of entries) {
      if (e.name === '.' || e.name === '..' || !e.st || !S_ISDIR(e.st.mode)) continue;
      yield* listDir(e, false);
    }
  };
  for (const d of dirs) yield* listDir(d, true);
  return yield* out.finish(argv[0], status);
}
