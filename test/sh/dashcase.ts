// Running one recorded dash case in the machine the way it was recorded from host dash: the
// script as the file /tmp/dd/case.sh, run by `sh /tmp/dd/case.sh` in /tmp/dd/t with
// src/init/run.ts's DEFAULT_ENV (test/sh/dash-diff.test.ts, test/sh/printf-dash.test.ts).
import { bootMachine } from '../../src/init/testing.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import { kMkdirP, kWriteFile } from '../../src/kernel/vfs_api.ts';
import { bytesToUtf8, utf8ToBytes } from '../../src/lib/bytes.ts';
import { shellStatus } from '../../src/uapi/wait.ts';

export interface Case {
  name: string;
  script: string[];
  stdin?: string;
  stdout: string;
  stderr: string;
  status: number;
}

export function run(c: Case): { stdout: string; stderr: string; status: number } {
  const m = bootMachine({});
  kMkdirP(m.k, '/tmp/dd/t');
  kWriteFile(m.k, '/tmp/dd/case.sh', utf8ToBytes(`${c.script.join('\n')}\n`), 0o644);
  const p = startProcess(m.k, {
    path: '/bin/sh', argv: ['sh', '/tmp/dd/case.sh'], envp: DEFAULT_ENV, cwd: '/tmp/dd/t',
    stdin: c.stdin === undefined ? undefined : utf8ToBytes(c.stdin),
  });
  m.run({ until: m.now + 30e9, maxEvents: 20_000_000, stopWhen: () => p.finished });
  if (!p.finished) throw new Error(`${c.name}: did not finish`);
  return { stdout: bytesToUtf8(p.stdout.data), stderr: bytesToUtf8(p.stderr.data), status: shellStatus(p.status) };
}

