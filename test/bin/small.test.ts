// kill (procps-ng 4), sleep, pwd, basename, dirname, uname, id, clear: outputs recorded from the
// real tools on Debian 12 with LC_ALL=C.
import { describe, expect, it } from 'vitest';
import { boot, run, spawn } from './harness.ts';

describe('kill', () => {
  it('-l prints the procps list, wrapped after 73 columns', () => {
    expect(run(['kill', '-l']).stdout).toBe('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
      'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n');
  });
  it('-l converts a number to a name and a name to a number', () => {
    expect(run(['kill', '-l', '9']).stdout).toBe('KILL\n');
    expect(run(['kill', '-l', 'KILL']).stdout).toBe('9\n');
    expect(run(['kill', '-lsigterm']).stdout).toBe('15\n');
    const r = run(['kill', '-l', '64']);
    expect(r.stderr).toBe('kill: unknown signal name 64\n');
    expect(r.code).toBe(0);
  });
  it('-L prints the table', () => {
    const t = run(['kill', '-L']).stdout;
    expect(t.split('\n')[0]).toBe(' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS');
    expect(t.endsWith('29 POLL    30 PWR     31 SYS     \n')).toBe(true);
  });
  it('no arguments: usage on stderr, status 1', () => {
    const r = run(['kill']);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('\nUsage:\n kill [options] <pid> [...]\n')).toBe(true);
    expect(r.code).toBe(1);
  });
  it('reports a missing pid as (PID): No such process', () => {
    const r = run(['/bin/kill', '-9', '99999', '99998']);
    expect(r.stderr).toBe('/bin/kill: (99999): No such process\n/bin/kill: (99998): No such process\n');
    expect(r.code).toBe(1);
  });
  it('rejects a non-numeric pid', () => {
    const r = run(['kill', 'abc']);
    expect(r.stderr).toBe("kill: failed to parse argument: 'abc'\n");
    expect(r.code).toBe(1);
  });
  it('an unknown -X is an invalid argument with usage', () => {
    const r = run(['kill', '-FOO', '1']);
    expect(r.stderr.startsWith('kill: invalid argument F\n\nUsage:')).toBe(true);
    expect(r.code).toBe(1);
  });
  it('sends the named signal to a live process', () => {
    const m = boot();
    const victim = spawn(m, ['sleep', '100']);
    m.run({ until: m.now + 1e6 });
    for (const argv of [['kill', '-s', 'USR1', String(victim.pid)]]) {
      const r = run(argv, { machine: m });
      expect(r.code).toBe(0);
    }
    m.run({ stopWhen: () => victim.finished, until: m.now + 1e9 });
    expect(victim.finished).toBe(true);
    expect(victim.status & 0x7f).toBe(10);
  });
  it('defaults to SIGTERM; -KILL and -9 pick the signal', () => {
    for (const [args, sig] of [[[], 15], [['-KILL'], 9], [['-2'], 2]] as const) {
      const m = boot();
      const victim = spawn(m, ['sleep', '100']);
      m.run({ until: m.now + 1e6 });
      expect(run(['kill', ...args, String(victim.pid)], { machine: m }).code).toBe(0);
      m.run({ stopWhen: () => victim.finished, until: m.now + 1e9 });
      expect(victim.status & 0x7f).toBe(sig);
    }
  });
});

describe('sleep', () => {
  it('sums NUMBER[smhd] operands in virtual time', () => {
    const m = boot();
    const t0 = m.now;
    const r = run(['sleep', '0.5', '1m', '0x.8s'], { machine: m });
    expect(r.code).toBe(0);
    const dt = (m.now - t0) / 1e9;
    expect(dt).toBeGreaterThanOrEqual(61);
    expect(dt).toBeLessThan(61.1);
  });
  it('missing operand', () => {
    const r = run(['sleep']);
    expect(r.stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect(r.code).toBe(1);
  });
  it('reports every bad interval, then the hint', () => {
    const r = run(['sleep', 'x', '1y', ' 1x']);
    expect(r.stderr).toBe("sleep: invalid time interval 'x'\nsleep: invalid time interval '1y'\nsleep: invalid time interval ' 1x'\n" +
      "Try 'sleep --help' for more information.\n");
    expect(r.code).toBe(1);
  });
  it('a negative number is an invalid option', () => {
    expect(run(['sleep', '-1']).stderr).toBe("sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n");
  });
});

describe('pwd, basename, dirname', () => {
  it('pwd prints the working directory and warns about operands', () => {
    const r = run(['pwd', 'x'], { cwd: '/etc' });
    expect(r.stdout).toBe('/etc\n');
    expect(r.stderr).toBe('pwd: ignoring non-option arguments\n');
  });
  it('pwd -L trusts a valid $PWD only', () => {
    expect(run(['pwd', '-L'], { cwd: '/etc', env: ['PWD=/etc/../etc'] }).stdout).toBe('/etc\n');
    expect(run(['pwd', '-L'], { cwd: '/etc', env: ['PWD=/usr'] }).stdout).toBe('/etc\n');
  });
  it('basename', () => {
    expect(run(['basename', '/usr/lib/']).stdout).toBe('lib\n');
    expect(run(['basename', '-a', '/x/y', 'z/']).stdout).toBe('y\nz\n');
    expect(run(['basename', '-s', '.c', 'a.c', 'b.c']).stdout).toBe('a\nb\n');
    expect(run(['basename', 'a.c', '.c']).stdout).toBe('a\n');
    expect(run(['basename', '.c', '.c']).stdout).toBe('.c\n');
    expect(run(['basename', '//']).stdout).toBe('/\n');
    expect(run(['basename', '']).stdout).toBe('\n');
  });
  it('basename errors', () => {
    expect(run(['basename']).stderr).toBe("basename: missing operand\nTry 'basename --help' for more information.\n");
    const r = run(['basename', 'a', 'b', 'c']);
    expect(r.stderr).toBe("basename: extra operand 'c'\nTry 'basename --help' for more information.\n");
    expect(r.code).toBe(1);
  });
  it('dirname', () => {
    expect(run(['dirname', '/a/b/', 'c', '//', '/', 'a/', '']).stdout).toBe('/a\n.\n/\n/\n.\n.\n');
    expect(run(['dirname']).code).toBe(1);
  });
});

describe('uname, id, clear', () => {
  it('uname -a omits the unknown -p and -i', () => {
    expect(run(['uname', '-a']).stdout).toBe('Linux khelper 6.6.0-khelper #1 SMP khelper x86_64 GNU/Linux\n');
    expect(run(['uname', '-a'], { profile: '2.6.20' }).stdout).toBe('Linux khelper 2.6.20-khelper #1 SMP khelper x86_64 GNU/Linux\n');
  });
  it('/proc/version and the first dmesg line are both linux_banner, with uname -v in it', () => {
    for (const profile of ['2.6.20', '6.6'] as const) {
      const version = run(['cat', '/proc/version'], { profile }).stdout;
      const v = run(['uname', '-v'], { profile }).stdout.trimEnd();
      expect(version.endsWith(` ${v}\n`)).toBe(true);
      expect(run(['dmesg'], { profile }).stdout.split('\n')[0]).toBe(`[    0.000000] ${version.trimEnd()}`);
    }
    expect(run(['cat', '/proc/version'], { profile: '2.6.20' }).stdout).toBe('Linux version 2.6.20-khelper (khelper@khelper) (gcc version 4.1.2) #1 SMP khelper\n');
    expect(run(['cat', '/proc/version']).stdout).toMatch(/^Linux version 6\.6\.0-khelper \(khelper@khelper\) \(gcc \(Debian 12\.2\.0-14\) 12\.2\.0, GNU ld \(GNU Binutils for Debian\) 2\.40\) #1 SMP khelper\n$/);
  });
  it('uname single fields in fixed order', () => {
    expect(run(['uname']).stdout).toBe('Linux\n');
    expect(run(['uname', '-rs']).stdout).toBe('Linux 6.6.0-khelper\n');
    expect(run(['uname', '-p', '-i']).stdout).toBe('unknown unknown\n');
    expect(run(['uname', 'x']).stderr).toBe("uname: extra operand 'x'\nTry 'uname --help' for more information.\n");
  });
  it('id', () => {
    expect(run(['id']).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(run(['id', '-u']).stdout).toBe('0\n');
    expect(run(['id', '-un']).stdout).toBe('root\n');
    expect(run(['id', '-Gn']).stdout).toBe('root\n');
    expect(run(['id', 'root']).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
  });
  it('id errors', () => {
    let r = run(['id', '-g', '-u']);
    expect(r.stderr).toBe('id: cannot print "only" of more than one choice\n');
    expect(r.code).toBe(1);
    r = run(['id', 'nosuch']);
    expect(r.stderr).toBe("id: 'nosuch': no such user\n");
    expect(r.code).toBe(1);
  });
  it('clear writes home, erase screen, erase scrollback', () => {
    expect(run(['clear']).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(run(['clear', '-x']).stdout).toBe('\x1b[H\x1b[2J');
  });
});
