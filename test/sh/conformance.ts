// Run a conformance case inside the machine the way scripts/record-dash.sh runs it with the real
// shell: `sh /tmp/khsh/case.sh ARGS` in the empty directory /tmp/khsh/t, fixed environment,
// optional stdin and empty files from the case's "# files:" header.
import { readFileSync, existsSync } from 'node:fs';
import { bootMachine } from '../../src/init/testing.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import { kMkdirP, kWriteFile } from '../../src/kernel/vfs_api.ts';
import { bytesToUtf8, utf8ToBytes } from '../../src/lib/bytes.ts';
import { shellStatus } from '../../src/uapi/wait.ts';

export interface CaseResult {
  stdout: string;
  stderr: string;
  status: number;
}

export interface Expected extends CaseResult {
  name: string;
}

export function runCase(file: string, shell: 'sh' | 'bash'): CaseResult {
  const text = readFileSync(file, 'utf8');
  const files = /^# files: (.*)$/m.exec(text)?.[1].trim().split(/\s+/) ?? [];
  const args = /^# args: (.*)$/m.exec(text)?.[1].trim().split(/\s+/) ?? [];
  const stdinFile = file.replace(/\.sh$/, '.stdin');
  const stdin = existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : undefined;
  const m = bootMachine({});
  kMkdirP(m.k, '/tmp/khsh/t');
  kWriteFile(m.k, '/tmp/khsh/case.sh', utf8ToBytes(text), 0o644);
  for (const spec of files) {
    const [path, mode] = spec.split(':');
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (dir) kMkdirP(m.k, `/tmp/khsh/t/${dir}`);
    kWriteFile(m.k, `/tmp/khsh/t/${path}`, '', mode ? parseInt(mode, 8) : 0o644);
  }
  const bin = shell === 'bash' ? '/bin/bash' : '/bin/sh';
  const run = startProcess(m.k, {
    path: bin, argv: [shell, '/tmp/khsh/case.sh', ...args], envp: DEFAULT_ENV, cwd: '/tmp/khsh/t', stdin,
  });
  m.run({ until: m.now + 30e9, maxEvents: 20_000_000, stopWhen: () => run.finished });
  if (!run.finished) throw new Error(`${file}: did not finish`);
  return { stdout: bytesToUtf8(run.stdout.data), stderr: bytesToUtf8(run.stderr.data), status: shellStatus(run.status) };
}

export function expected(file: string): Expected {
  const base = file.replace(/\.sh$/, '');
  return {
    name: base.slice(base.lastIndexOf('/') + 1),
    stdout: readFileSync(`${base}.out`, 'utf8'),
    stderr: readFileSync(`${base}.err`, 'utf8'),
    status: Number(readFileSync(`${base}.status`, 'utf8').trim()),
  };
}
