// GNU findutils 4.9 xargs: the input split and batched by the text engine (src/userland/text/
// xargs.ts); each command run with fork/execvp/wait; 123/124/125/126/127 as xargs reports them.
import { E2BIG, ENOENT, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../uapi/wait.ts';
import { writeAll } from '../lib/io.ts';
import { close, open } from '../lib/sys.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import { quote } from './quote.ts';
import { XargsBatcher, XargsSplitter, xargsParseArgs, xargsStatus } from '../text/xargs.ts';
import { readChunk, warn } from './common.ts';
import { runReportingExec } from './spawn.ts';

export function* xargs({ argv, envp }: ProgramArgs): UserGen {
  const p = xargsParseArgs(argv);
  if (!p.ok) {
    if (p.stdout) yield* writeAll(1, p.stdout);
    yield* writeAll(2, p.stderr);
    return p.status;
  }
  if (p.warnings) yield* writeAll(2, p.warnings);
  let fd = 0;
  if (p.opts.argFile !== null) {
    fd = yield* open(p.opts.argFile, O_RDONLY);
    if (fd < 0) {
      yield* warn('xargs', `Cannot open input file ${quote(p.opts.argFile)}: ${strerror(-fd)}`);
      return 1;
    }
  }
  const splitter = new XargsSplitter(p.opts);
  const batcher = new XargsBatcher(p.command, p.opts);
  const results: number[] = [];
  let notFound = false;
  let cannotRun = false;
  let stop = false;
  // Each command runs as soon as its argument list is full, while the input is still being read.
  const base = p.opts.replace === null ? p.command.length : Infinity;
  const run = function* (cmds: string[][]): UserGen<number | null> {
    const queue = [...cmds];
    while (queue.length) {
      const cmd = queue.shift()!;
      if (p.opts.verbose) yield* writeAll(2, `${cmd.join(' ')}\n`);
      const { status: st, execErrno } = yield* runReportingExec(cmd, envp);
      // bc_do_exec(): an exec that fails with E2BIG is tried again with half the arguments,
      // the rest following in a command of their own (the kernel's limit can be below xargs').
      if (execErrno === E2BIG && cmd.length > base + 1) {
        const half = base + Math.floor((cmd.length - base) / 2);
        queue.unshift(cmd.slice(0, half), [...cmd.slice(0, base), ...cmd.slice(half)]);
        continue;
      }
      if (execErrno === E2BIG) {
        yield* warn('xargs', 'can\'t call exec() due to argument size restrictions');
        return 1;
      }
      if (st < 0) {
        yield* warn('xargs', `cannot fork: ${strerror(-st)}`);
        return 126;
      }
      if (execErrno) {
        yield* warn('xargs', `${cmd[0]}: ${strerror(execErrno)}`);
        if (execErrno === ENOENT) notFound = true;
        else cannotRun = true;
        stop = true;
        return null;
      }
      if (WIFEXITED(st)) {
        results.push(WEXITSTATUS(st));
        if (WEXITSTATUS(st) === 255) {
          yield* warn('xargs', `${cmd[0]}: exited with status 255; aborting`);
          stop = true;
          return null;
        }
      } else {
        results.push(-WTERMSIG(st));
        yield* warn('xargs', `${cmd[0]}: terminated by signal ${WTERMSIG(st)}`);
        stop = true;
        return null;
      }
    }
    return null;
  };
  while (!stop && !splitter.done) {
    const piece = yield* readChunk(fd);
    if (typeof piece === 'number') {
      yield* warn('xargs', `read error: ${strerror(-piece)}`);
      return 1;
    }
    for (const line of splitter.feed(piece, piece === '')) {
      const fatal = yield* run(batcher.add(line));
      if (fatal !== null) return fatal;
      if (stop) break;
    }
    if (piece === '') break;
  }
  if (fd > 0) yield* close(fd);
  if (!stop) {
    const fatal = yield* run(batcher.end(splitter.error !== undefined));
    if (fatal !== null) return fatal;
  }
  if (splitter.error) {
    yield* writeAll(2, splitter.error);
    return 1;
  }
  return xargsStatus(results, notFound, cannotRun);
}
