// procps-ng 4 ps command line (src/ps/parser.c): SysV options (-e -f -l -H -o -p ...), BSD
// options (a x u f j l w ...), GNU long options (--forest --sort --no-headers ...). As ps does,
// a failed SysV parse is retried with every word read as BSD options (so "ps -aux" works), and
// the first error is the one reported.

export interface PsOpts {
  all: boolean;
  /** simple_select bits: SysV -a/-d, BSD a/x/g. */
  ua: boolean; ud: boolean; ba: boolean; bx: boolean;
  negate: boolean;
  runningOnly: boolean;
  pids: number[] | null;
  ppids: number[] | null;
  users: string[] | null;
  comms: string[] | null;
  ttys: string[] | null;
  sids: number[] | null;
  /** Format flags of sortformat.c. */
  uf: boolean; ul: boolean; fmF: boolean; fmJ: boolean;
  bu: boolean; bj: boolean; bl: boolean; bv: boolean;
  preferBsd: boolean;
  unixF: boolean;
  bsdC: boolean;
  forest: '' | 'b' | 'u';
  /** -o / o lists, in order. */
  formats: string[];
  sort: string[];
  headers: 'default' | 'none' | 'multi';
  wide: number;
  cols: number | null;
  help: boolean;
  /** --help's section argument, or null (help.c do_help(): the short usage unless it names one). */
  helpSection: string | null;
  version: boolean;
}

function fresh(): PsOpts {
  return {
    all: false, ua: false, ud: false, ba: false, bx: false, negate: false, runningOnly: false, pids: null, ppids: null,
    users: null, comms: null, ttys: null, sids: null, uf: false, ul: false, fmF: false, fmJ: false, bu: false, bj: false,
    bl: false, bv: false, preferBsd: false, unixF: false, bsdC: false, forest: '', formats: [], sort: [], headers: 'default',
    wide: 0, cols: null, help: false, helpSection: null, version: false,
  };
}

class ParseError extends Error {}

function list(arg: string): string[] {
  return arg.split(/[ ,]+/).filter(Boolean);
}

function pidList(arg: string): number[] {
  const items = list(arg);
  if (!items.length || items.some((x) => !/^\d+$/.test(x) || Number(x) < 1)) throw new ParseError('process ID list syntax error');
  return items.map(Number);
}

function add<T>(cur: T[] | null, more: T[]): T[] {
  return [...(cur ?? []), ...more];
}

function parseSysv(o: PsOpts, word: string, next: () => string | undefined, users: (u: string) => boolean): void {
  for (let i = 1; i < word.length; i++) {
    const c = word[i];
    const arg = (what: string): string => {
      const rest = word.slice(i + 1);
      i = word.length;
      const a = rest || next();
      if (a === undefined) throw new ParseError(what);
      return a;
    };
    switch (c) {
      case 'A': case 'e': o.all = true; break;
      case 'a': o.ua = true; break;
      case 'd': o.ud = true; break;
      case 'N': o.negate = true; break;
      case 'f': o.uf = true; o.unixF = true; break;
      case 'F': o.uf = true; o.fmF = true; o.unixF = true; break;
      case 'l': o.ul = true; break;
      case 'j': o.fmJ = true; break;
      case 'H': o.forest = 'u'; break;
      case 'w': o.wide++; break;
      case 'y': case 'c': case 'L': case 'T': case 'M': case 'Z': case 'P': break;
      case 'V': o.version = true; break;
      case 'o': o.formats.push(arg('format specification must follow -o')); break;
      case 'O': o.formats.push(`pid,${arg('format or sort specification must follow -O')},tname,time,cmd`); break;
      case 'p': case 'q': o.pids = add(o.pids, pidList(arg('list of process IDs must follow -p'))); break;
      case 'u': case 'U': {
        const us = list(arg('list of users must follow -u'));
        if (us.some((u) => !users(u))) throw new ParseError('user name does not exist');
        o.users = add(o.users, us);
        break;
      }
      case 'C': o.comms = add(o.comms, list(arg('list of command names must follow -C'))); break;
      case 't': o.ttys = add(o.ttys, list(arg('list of terminals (pty, tty...) must follow -t'))); break;
      case 's': o.sids = add(o.sids, pidList(arg('list of session IDs must follow -s'))); break;
      case 'g': case 'G': arg('list of groups must follow -g'); break;
      case 'x': throw new ParseError('must set personality to get -x option');
      default: throw new ParseError('unsupported SysV option');
    }
  }
}

function parseBsd(o: PsOpts, word: string, next: () => string | undefined): void {
  o.preferBsd = true;
  const w = word.startsWith('-') ? word.slice(1) : word;
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const arg = (what: string): string => {
      const rest = w.slice(i + 1);
      i = w.length;
      const a = rest || next();
      if (a === undefined) throw new ParseError(what);
      return a;
    };
    switch (c) {
      case 'a': o.ba = true; break;
      case 'x': o.bx = true; break;
      case 'g': break;
      case 'u': o.bu = true; break;
      case 'j': o.bj = true; break;
      case 'l': o.bl = true; break;
      case 'v': o.bv = true; break;
      case 'f': o.forest = 'b'; break;
      case 'w': o.wide++; break;
      case 'h': o.headers = 'none'; break;
      case 'r': o.runningOnly = true; break;
      case 'c': o.bsdC = true; break;
      case 'e': case 'n': case 'S': case 'm': case 'H': case 'X': case 'Z': case 'L': break;
      case 'V': o.version = true; break;
      case 'o': case 'O': o.formats.push(arg('format specification must follow o')); break;
      case 'k': o.sort.push(...list(arg('long sort specification must follow \'k\''))); break;
      case 'p': o.pids = add(o.pids, pidList(arg('list of process IDs must follow p'))); break;
      case 'U': o.users = add(o.users, list(arg('list of users must follow U'))); o.bx = true; break;
      case 't': o.ttys = add(o.ttys, list(arg('list of terminals (pty, tty...) must follow t'))); break;
      case 'T': o.ttys = add(o.ttys, ['']); break;
      case '-': throw new ParseError("embedded '-' among BSD options makes no sense");
      default: throw new ParseError('unsupported option (BSD syntax)');
    }
  }
}

const GNU_ARG = new Set(['sort', 'format', 'pid', 'ppid', 'user', 'User', 'cols', 'columns', 'width', 'rows', 'lines', 'sid', 'tty', 'group', 'Group', 'quick-pid']);

function parseGnu(o: PsOpts, word: string, next: () => string | undefined): void {
  // case_help: grab_gnu_arg() takes "=X", ":X" or the next argument (not an empty one) as the
  // section, and do_help() exits at once: pass() stops there.
  const h = /^--help(?:[=:](.*))?$/s.exec(word);
  if (h) {
    o.help = true;
    o.helpSection = (h[1] ?? next()) || null;
    return;
  }
  const eq = word.indexOf('=');
  const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
  let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
  if (GNU_ARG.has(name) && value === undefined) {
    value = next();
    if (value === undefined) throw new ParseError(`option --${name} requires an argument`);
  }
  switch (name) {
    case 'forest': o.forest = 'b'; break;
    case 'no-headers': case 'no-heading': case 'no-headings': o.headers = 'none'; break;
    case 'headers': o.headers = 'multi'; break;
    case 'sort': o.sort.push(...list(value!)); break;
    case 'format': o.formats.push(value!); break;
    case 'pid': case 'quick-pid': o.pids = add(o.pids, pidList(value!)); break;
    case 'ppid': o.ppids = add(o.ppids, pidList(value!)); break;
    case 'user': case 'User': o.users = add(o.users, list(value!)); break;
    case 'sid': o.sids = add(o.sids, pidList(value!)); break;
    case 'tty': o.ttys = add(o.ttys, list(value!)); break;
    case 'cols': case 'columns': case 'width': {
      if (!/^\d+$/.test(value!) || Number(value) < 1) throw new ParseError('number of columns must follow --cols, --width, or --columns');
      o.cols = Number(value);
      break;
    }
    case 'deselect': o.negate = true; break;
    case 'version': o.version = true; break;
    case 'group': case 'Group': case 'rows': case 'lines': case 'context': case 'cumulative': case 'info': break;
    default: throw new ParseError('unknown gnu long option');
  }
}

/** arg_type()'s ARG_FAIL and ARG_END: a word that is no option, PID list or BSD cluster. */
function garbage(a: string): boolean {
  if (/^[A-Za-z0-9+]/.test(a)) return false;
  if (a[0] !== '-') return true;
  if (/^[A-Za-z0-9]/.test(a.slice(1))) return false;
  return a[1] !== '-' || !/^[A-Za-z]/.test(a.slice(2));
}

function pass(argv: readonly string[], forceBsd: boolean, users: (u: string) => boolean): PsOpts {
  const o = fresh();
  let i = 1;
  const next = (): string | undefined => (i + 1 < argv.length ? argv[++i] : undefined);
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (garbage(a)) throw new ParseError('garbage option');
    const had = o.version;
    let form = 'V';
    if (a.startsWith('--') && a.length > 2) {
      parseGnu(o, a, next);
      if (o.help) return o;
      form = '--version';
    } else if (a.startsWith('-') && a.length > 1 && !forceBsd) {
      parseSysv(o, a, next, users);
      form = '-V';
    } else if (/^\d[\d,]*$/.test(a)) {
      o.preferBsd = true;
      o.pids = add(o.pids, pidList(a));
    } else parseBsd(o, a, next);
    // exclusive(): --version, -V and V only as ps's one and only argument, spelled so.
    if (o.version && !had && (argv.length !== 2 || argv[1] !== form)) throw new ParseError(`the option is exclusive: ${form}`);
  }
  return o;
}

/** Parse ps's arguments; a string is the error text for "error: ..." and the usage. */
export function parsePs(argv: readonly string[], users: (u: string) => boolean = () => true): PsOpts | string {
  let first: string;
  try {
    return pass(argv, false, users);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    first = e.message;
  }
  try {
    return pass(argv, true, users);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return first;
  }
}

/** generate_sysv_list() and the BSD format macros: the default columns for these options. */
export function defaultFormat(o: PsOpts): string[] {
  if (o.bu) return ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'];
  if (o.bj) return ['ppid', 'pid', 'pgid', 'sid', 'tname', 'tpgid', 'stat', 'uid', 'bsdtime', 'args'];
  if (o.bl) return ['flags', 'uid', 'pid', 'ppid', 'priority', 'nice', 'vsz', 'rss', 'wchan', 'stat', 'tname', 'bsdtime', 'args'];
  if (o.bv) return ['pid', 'tname', 'stat', 'bsdtime', 'maj_flt', 'm_trs', 'm_drs', 'rss', 'pmem', 'args'];
  const list: string[] = [];
  const push = (s: string): void => { list.unshift(s); };
  const flags = o.uf || o.ul;
  if (o.preferBsd) {
    push(flags ? 'cmd' : 'args');
    push('bsdtime');
    if (!o.ul) push('stat');
  } else {
    push(o.uf ? 'cmd' : 'ucmd');
    push('time');
  }
  push('tname');
  if (o.uf) push('stime');
  if (o.fmF) { push('psr'); push('rss'); }
  if (o.ul) push('wchan');
  if (o.fmF || o.ul) push('sz');
  if (o.ul) push('addr_1');
  if (o.ul) { push('ni'); push('opri'); }
  if (o.uf || o.ul) push('c');
  if (o.fmJ) { push('sid'); push('pgid'); }
  if (o.uf || o.ul) push('ppid');
  push('pid');
  if (o.uf) push('uid_hack');
  else if (o.ul) push('uid');
  if (o.ul) { push('s'); push('f'); }
  return list;
}
