// GNU find 4.9: walks each starting point in directory order (getdents, as readdir gives it),
// evaluates the expression per file (find_parse.ts), runs -exec/-ok commands with fork/execvp,
// batches "-exec ... {} +", and reports unreadable paths as "find: 'x': strerror" (status 1).
import { ENOENT, ENOTEMPTY } from '../../uapi/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISDIR, X_OK, R_OK, W_OK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, Stat, UserGen } from '../../uapi/syscalls.ts';
import { fnmatch } from '../../lib/fnmatch.ts';
import { readFile, readLine, writeAll } from '../lib/io.ts';
import { access, clockGettime, lstat, readlink, rmdir, stat, unlink } from '../lib/sys.ts';
import { Output, Ticker, warn } from './common.ts';
import { helpText, versionText } from './opts.ts';
import { FindError, parseFind } from './find_parse.ts';
import type { FindCmd, FNode } from './find_parse.ts';
import { modeString } from './modes.ts';
import { quoteC } from './quote.ts';
import { runAndWait } from './spawn.ts';
import { strerror } from '../../uapi/errno.ts';
import { listNames } from './walk.ts';

const TYPE_BITS: Record<string, number> = { b: S_IFBLK, c: S_IFCHR, d: S_IFDIR, p: S_IFIFO, f: S_IFREG, l: S_IFLNK, s: S_IFSOCK };

interface Visit { path: string; name: string; depth: number; st: Stat }

class Quit {}

function cmpNum(cmp: -1 | 0 | 1, v: number, n: number): boolean {
  return cmp === 1 ? v > n : cmp === -1 ? v < n : v === n;
}

function* lookupId(file: string, name: string): UserGen<number | null> {
  if (/^\d+$/.test(name)) return Number(name);
  const t = yield* readFile(file);
  if (typeof t === 'number') return null;
  for (const l of t.split('\n')) {
    const f = l.split(':');
    if (f[0] === name) return Number(f[2]);
  }
  return null;
}

export function* find({ argv, envp }: ProgramArgs): UserGen {
  const prog = argv[0];
  // parse_version() / parse_help(): findutils' own texts, exit 0.
  if (argv[1] === '--version' || argv[1] === '-version') {
    yield* writeAll(1, versionText('find'));
    return 0;
  }
  if (argv[1] === '--help' || argv[1] === '-help') {
    yield* writeAll(1, helpText('find', prog));
    return 0;
  }
  let cmd: FindCmd;
  try {
    cmd = parseFind(argv.slice(1));
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    yield* warn(prog, e.message);
    return 1;
  }
  const out = new Output();
  const ticker = new Ticker(32, 1000);
  const now = yield* clockGettime(1);
  let status = 0;
  const batches = new Map<number, { argv: string[]; paths: string[] }>();
  const ids = new Map<string, number | null>();

  const run = function* (args: string[]): UserGen<number> {
    yield* out.flush();
    return yield* runAndWait(args, envp, function* (errno) {
      yield* warn(prog, `${quoteC(args[0])}: ${strerror(errno)}`);
    });
  };
  const flushBatch = function* (id: number): UserGen<void> {
    const b = batches.get(id);
    if (!b || !b.paths.length) return;
    const args = b.argv.flatMap((a) => (a === '{}' ? b.paths : [a]));
    b.paths = [];
    const st = yield* run(args);
    if (st !== 0) status = 1;
  };

  const evaluate = function* (n: FNode, v: Visit, prune: { v: boolean }): UserGen<boolean> {
    switch (n.k) {
      case 'and': return (yield* evaluate(n.a, v, prune)) && (yield* evaluate(n.b, v, prune));
      case 'or': return (yield* evaluate(n.a, v, prune)) || (yield* evaluate(n.b, v, prune));
      case 'comma': yield* evaluate(n.a, v, prune); return yield* evaluate(n.b, v, prune);
      case 'not': return !(yield* evaluate(n.a, v, prune));
      case 'true': return true;
      case 'false': return false;
      case 'print': yield* out.put(`${v.path}\n`); return true;
      case 'print0': yield* out.put(`${v.path}\0`); return true;
      case 'prune': if (!cmd.depthFirst) prune.v = true; return true;
      case 'quit': throw new Quit();
      case 'name': return fnmatch(n.pat, v.name);
      case 'iname': return fnmatch(n.pat.toLowerCase(), v.name.toLowerCase());
      case 'path': return fnmatch(n.pat, v.path);
      case 'ipath': return fnmatch(n.pat.toLowerCase(), v.path.toLowerCase());
      case 'regex': return n.re.test(v.path);
      case 'lname': {
        if ((v.st.mode & S_IFMT) !== S_IFLNK) return false;
        const t = yield* readlink(v.path);
        return typeof t === 'string' && fnmatch(n.pat, t);
      }
      case 'type': return [...n.types].some((t) => t === 'D' ? false : (v.st.mode & S_IFMT) === TYPE_BITS[t]);
      case 'empty': {
        if (S_ISDIR(v.st.mode)) {
          const l = yield* listNames(v.path);
          return typeof l !== 'number' && l.length === 0;
        }
        return (v.st.mode & S_IFMT) === S_IFREG && v.st.size === 0;
      }
      case 'executable': return (yield* access(v.path, X_OK)) === 0;
      case 'readable': return (yield* access(v.path, R_OK)) === 0;
      case 'writable': return (yield* access(v.path, W_OK)) === 0;
      case 'newer': {
        const r = yield* stat(n.ref);
        if (typeof r === 'number') throw new FindError(`${quoteC(n.ref)}: ${strerror(-r)}`);
        return v.st.mtime > r.mtime;
      }
      case 'size': return cmpNum(n.cmp, Math.ceil(v.st.size / n.unit), n.n);
      case 'num': {
        const f = n.field;
        const val = f === 'links' ? v.st.nlink : f === 'inum' ? v.st.ino : f === 'uid' ? v.st.uid : f === 'gid' ? v.st.gid
          : Math.floor((now - (f[0] === 'm' ? v.st.mtime : f[0] === 'a' ? v.st.atime : v.st.ctime)) / (f.endsWith('min') ? 60e9 : 86400e9));
        return cmpNum(n.cmp, val, n.n);
      }
      case 'user': case 'group': {
        const key = `${n.k}:${n.name}`;
        if (!ids.has(key)) ids.set(key, yield* lookupId(n.k === 'user' ? '/etc/passwd' : '/etc/group', n.name));
        const id = ids.get(key);
        return id !== null && (n.k === 'user' ? v.st.uid : v.st.gid) === id;
      }
      case 'perm': {
        const m = v.st.mode & 0o7777;
        return n.how === '=' ? m === n.mode : n.how === '-' ? (m & n.mode) === n.mode : n.mode === 0 || (m & n.mode) !== 0;
      }
      case 'delete': {
        const r = S_ISDIR(v.st.mode) ? yield* rmdir(v.path) : yield* unlink(v.path);
        if (r < 0) {
          yield* out.flush();
          yield* warn(prog, `cannot delete ${quoteC(v.path)}: ${strerror(r === -ENOTEMPTY ? ENOTEMPTY : -r)}`);
          status = 1;
          return false;
        }
        return true;
      }
      case 'ls': {
        const line = `${String(v.st.ino).padStart(6)} ${String(Math.ceil(v.st.blocks / 2)).padStart(4)} ${modeString(v.st.mode)} ` +
          `${String(v.st.nlink).padStart(3)} ${String(v.st.uid).padEnd(8)} ${String(v.st.gid).padEnd(8)} ${String(v.st.size).padStart(8)} ${v.path}\n`;
        yield* out.put(line);
        return true;
      }
      case 'printf': yield* out.put(printfOf(n.fmt, v)); return true;
      case 'exec': case 'ok': {
        if (n.plus) {
          if (!batches.has(n.id)) batches.set(n.id, { argv: n.argv, paths: [] });
          const b = batches.get(n.id)!;
          b.paths.push(v.path);
          if (b.paths.length >= 1000) yield* flushBatch(n.id);
          return true;
        }
        const args = n.argv.map((a) => a.split('{}').join(v.path));
        if (n.k === 'ok') {
          yield* out.flush();
          yield* writeAll(2, `< ${args.join(' ')} > ? `);
          const ans = yield* readLine(0);
          if (ans === null || !/^[yY]/.test(ans)) return false;
        }
        return (yield* run(args)) === 0;
      }
    }
  };

  const visit = function* (path: string, name: string, depth: number): UserGen<void> {
    yield* ticker.tick();
    let st = cmd.follow ? yield* stat(path) : yield* lstat(path);
    if (typeof st === 'number' && cmd.follow) st = yield* lstat(path);
    if (typeof st === 'number') {
      yield* out.flush();
      yield* warn(prog, `${quoteC(path)}: ${strerror(st === -ENOENT ? ENOENT : -st)}`);
      status = 1;
      return;
    }
    const v: Visit = { path, name, depth, st };
    const prune = { v: false };
    if (!cmd.depthFirst && depth >= cmd.mindepth) yield* evaluate(cmd.expr, v, prune);
    if (S_ISDIR(st.mode) && depth < cmd.maxdepth && !prune.v) {
      const names = yield* listNames(path);
      if (typeof names === 'number') {
        yield* out.flush();
        yield* warn(prog, `${quoteC(path)}: ${strerror(-names)}`);
        status = 1;
      } else {
        for (const n of names) yield* visit(path.endsWith('/') ? path + n : `${path}/${n}`, n, depth + 1);
      }
    }
    if (cmd.depthFirst && depth >= cmd.mindepth) yield* evaluate(cmd.expr, v, prune);
  };

  try {
    for (const p of cmd.paths) {
      const base = p.replace(/\/+$/, '');
      yield* visit(p, base === '' ? '/' : base.slice(base.lastIndexOf('/') + 1), 0);
    }
  } catch (e) {
    if (e instanceof FindError) {
      yield* out.flush();
      yield* warn(prog, e.message);
      return 1;
    }
    if (!(e instanceof Quit)) throw e;
  }
  for (const id of batches.keys()) yield* flushBatch(id);
  return yield* out.finish(prog, status);
}

/** -printf's common directives. */
function printfOf(fmt: string, v: Visit): string {
  const esc: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', 0: '\0', a: '\x07', r: '\r' };
  return fmt.replace(/\\(.)|%([-\d.]*)([%pfhsmMudgiyPl])/g, (all, e: string | undefined, _w: string, c: string) => {
    if (e !== undefined) return esc[e] ?? all;
    const dir = v.path.includes('/') ? v.path.slice(0, v.path.lastIndexOf('/')) || '/' : '.';
    switch (c) {
      case '%': return '%';
      case 'p': return v.path;
      case 'f': return v.name;
      case 'h': return dir;
      case 's': return String(v.st.size);
      case 'm': return (v.st.mode & 0o7777).toString(8);
      case 'M': return modeString(v.st.mode);
      case 'u': case 'U': return String(v.st.uid);
      case 'g': return String(v.st.gid);
      case 'd': return String(v.depth);
      case 'i': return String(v.st.ino);
      case 'y': return ({ [S_IFDIR]: 'd', [S_IFLNK]: 'l', [S_IFCHR]: 'c', [S_IFBLK]: 'b', [S_IFIFO]: 'p', [S_IFSOCK]: 's' } as Record<number, string>)[v.st.mode & S_IFMT] ?? 'f';
      default: return all;
    }
  });
}
