// Command substitution, after dash's evalbackcmd()/expbackq(): a pipe, a forked child running
// the commands with stdout on the pipe (EV_EXIT, so a simple command is exec'd directly), the
// parent reading 128 bytes at a time, then waitforjob for $?. Trailing newlines are removed and
// NUL bytes dropped. bash's $(< file) reads the file without forking.
import type { Node } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { EINTR } from '../../uapi/errno.ts';
import { F_GETFD, O_RDONLY } from '../../uapi/fcntl.ts';
import { close, dup2, fcntl, open, pipe, read } from '../lib/sys.ts';
import { ShError } from './errors.ts';
import { runChild } from './child.ts';
import { FORK_NOJOB, forkshell, makejob, waitforjob } from './jobs.ts';
import type { ShState } from './state.ts';
import { EV_EXIT } from './state.ts';
import { evaltree } from './eval.ts';
import { expandString } from './expand.ts';
import { reportError } from './output.ts';
import { errmsg } from './redir.ts';

/** bash: $(< file) is a command substitution holding just one input redirection. */
function lonelyRedirect(n: Node): Node & { type: 'cmd' } | null {
  if (n.type !== 'cmd' || n.args.length || n.assigns.length || n.redirs.length !== 1) return null;
  return n.redirs[0].kind === '<' && n.redirs[0].fd === 0 ? n : null;
}

function* readFd(fd: number, chunk: number): UserGen<string> {
  let out = '';
  for (;;) {
    const r = yield* read(fd, chunk);
    if (r === -EINTR) continue;
    if (typeof r === 'number' || r.length === 0) break;
    out += r;
  }
  return out;
}

function strip(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '\n') end--;
  s = s.slice(0, end);
  return s.includes('\0') ? s.replace(/\0/g, '') : s;
}

/** bash <(list) / >(list): fork the list on one end of a pipe, keep the other end at the
 * highest free descriptor below 64 (bash's move_to_high_fd) and name it /dev/fd/N. The
 * descriptor is closed when the command that used it is done (closeProcsubs). */
export function* procsub(sh: ShState, dir: '<' | '>', n: Node | null): UserGen<string> {
  const pip = yield* pipe();
  if (typeof pip === 'number') throw new ShError('Pipe call failed');
  const [mine, theirs] = dir === '<' ? [pip[0], pip[1]] : [pip[1], pip[0]];
  const pid = yield* forkshell(sh, null, n, FORK_NOJOB, (csh) => runChild(csh, function* (c) {
    c.bashDyn.subshell++;
    for (const f of c.procsubFds) yield* close(f);
    c.procsubFds = [];
    yield* close(mine);
    const target = dir === '<' ? 1 : 0;
    if (theirs !== target) {
      yield* dup2(theirs, target);
      yield* close(theirs);
    }
    return yield* evaltree(c, n, EV_EXIT);
  }));
  yield* close(theirs);
  sh.bgpid = pid;
  let fd = 63;
  while (fd > 3 && (yield* fcntl(fd, F_GETFD)) >= 0) fd--;
  if (fd !== mine) {
    yield* dup2(mine, fd);
    yield* close(mine);
  }
  sh.procsubFds.push(fd);
  return `/dev/fd/${fd}`;
}

/** Close the process-substitution descriptors opened since `mark`. */
export function* closeProcsubs(sh: ShState, mark: number): UserGen<void> {
  while (sh.procsubFds.length > mark) yield* close(sh.procsubFds.pop()!);
}

export function* evalBackcmd(sh: ShState, n: Node | null): UserGen<string> {
  sh.backExitstatus = 0;
  if (n === null) return '';
  if (sh.bash) {
    const r = lonelyRedirect(n);
    if (r) {
      const name = yield* expandString(sh, r.redirs[0].target);
      const fd = yield* open(name, O_RDONLY);
      if (fd < 0) {
        yield* reportError(sh, new ShError(`${name}: ${errmsg(-fd, 'exec') === 'not found' ? 'No such file or directory' : errmsg(-fd, 'open')}`));
        sh.backExitstatus = 1;
        return '';
      }
      const out = yield* readFd(fd, 4096);
      yield* close(fd);
      return strip(out);
    }
  }
  const pip = yield* pipe();
  if (typeof pip === 'number') throw new ShError('Pipe call failed');
  const jp = makejob(sh);
  yield* forkshell(sh, jp, n, FORK_NOJOB, (csh) => runChild(csh, function* (c) {
    c.bashDyn.subshell++;
    yield* close(pip[0]);
    if (pip[1] !== 1) {
      yield* dup2(pip[1], 1);
      yield* close(pip[1]);
    }
    return yield* evaltree(c, n, EV_EXIT);
  }));
  yield* close(pip[1]);
  const out = yield* readFd(pip[0], 128);
  yield* close(pip[0]);
  sh.backExitstatus = yield* waitforjob(sh, jp);
  return strip(out);
}
