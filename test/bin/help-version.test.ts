// Every program's --help and --version, and the option handling of the programs that parse only
// those two (GNU's parse_gnu_standard_options_only and friends), against golden/help-version.json:
// the real Debian 12 tools recorded by scripts/record-help.sh. stdout, stderr and the exit status
// must match byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { boot, run } from './harness.ts';

interface Case { argv: string[]; stdout: string; stderr: string; status: number }
const golden = JSON.parse(readFileSync(new URL('./golden/help-version.json', import.meta.url), 'utf8')) as { cases: Case[] };
const ENV = ['LC_ALL=C', 'PATH=/usr/bin:/bin:/usr/sbin:/sbin'];

describe('--help, --version and option errors match the recorded Debian 12 tools', () => {
  const machine = boot();
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const r = run(c.argv, { machine, env: ENV, cwd: '/' });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});

describe('help texts name the program by argv[0], as GNU usage() prints program_name', () => {
  const machine = boot();
  it('coreutils print argv[0] as given', () => {
    for (const [path, usage] of [['/bin/echo', 'Usage: /bin/echo [SHORT-OPTION]... [STRING]...\n  or:  /bin/echo LONG-OPTION\n'],
      ['/usr/bin/yes', 'Usage: /usr/bin/yes [STRING]...\n  or:  /usr/bin/yes OPTION\n'],
      ['/bin/ls', 'Usage: /bin/ls [OPTION]... [FILE]...\n']]) {
      const r = run([path, '--help'], { machine, env: ENV, path });
      expect(r.stdout.slice(0, usage.length)).toBe(usage);
    }
  });
  it('util-linux and procps print the short name (program_invocation_short_name)', () => {
    const r = run(['/bin/dmesg', '--version'], { machine, env: ENV, path: '/bin/dmesg' });
    expect(r.stdout).toBe('dmesg from util-linux 2.38.1\n');
  });
});
