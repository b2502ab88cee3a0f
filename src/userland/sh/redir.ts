// Redirections, after dash's redir.c: open the target, save the descriptor being replaced with
// fcntl(fd, F_DUPFD, 10) + FD_CLOEXEC, dup2 the new one into place, and undo it all afterwards
// (popredir). Here-documents go through a pipe: written directly when they fit in PIPESIZE,
// otherwise by a forked writer, as dash's openhere() does. Messages are dash's:
// "cannot open F: No such file", "cannot create F: Directory nonexistent", "N: Bad file descriptor".
import type { Redir } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { EBADF, EEXIST, EINTR, ENOENT, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { FD_CLOEXEC, F_DUPFD, F_SETFD, O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
  S_ISREG } from '../../uapi/fcntl.ts';
import { SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTSTP } from '../../uapi/signal.ts';
import { coprocFdClosed } from './coproc.ts';
import { close, dup2, fcntl, fork, fstat, open, pipe, sigaction, stat } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { ShError, SyntaxErr } from './errors.ts';
import { EXP_REDIR, EXP_TILDE, expandString } from './expand.ts';
import type { ShState } from './state.ts';
import { lookupvar, setvar } from './vars.ts';

const PIPESIZE = 4096;
const CLOSED = -1;

/** errmsg(e, action): dash's wording for ENOENT/ENOTDIR. */
export function errmsg(e: number, action: 'open' | 'create' | 'exec'): string {
  if (e !== ENOENT && e !== ENOTDIR) return strerror(e);
  if (action === 'open') return 'No such file';
  if (action === 'create') return 'Directory nonexistent';
  return 'not found';
}

function openFail(path: string, flags: number, e: number): never {
  const create = (flags & O_CREAT) !== 0;
  throw new ShError(`cannot ${create ? 'create' : 'open'} ${path}: ${errmsg(e, create ? 'create' : 'open')}`, 2, `${path}: ${strerror(e)}`);
}

/** set -C refusing an existing regular file: dash's open error; bash's NOCLOBBER_REDIRECT text. */
function noclobberFail(path: string): never {
  throw new ShError(`cannot create ${path}: ${errmsg(EEXIST, 'create')}`, 2, `${path}: cannot overwrite existing file`);
}

function* shOpen(sh: ShState, path: string, flags: number): UserGen<number> {
  let fd: number;
  // bash's redir_special_open(), as built for a system without these files (this one has
  // none): /dev/fd/N, /dev/stdin, /dev/stdout and /dev/stderr duplicate the descriptor.
  const m = sh.bash ? /^\/dev\/(?:fd\/(\d+)|(stdin|stdout|stderr))$/.exec(path) : null;
  if (m) {
    const n = m[1] !== undefined ? Number(m[1]) : ['stdin', 'stdout', 'stderr'].indexOf(m[2]);
    fd = yield* fcntl(n, F_DUPFD, 10);
    if (fd < 0) openFail(path, flags, -fd);
    return fd;
  }
  do fd = yield* open(path, flags, 0o666); while (fd === -EINTR);
  if (fd < 0) openFail(path, flags, -fd);
  return fd;
}

/** An expanded redirection, ready to apply. */
interface Ready {
  r: Redir;
  fname: string;
  dupfd: number | null;
}

/** expredir(): expand file names and <&/>& words before forking or redirecting. */
export function* expredir(sh: ShState, redirs: Redir[]): UserGen<Ready[]> {
  const out: Ready[] = [];
  for (const r of redirs) {
    let fname = '';
    let dupfd = r.dupfd;
    if (r.kind === '<&' || r.kind === '>&') {
      if (dupfd === null) {
        const t = yield* expandString(sh, r.target, EXP_TILDE | EXP_REDIR);
        if (t.length === 1 && t >= '0' && t <= '9') dupfd = Number(t);
        else if (t === '-') dupfd = -1;
        else if (sh.bash && /^\d+$/.test(t)) dupfd = Number(t);
        else if (sh.bash && r.kind === '>&') {
          // bash: `>&word` redirects stdout and stderr to the file.
          out.push({ r: { ...r, kind: '&>' }, fname: t, dupfd: null });
          continue;
        } else throw new SyntaxErr('Bad fd number', sh.plinno);
      }
    } else if (r.kind !== '<<' && r.kind !== '<<<') {
      fname = yield* expandString(sh, r.target, EXP_TILDE | EXP_REDIR);
    }
    out.push({ r, fname, dupfd });
  }
  return out;
}

/** openredirect(): the new descriptor for a redirection; -2 means "nothing to do". */
function* openredirect(sh: ShState, x: Ready): UserGen<number> {
  const r = x.r;
  switch (r.kind) {
    case '<': return yield* shOpen(sh, x.fname, O_RDONLY);
    case '<>': return yield* shOpen(sh, x.fname, O_RDWR | O_CREAT);
    case '>':
      if (sh.opts.C) {
        const st = yield* stat(x.fname);
        if (typeof st === 'number') return yield* shOpen(sh, x.fname, O_WRONLY | O_CREAT | O_EXCL);
        if (S_ISREG(st.mode)) noclobberFail(x.fname);
        const f = yield* shOpen(sh, x.fname, O_WRONLY);
        const fs = yield* fstat(f);
        if (typeof fs !== 'number' && S_ISREG(fs.mode)) {
          yield* close(f);
          noclobberFail(x.fname);
        }
        return f;
      }
      return yield* shOpen(sh, x.fname, O_WRONLY | O_CREAT | O_TRUNC);
    case '>|': case '&>':
      return yield* shOpen(sh, x.fname, O_WRONLY | O_CREAT | O_TRUNC);
    case '>>': case '&>>':
      return yield* shOpen(sh, x.fname, O_WRONLY | O_CREAT | O_APPEND);
    case '<&': case '>&': {
      const f = x.dupfd!;
      return f === r.fd ? -2 : f;
    }
    default:
      return yield* openhere(sh, r);
  }
}

/** The text a here-document (or bash here-string) feeds. */
function* heredocText(sh: ShState, r: Redir): UserGen<string> {
  if (r.kind === '<<<') return `${yield* expandString(sh, r.target, EXP_TILDE)}\n`;
  const w = r.here ?? [];
  if (w.length === 1 && w[0].k === 'lit') return w[0].s;
  return yield* expandString(sh, w, 0);
}

function* openhere(sh: ShState, r: Redir): UserGen<number> {
  const pip = yield* pipe();
  if (typeof pip === 'number') throw new ShError('Pipe call failed');
  const text = yield* heredocText(sh, r);
  if (text.length <= PIPESIZE) {
    yield* writeAll(pip[1], text);
  } else {
    const pid = yield* fork(function* () {
      yield* close(pip[0]);
      for (const s of [SIGINT, SIGQUIT, SIGHUP, SIGTSTP]) yield* sigaction(s, { handler: 'ignore', mask: 0, flags: 0 });
      yield* sigaction(SIGPIPE, { handler: 'default', mask: 0, flags: 0 });
      yield* writeAll(pip[1], text);
      return 0;
    });
    if (pid < 0) throw new ShError('Cannot fork');
  }
  yield* close(pip[1]);
  return pip[0];
}

/** savefd(): move fd to >= 10 with close-on-exec; -1 if it was not open. */
function* savefd(from: number): UserGen<number> {
  const newfd = yield* fcntl(from, F_DUPFD, 10);
  if (newfd === -EBADF) return -1;
  yield* close(from);
  if (newfd < 0) throw new ShError(`${from}: ${strerror(-newfd)}`);
  yield* fcntl(newfd, F_SETFD, FD_CLOEXEC);
  return newfd;
}

/**
 * redirect(): apply redirections. With push, the replaced descriptors are saved on
 * sh.redirlist for popredir(); without it (a forked child, `exec`), they are simply replaced.
 */
export function* redirect(sh: ShState, list: Ready[], push: boolean): UserGen<void> {
  const tab = push ? sh.redirlist[sh.redirlist.length - 1] : null;
  for (const x of list) {
    if (x.r.varname !== undefined) {
      yield* varRedirect(sh, x);
      continue;
    }
    const newfd = yield* openredirect(sh, x);
    if (newfd < -1) continue;
    const fds = x.r.kind === '&>' || x.r.kind === '&>>' ? [1, 2] : [x.r.fd];
    for (const fd of fds) {
      if (tab && !tab.renamed.has(fd)) {
        let saved = CLOSED;
        if (fd !== newfd) saved = yield* savefd(fd);
        tab.renamed.set(fd, saved);
      }
      if (fd === newfd) continue;
      if (x.r.kind === '<&' || x.r.kind === '>&') {
        if (newfd >= 0) {
          const e = yield* dup2(newfd, fd);
          if (e < 0) throw new ShError(`${newfd}: ${strerror(-e)}`);
          continue;
        }
        // >&- : close
        yield* close(fd);
        if (sh.coproc) coprocFdClosed(sh, fd);
        continue;
      }
      const e = yield* dup2(newfd, fd);
      if (e < 0) throw new ShError(`${newfd}: ${strerror(-e)}`);
    }
    if (newfd >= 0 && !(x.r.kind === '<&' || x.r.kind === '>&') && !fds.includes(newfd)) yield* close(newfd);
  }
}

/** bash {name}>file: a new descriptor >= 10 kept open (not undone), its number in $name;
 * {name}>&- closes the descriptor $name holds. */
function* varRedirect(sh: ShState, x: Ready): UserGen<void> {
  const name = x.r.varname!;
  if ((x.r.kind === '<&' || x.r.kind === '>&') && x.dupfd === -1) {
    const v = lookupvar(sh, name);
    if (v === null || !/^\d+$/.test(v)) throw new ShError(`${name}: ambiguous redirect`, 1);
    yield* close(Number(v));
    if (sh.coproc) coprocFdClosed(sh, Number(v));
    return;
  }
  const dup = x.r.kind === '<&' || x.r.kind === '>&';
  const fd = dup ? x.dupfd! : yield* openredirect(sh, x);
  const moved = yield* fcntl(fd, F_DUPFD, 10);
  if (moved < 0) throw new ShError(`${fd}: ${strerror(-moved)}`, 1);
  if (!dup) yield* close(fd);
  setvar(sh, name, String(moved));
}

/** pushredir(): start a level of saved descriptors. */
export function pushredir(sh: ShState): void {
  sh.redirlist.push({ renamed: new Map() });
}

/** popredir(): restore the descriptors saved by the innermost level (drop: keep the new ones). */
export function* popredir(sh: ShState, drop = false): UserGen<void> {
  const tab = sh.redirlist.pop();
  if (!tab) return;
  const fds = [...tab.renamed.keys()].sort((a, b) => a - b);
  for (const fd of fds) {
    const saved = tab.renamed.get(fd)!;
    if (saved === CLOSED) {
      if (!drop) yield* close(fd);
    } else {
      if (!drop) yield* dup2(saved, fd);
      yield* close(saved);
    }
  }
}

/** redirectsafe(): apply with an error turned into status 2 (the message printed). */
export { openhere };
