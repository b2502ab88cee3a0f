// ps (procps-ng 4.0.2): headers recorded from the real ps on Debian 12 (pid_max 32768), rows
// laid out by output.c's rules, selection, forests and errors, on the simulated machine.
import { describe, expect, it } from 'vitest';
import { boot, run, spawn } from './harness.ts';

const HEADERS: [string[], string][] = [
  [[], '  PID TTY          TIME CMD'],
  [['-ef'], 'UID        PID  PPID  C STIME TTY          TIME CMD'],
  [['aux'], 'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'],
  [['-l'], 'F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD'],
  [['-lf'], 'F S UID        PID  PPID  C PRI  NI ADDR SZ WCHAN  STIME TTY          TIME CMD'],
  [['j'], ' PPID   PID  PGID   SID TTY      TPGID STAT   UID   TIME COMMAND'],
  [['-j'], '  PID  PGID   SID TTY          TIME CMD'],
  [['-F'], 'UID        PID  PPID  C    SZ   RSS PSR STIME TTY          TIME CMD'],
  [['l'], 'F   UID   PID  PPID PRI  NI    VSZ   RSS WCHAN  STAT TTY        TIME COMMAND'],
  [['-o', 'pid,user,etime,lstart,wchan:12,cmd'], '  PID USER         ELAPSED                  STARTED WCHAN        CMD'],
  [['-o', 'pid=MYPID,comm='], 'MYPID '],
  [['ax'], '  PID TTY      STAT   TIME COMMAND'],
  [['-o', 'pid,ppid,pgid,sid,tty,tpgid,stat,nice,pri,opri,rss,vsz,c,time,cmd'],
    '  PID  PPID  PGID   SID TT       TPGID STAT  NI PRI PRI   RSS    VSZ  C     TIME CMD'],
  [['-jf'], 'UID        PID  PPID  PGID   SID  C STIME TTY          TIME CMD'],
  [['v'], '  PID TTY      STAT   TIME  MAJFL   TRS   DRS   RSS %MEM COMMAND'],
];

function machineWithSleep() {
  const m = boot();
  const s = spawn(m, ['sleep', '100']);
  m.run({ until: m.now + 1e6 });
  return { m, sleepPid: s.pid };
}

describe('ps headers (recorded)', () => {
  it.each(HEADERS)('ps %j', (args, header) => {
    const r = run(['ps', ...args]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(header);
  });
});

describe('ps -ef and aux rows', () => {
  it('kernel threads in brackets, user processes with their command line', () => {
    const { m, sleepPid } = machineWithSleep();
    const lines = run(['ps', '-ef'], { machine: m }).stdout.split('\n');
    expect(lines[1]).toBe('root         1     0  0 22:13 ?        00:00:00 /sbin/init');
    expect(lines[2]).toBe('root         2     0  0 22:13 ?        00:00:00 [kthreadd]');
    const sl = lines.find((l) => l.includes('sleep 100'))!;
    expect(sl).toMatch(new RegExp(`^root +${sleepPid} +\\d+  0 22:13 \\?        00:00:00 sleep 100$`));
  });
  it('aux shows memory, state and start columns', () => {
    const { m } = machineWithSleep();
    const lines = run(['ps', 'aux'], { machine: m }).stdout.split('\n');
    expect(lines[2]).toBe('root         2  0.0  0.0      0     0 ?        S    22:13   0:00 [kthreadd]');
    expect(lines.find((l) => l.includes('sleep 100'))).toMatch(/^root +\d+ {2}0\.0 {2}0\.7 {3}4096 {2}1024 \? {8}Ss {3}22:13 {3}0:00 sleep 100$/);
  });
  it('-e prints command names (comm) under CMD', () => {
    const { m } = machineWithSleep();
    const out = run(['ps', '-e'], { machine: m }).stdout;
    expect(out).toMatch(/\n {3,4}\d+ \? {8}00:00:00 sleep\n/);
    expect(out).toContain('    2 ?        00:00:00 kthreadd\n');
  });
  it('ps aux on 2.6.20 names the khelper workqueue thread', () => {
    const r = run(['ps', 'aux'], { profile: '2.6.20' });
    expect(r.stdout).toMatch(/\[khelper\]\n/);
  });
});

describe('ps forests', () => {
  it('f draws \\_ under the parent; init\'s children stay at its level', () => {
    const { m, sleepPid } = machineWithSleep();
    const out = run(['ps', 'axf'], { machine: m }).stdout;
    expect(out.split('\n')[1]).toBe('    2 ?        S      0:00 [kthreadd]');
    expect(out).toContain('    3 ?        I<     0:00  \\_ [kworker/R-rcu_g]\n');
    expect(out).toMatch(new RegExp(`\\n +${sleepPid} \\?        Ss     0:00  \\\\_ sleep 100\\n`));
    expect(out).toMatch(/\n {4}1 \? {8}S {6}0:00 \/sbin\/init\n/);
  });
  it('-H indents by two spaces per level', () => {
    const { m } = machineWithSleep();
    const out = run(['ps', '-eH'], { machine: m }).stdout;
    expect(out).toContain('    3 ?        00:00:00   kworker/R-rcu_g\n');
    expect(out).toMatch(/00:00:00 {5}sleep\n/);
  });
  it('--forest with -ef', () => {
    const { m } = machineWithSleep();
    expect(run(['ps', '-ef', '--forest'], { machine: m }).stdout).toContain('root         3     2  0 22:13 ?        00:00:00  \\_ [kworker/R-rcu_g]\n');
  });
});

describe('ps selection and formats', () => {
  it('-p selects, -o renames and sets widths', () => {
    const r = run(['ps', '-p', '1,2', '-o', 'pid,comm:4,ppid=PARENT']);
    // Recorded: the header is not cut to the width, the data is.
    expect(r.stdout).toBe('  PID COMMAND PARENT\n    1 init      0\n    2 kthr      0\n');
  });
  it('--no-headers and empty headers drop the header line', () => {
    expect(run(['ps', '-p', '1', '-o', 'pid', '--no-headers']).stdout).toBe('    1\n');
    expect(run(['ps', '-p', '1', '-o', 'pid=', '-o', 'comm=']).stdout).toBe('    1 init\n');
  });
  it('--sort orders rows', () => {
    expect(run(['ps', '--sort=-pid', '-o', 'pid', '-p', '1,2,3']).stdout).toBe('  PID\n    3\n    2\n    1\n');
  });
  it('-C selects by command name', () => {
    const { m, sleepPid } = machineWithSleep();
    expect(run(['ps', '-C', 'sleep', '-o', 'pid='], { machine: m }).stdout).toBe(`${String(sleepPid).padStart(5)}\n`);
  });
  it('-u root and a BSD pid operand', () => {
    expect(run(['ps', '-u', 'root', '-o', 'user=', '-p', '1']).stdout.split('\n')[0]).toBe('root');
    expect(run(['ps', '1']).stdout).toBe('  PID TTY      STAT   TIME COMMAND\n    1 ?        S      0:00 /sbin/init\n');
  });
  it('"ps -aux" falls back to BSD parsing (no user named x)', () => {
    expect(run(['ps', '-aux']).stdout.split('\n')[0]).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
  });
  it('no match: header and status 1', () => {
    const r = run(['ps', '-p', '999']);
    expect(r.stdout).toBe('  PID TTY          TIME CMD\n');
    expect(r.code).toBe(1);
  });
});

describe('ps errors (recorded)', () => {
  const usage = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
  it('bad SysV option', () => {
    const r = run(['ps', '-Q']);
    expect(r.stderr).toBe(`error: unsupported SysV option\n${usage}`);
    expect(r.code).toBe(1);
  });
  it('bad BSD option', () => {
    expect(run(['ps', 'Q']).stderr).toBe(`error: unsupported option (BSD syntax)\n${usage}`);
  });
  it('unknown format specifier', () => {
    expect(run(['ps', '-o', 'foo']).stderr).toBe(`error: unknown user-defined format specifier "foo"\n${usage}`);
  });
  it('bad pid list', () => {
    expect(run(['ps', '-p', 'abc']).stderr).toBe(`error: process ID list syntax error\n${usage}`);
  });
  it('--version', () => {
    expect(run(['ps', '--version']).stdout).toBe('ps from procps-ng 4.0.2\n');
  });
});
