// What the kernel sees the shell do: dash 0.5.12's process structure, checked in the trace.
import { describe, expect, it } from 'vitest';
import { bootMachine, runSh } from '../../src/init/testing.ts';
import type { TraceEvent } from '../../src/uapi/trace.ts';
import { CLONE_VFORK, CLONE_VM } from '../../src/uapi/sched.ts';
import { SIGCHLD } from '../../src/uapi/signal.ts';

function traced(script: string, shell: 'sh' | 'bash' = 'sh'): { events: TraceEvent[]; stdout: string; stderr: string; status: number } {
  const m = bootMachine({});
  const from = m.k.trace.length;
  const r = runSh(script, { machine: m, shell });
  const events = m.k.trace.slice(from).filter((e) => e.event === 'sched_process_fork' || e.event === 'sched_process_exec');
  // Only what follows the exec of the shell itself.
  const start = events.findIndex((e) => e.event === 'sched_process_exec' && e.filename === `/bin/${shell}`);
  return { events: events.slice(start + 1), stdout: r.stdout, stderr: r.stderr, status: r.status };
}
const forks = (ev: TraceEvent[]): number[] => ev.filter((e) => e.event === 'sched_process_fork').map((e) => Number(e.clone_flags));
const execs = (ev: TraceEvent[]): string[] => ev.filter((e) => e.event === 'sched_process_exec').map((e) => String(e.filename));
const VFORK = CLONE_VM | CLONE_VFORK | SIGCHLD;

describe('processes as dash makes them', () => {
  it('vforks for the last command of sh -c too: Debian\'s dash 0.5.12 stays the parent (strace on the host: vfork, then execve in the child)', () => {
    const t = traced('/bin/true');
    expect(forks(t.events)).toEqual([VFORK]);
    expect(execs(t.events)).toEqual(['/bin/true']);
  });

  it('runs each simple command through vfork + execve', () => {
    const t = traced('/bin/true; /bin/true');
    expect(forks(t.events)).toEqual([VFORK, VFORK]);
    expect(execs(t.events)).toEqual(['/bin/true', '/bin/true']);
  });

  it('a subshell still execs its last command in place (EV_EXIT): `( sleep 1 ) &` is a sleep process', () => {
    expect(forks(traced('(/bin/true)').events)).toEqual([SIGCHLD]);
    expect(execs(traced('(/bin/true)').events)).toEqual(['/bin/true']);
  });

  it('forks for command substitution, each pipeline element and subshells', () => {
    expect(forks(traced('x=$(echo a)').events)).toEqual([SIGCHLD]);
    expect(forks(traced('echo a | cat').events)).toEqual([SIGCHLD, SIGCHLD]);
    expect(forks(traced('(echo a); :').events)).toEqual([SIGCHLD]);
    // The last pipeline element's child execs cat itself.
    expect(execs(traced('echo a | /bin/cat').events)).toEqual(['/bin/cat']);
  });

  it('forks instead of exec-in-place when a trap must still run', () => {
    const t = traced("trap 'echo bye' EXIT; /bin/true");
    expect(forks(t.events)).toEqual([VFORK]);
    expect(t.stdout).toBe('bye\n');
  });

  it('does not fork for a command that is not found (find_command fails first)', () => {
    const t = traced('nosuchcmd; echo $?');
    expect(forks(t.events)).toEqual([]);
    expect(t.stdout).toBe('127\n');
    expect(t.stderr).toBe('sh: 1: nosuchcmd: not found\n');
  });

  it('passes the environment in dash\'s variable-table order', () => {
    const m = bootMachine({});
    const from = m.k.trace.length;
    runSh('export ZZ=1 AA=2; /bin/true; :', { machine: m });
    const ex = m.k.trace.slice(from).filter((e) => e.event === 'sched_process_exec' && e.filename === '/bin/true');
    // hashvar(): AA 0, USER 2, HOME 6, LOGNAME 15, TERM 18, PATH and ZZ 21 (newest first in a
    // bucket), PWD 33.
    expect(ex[0].envp).toEqual(['AA=2', 'USER=root', 'HOME=/root', 'LOGNAME=root', 'TERM=linux', 'ZZ=1',
      'PATH=/sbin:/usr/sbin:/bin:/usr/bin', 'PWD=/root']);
  });

  it('runs a file that is not a binary with /bin/sh (ENOEXEC)', () => {
    const m = bootMachine({ files: { '/root/s': { content: 'echo script $1\n', mode: '0755' } } });
    const from = m.k.trace.length;
    const r = runSh('/root/s arg; :', { machine: m });
    expect(r.stdout).toBe('script arg\n');
    const ex = m.k.trace.slice(from).filter((e) => e.event === 'sched_process_exec').slice(1);
    // The first execve fails with ENOEXEC; dash's tryexec() then runs /bin/sh on the file.
    expect(ex.map((e) => [e.argv, e.ret])).toEqual([[['/root/s', 'arg'], -8], [['/bin/sh', '/root/s', 'arg'], 0]]);
  });

  it('reports 128+N and dash\'s note for a child killed by a signal', () => {
    const r = runSh("sh -c 'kill -SEGV $$'; echo $?");
    expect(r.stdout).toBe('139\n');
    expect(r.stderr).toBe('Segmentation fault\n');
  });
});
