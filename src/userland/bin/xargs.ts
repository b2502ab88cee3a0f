// GNU findutils 4.9 xargs: the input split and batched by the text engine (src/userland/text/
// xargs.ts); each command run with fork/execvp/wait; 123/124/125/126/127 as xargs reports them.
import { ENOENT, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../uapi/wait.ts';
import { writeAll } from '../lib/io.ts';
import { close, open } from '../lib/sys.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import { quote } from './quote.ts';
import { xargsBatches, xargsParseArgs, xargsSplit, xargsStatus } from '../text/xargs.ts';
import { slurp, warn } from './common.ts';
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
  const input = yield* slurp(fd);
  if (fd > 0) yield* close(fd);
  if (typeof input === 'number') {
    yield* warn('xargs', `read error: ${strerror(-input)}`);
    return 1;
  }
  const split = xargsSplit(input, p.opts);
  const results: number[] = [];
  let notFound = false;
  let cannotRun = false;
  for (const cmd of xargsBatches(p.command, split, p.opts)) {
    if (p.opts.verbose) yield* writeAll(2, `${cmd.join(' ')}\n`);
    const { status: st, execErrno } = yield* runReportingExec(cmd, envp);
    if (st < 0) {
      yield* warn('xargs', `cannot fork: ${strerror(-st)}`);
      return 126;
    }
    if (execErrno) {
      yield* warn('xargs', `${cmd[0]}: ${strerror(execErrno)}`);
      if (execErrno === ENOENT) notFound = true;
      else cannotRun = true;
      break;
    }
    if (WIFEXITED(st)) {
      results.push(WEXITSTATUS(st));
      if (WEXITSTATUS(st) === 255) {
        yield* warn('xargs', `${cmd[0]}: exited with status 255; aborting`);
        break;
      }
    } else {
      results.push(-WTERMSIG(st));
      yield* warn('xargs', `${cmd[0]}: terminated by signal ${WTERMSIG(st)}`);
      break;
    }
  }
  if (split.error) {
    yield* writeAll(2, split.error);
    return 1;
  }
  return xargsStatus(results, notFound, cannotRun);
}
