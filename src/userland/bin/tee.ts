// GNU tee 9.1: copy standard input to standard output and each FILE (-a appends, -i ignores
// SIGINT); a file that cannot be opened or written is reported and dropped, status 1.
import { O_APPEND, O_CREAT, O_TRUNC, O_WRONLY } from '../../uapi/fcntl.ts';
import { SIGINT } from '../../uapi/signal.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { close, open, sigaction } from '../lib/sys.ts';
import { readChunk, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quotef } from './quote.ts';

export function* tee({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'aip', long: { append: L('a'), 'ignore-interrupts': L('i'), 'output-error': L('p', 'optional') } },
    { name: 'tee' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  if (f.has('i')) yield* sigaction(SIGINT, { handler: 'ignore', mask: 0, flags: 0 });
  let status = 0;
  const outs: { fd: number; name: string }[] = [{ fd: 1, name: 'standard output' }];
  for (const name of p.operands) {
    const fd = name === '-' ? 1 : yield* open(name, O_WRONLY | O_CREAT | (f.has('a') ? O_APPEND : O_TRUNC), 0o666);
    if (fd < 0) {
      yield* warnErrno(argv[0], quotef(name), fd);
      status = 1;
      continue;
    }
    outs.push({ fd, name });
  }
  for (;;) {
    const r = yield* readChunk(0);
    if (typeof r === 'number') {
      yield* warnErrno(argv[0], 'read error', r);
      status = 1;
      break;
    }
    if (r === '') break;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i];
      if (o.fd < 0) continue;
      const n = yield* writeAll(o.fd, r);
      if (n < 0) {
        yield* warnErrno(argv[0], quotef(o.name), n);
        o.fd = -1;
        status = 1;
      }
    }
    if (outs.every((o) => o.fd < 0)) break;
  }
  for (const o of outs) if (o.fd > 2) yield* close(o.fd);
  return status;
}
