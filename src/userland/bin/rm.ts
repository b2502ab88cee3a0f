// GNU rm 9.1: -f -i -I -r/-R -d -v, --preserve-root; prompts read a line from standard input.
import { EISDIR, ENOENT, ENOTEMPTY } from '../../uapi/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, Stat, UserGen } from '../../uapi/syscalls.ts';
import { readLine, writeAll } from '../lib/io.ts';
import { lstat, rmdir, unlink } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { xargmatch } from './argmatch.ts';
import { L, parseArgs } from './opts.ts';
import { quote } from './quote.ts';
import { joinPath, listNames } from './walk.ts';

const LONG = {
  force: L('f'), interactive: L('interactive', 'optional'), recursive: L('r'), dir: L('d'), verbose: L('v'),
  'preserve-root': L('preserve-root', 'optional'), 'no-preserve-root': L('no-preserve-root'), 'one-file-system': L('one-file-system'),
};

/** gnulib file_type(): how rm and stat name a file's type. */
export function fileType(st: Stat): string {
  switch (st.mode & S_IFMT) {
    case S_IFREG: return st.size === 0 ? 'regular empty file' : 'regular file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symbolic link';
    case S_IFIFO: return 'fifo';
    case S_IFCHR: return 'character special file';
    case S_IFBLK: return 'block special file';
    case S_IFSOCK: return 'socket';
    default: return 'weird file';
  }
}

interface RmOpts { force: boolean; interactive: 'never' | 'once' | 'always'; recursive: boolean; dir: boolean; verbose: boolean; preserveRoot: boolean }

export function* rm({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'dfirvIR', long: LONG }, { name: 'rm' });
  if ('exit' in p) return p.exit;
  const o: RmOpts = { force: false, interactive: 'never', recursive: false, dir: false, verbose: false, preserveRoot: true };
  for (const { key, value } of p.opts) {
    switch (key) {
      case 'f': o.force = true; o.interactive = 'never'; break;
      case 'i': o.interactive = 'always'; o.force = false; break;
      case 'I': o.interactive = 'once'; o.force = false; break;
      case 'interactive': {
        const i = value === undefined ? 2 : yield* xargmatch(argv[0], '--interactive', value, [['never', 'no', 'none'], ['once'], ['always', 'yes']]);
        if (i < 0) return 1;
        o.interactive = (['never', 'once', 'always'] as const)[i];
        break;
      }
      case 'r': case 'R': o.recursive = true; break;
      case 'd': o.dir = true; break;
      case 'v': o.verbose = true; break;
      case 'no-preserve-root': o.preserveRoot = false; break;
      default: break;
    }
  }
  const prog = argv[0];
  if (!p.operands.length) {
    if (o.force) return 0;
    yield* warn(prog, 'missing operand');
    yield* tryHelp(prog);
    return 1;
  }
  const out = new Output();
  const ask = function* (question: string): UserGen<boolean> {
    yield* out.flush();
    yield* writeAll(2, `${prog}: ${question}? `);
    const line = yield* readLine(0);
    return line !== null && /^[yY]/.test(line);
  };
  if (o.interactive === 'once' && (o.recursive || p.operands.length > 3)) {
    const n = p.operands.length;
    const q = o.recursive ? `remove ${n} argument${n === 1 ? '' : 's'} recursively` : `remove ${n} arguments`;
    if (!(yield* ask(q))) return 0;
  }
  let status = 0;
  const fail = function* (path: string, err: number): UserGen<void> {
    yield* out.flush();
    yield* warnErrno(prog, `cannot remove ${quote(path)}`, err);
    status = 1;
  };
  const remove = function* (path: string): UserGen<boolean> {
    const st = yield* lstat(path);
    if (typeof st === 'number') {
      if (!(o.force && st === -ENOENT)) yield* fail(path, st);
      return false;
    }
    const isDir = (st.mode & S_IFMT) === S_IFDIR;
    if (isDir && !o.recursive) {
      if (!o.dir) {
        yield* fail(path, -EISDIR);
        return false;
      }
    }
    if (isDir && o.recursive) {
      const names = yield* listNames(path);
      if (typeof names === 'number') {
        yield* fail(path, names);
        return false;
      }
      if (names.length && o.interactive === 'always' && !(yield* ask(`descend into directory ${quote(path)}`))) return false;
      let all = true;
      for (const n of names) if (!(yield* remove(joinPath(path, n)))) all = false;
      if (!all) return false;
    }
    if (o.interactive === 'always' && !(yield* ask(`remove ${fileType(st)} ${quote(path)}`))) return false;
    const r = isDir ? yield* rmdir(path) : yield* unlink(path);
    if (r < 0) {
      yield* fail(path, r === -ENOTEMPTY ? -ENOTEMPTY : r);
      return false;
    }
    if (o.verbose) yield* out.put(isDir ? `removed directory ${quote(path)}\n` : `removed ${quote(path)}\n`);
    return true;
  };
  for (const path of p.operands) {
    const base = path.replace(/\/+$/, '').split('/').pop();
    if (o.recursive && (base === '.' || base === '..')) {
      yield* out.flush();
      yield* warn(prog, `refusing to remove '.' or '..' directory: skipping ${quote(path)}`);
      status = 1;
      continue;
    }
    if (o.recursive && o.preserveRoot && /^\/+$/.test(path)) {
      yield* out.flush();
      yield* warn(prog, `it is dangerous to operate recursively on ${quote('/')}`);
      yield* warn(prog, 'use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    yield* remove(path);
  }
  return yield* out.finish(prog, status);
}
