import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { write, getpid, fork, wait4, exit } from '../../src/userland/lib/sys.ts';

function* hello({ argv }: ProgramArgs): UserGen {
  yield* write(1, `hello from ${argv.join(' ')} pid ${yield* getpid()}\n`);
  const pid = yield* fork(function* () {
    yield* write(1, 'child\n');
    return yield* exit(3);
  });
  const r = yield* wait4(pid, 0);
  yield* write(1, `child ${pid} status ${typeof r === 'number' ? r : r.status}\n`);
  return 7;
}

describe('boot', () => {
  it.each(['2.6.20', '6.6'] as const)('boots %s and runs a program', (profile) => {
    const m = new Machine({ config: { profile }, programs: { hello } });
    m.boot();
    const pids = [...m.k.tasks.values()].map((t) => `${t.pid}:${t.comm}`);
    expect(pids).toContain('1:init');
    if (profile === '2.6.20') expect(pids).toContain('5:khelper');
    else expect(pids).toContain('2:kthreadd');
    const { kWriteFile } = require_();
    kWriteFile(m.k, '/bin/hello', '\x7fELF\x02\x01\x01khelper-native:hello\n', 0o755);
    const run = startProcess(m.k, { path: '/bin/hello', argv: ['hello', 'x'] });
    m.run({ stopWhen: () => run.finished, maxEvents: 100000 });
    expect(m.k.oopses).toEqual([]);
    expect(run.finished).toBe(true);
    expect(run.stdout.data).toMatch(/^hello from hello x pid \d+\nchild\nchild \d+ status 768\n$/);
    expect(run.status).toBe(7 << 8);
  });
});

import * as api from '../../src/kernel/vfs_api.ts';
function require_() { return api; }
