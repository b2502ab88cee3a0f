// Runaway code inside the machine, each contained by a limit the kernel itself has: the time
// slice (a busy loop is just a busy task), threads-max and RLIMIT_NPROC (a fork bomb gets
// -EAGAIN and dash says "Cannot fork"), the JS stack (endless recursion dies like dash's stack
// overflow, SIGSEGV), and kmod's own limits on nested request_module() (2.6.20: 50 and -ENOMEM;
// 6.6: a semaphore of 50 and -ETIME after 5 s). A busy loop alone on the run queue, once a
// host freeze, is in fixed-bugs.test.ts (BUG 1).
import { describe, expect, it } from 'vitest';
import { SIGKILL } from '../../src/uapi/signal.ts';
import { sendSignal } from '../../src/kernel/signal.ts';
import { rootCred } from '../../src/kernel/task.ts';
import { runSh } from '../../src/init/testing.ts';
import { boot, dmesg, runUntil, slices, spawnSh, userTasks } from './harness.ts';

describe('a busy loop is just a busy task', () => {
  it('two endless loops share the CPU, Machine.run returns on its budget and a sleeper wakes on time', () => {
    const m = boot();
    const sleeper = spawnSh(m, 'sleep 0.02; echo woke');
    m.run({ until: m.now + 1e6 });
    const start = m.now;
    const a = spawnSh(m, 'while :; do :; done');
    const b = spawnSh(m, 'while :; do :; done');
    const s = slices(m, 4, 5);
    expect(s.reasons).toEqual(['budget', 'budget', 'budget', 'budget']);
    // Virtual time moves on with every slice (each event is about one 4 ms time slice).
    for (let i = 1; i < s.times.length; i++) expect(s.times[i]).toBeGreaterThan(s.times[i - 1]);
    const ta = m.k.tasks.get(a.pid)!, tb = m.k.tasks.get(b.pid)!;
    expect(ta.sumExec).toBeGreaterThan(0);
    expect(Math.abs(ta.sumExec - tb.sumExec)).toBeLessThanOrEqual(m.k.config.timeslice * 2);
    // The sleeper's timer fires while both loops spin: it is late by at most a slice or two.
    m.run({ until: start + 0.05e9 });
    expect(sleeper.stdout.data).toBe('woke\n');
    // The host can still stop the loops (SIGKILL) and the machine goes idle.
    sendSignal(m.k, SIGKILL, ta);
    sendSignal(m.k, SIGKILL, tb);
    expect(runUntil(m, () => a.finished && b.finished, 1000)).toBe(true);
    expect(a.status & 0x7f).toBe(SIGKILL);
    expect(m.run({ maxEvents: 1000 })).toBe('idle');
    expect(m.k.oopses).toEqual([]);
  });
});

describe('fork bomb: f(){ f|f& };f', () => {
  it('as root, threads-max holds: forks fail with -EAGAIN, dash says "sh: 1: Cannot fork", and kill -9 -1 resets the machine', () => {
    const m = boot('2.6.20', { config: { threadsMax: 64 } });
    const bomb = spawnSh(m, 'f(){ f|f& };f');
    let peak = 0;
    const s = slices(m, 5, 1000, () => { peak = Math.max(peak, m.k.nrThreads); });
    expect(s.reasons.every((r) => r === 'budget')).toBe(true);
    expect(peak).toBe(64);
    const lines = bomb.stderr.data.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    expect(new Set(lines)).toEqual(new Set(['sh: 1: Cannot fork']));
    // The bomb keeps the machine at threads-max, so root cannot fork either; raise the limit
    // (as an admin would with sysctl) and kill every process but init.
    expect(m.k.sysctl.writeKey(m.k, 'kernel.threads-max', '200')).toBeGreaterThanOrEqual(0);
    const killer = spawnSh(m, 'kill -9 -1; echo killed');
    expect(runUntil(m, () => killer.finished, 100_000)).toBe(true);
    expect(killer.stdout.data).toBe('killed\n');
    m.run({ maxEvents: 10_000 });
    expect(userTasks(m)).toBe(1); // /sbin/init
    expect(runSh('echo still here', { machine: m }).stdout).toBe('still here\n');
    expect(m.k.oopses).toEqual([]);
  });

  it('as a user, RLIMIT_NPROC (ulimit -p) holds before threads-max does', () => {
    const m = boot('2.6.20');
    const bomb = spawnSh(m, 'ulimit -p 20; f(){ f|f& };f');
    // The scenario harness forks the shell as root; make it uid 1000 before it runs.
    runUntil(m, () => bomb.pid > 0, 100);
    const t = m.k.tasks.get(bomb.pid)!;
    t.cred = { ...rootCred(), uid: 1000, euid: 1000, gid: 1000, egid: 1000, capEffective: [0, 0], capPermitted: [0, 0], capBset: [0, 0] };
    let peak = 0;
    const sample = (): boolean => {
      let n = 0;
      for (const o of m.k.tasks.values()) if (o.cred.uid === 1000 && !o.exitState) n++;
      peak = Math.max(peak, n);
      return false;
    };
    for (let i = 0; i < 5; i++) expect(m.run({ maxEvents: 1000, stopWhen: sample })).toBe('budget');
    // Sampled between scheduler events: a shell may fork to the limit, fail and exit in one slice.
    expect(peak).toBeLessThanOrEqual(20);
    expect(peak).toBeGreaterThanOrEqual(15);
    expect(m.k.nrThreads).toBeLessThan(m.k.maxThreads);
    expect(bomb.stderr.data).toContain('sh: 1: Cannot fork\n');
    // Root is not limited by the user's RLIMIT_NPROC.
    expect(runSh('echo root can fork; (echo subshell)', { machine: m }).stdout).toBe('root can fork\nsubshell\n');
    expect(m.k.oopses).toEqual([]);
  });
});

describe('endless recursion in a shell function', () => {
  it('ends that shell with dash\'s "Maximum function recursion depth (1000) reached" and status 2; the parent goes on', () => {
    // Debian's dash 0.5.12 prints exactly this (and its own name) for both forms.
    const r = runSh("sh -c 'f(){ f; }; f'; echo status=$?; g(){ g $(($1+1)); }; (g 0); echo status=$?");
    expect(r.stdout).toBe('status=2\nstatus=2\n');
    expect(r.stderr).toBe('sh: 1: Maximum function recursion depth (1000) reached\n'.repeat(2));
    expect(r.status).toBe(0);
    expect(r.machine.k.oopses).toEqual([]);
  });
});

describe('request_module() recursion through modprobe (install runs cat on a driverless device)', () => {
  // Opening /dev/parport0 (char 99:0, no driver) asks kmod for char-major-99-0; the install
  // command opens it again from inside modprobe: every level waits for the next.
  const loop = "echo 'install char-major-99-0 cat /dev/parport0' > /etc/modprobe.d/loop.conf; cat /dev/parport0; echo rc=$?";

  it('2.6.20: the 51st nested request gets -ENOMEM with "request_module: runaway loop modprobe char-major-99-0"; all levels unwind', () => {
    const r = runSh(loop, { profile: '2.6.20' });
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe('cat: /dev/parport0: No such device or address\n');
    const k = r.machine.k;
    const reqs = k.trace.slice().filter((e) => e.event === 'module_request' && e.name === 'char-major-99-0');
    expect(reqs).toHaveLength(51);
    const rets = k.trace.slice().filter((e) => e.event === 'module_request_ret' && e.name === 'char-major-99-0').map((e) => e.ret);
    expect(rets.filter((x) => x === -12)).toHaveLength(1);
    expect(dmesg(r.machine)).toContain('request_module: runaway loop modprobe char-major-99-0');
    expect(k.kmod.kmodConcurrent).toBe(0);
    expect(r.machine.now).toBeLessThan(1e9);
    expect(k.oopses).toEqual([]);
  });

  it('2.6.20 with threads-max 40: each level costs threads (helper, modprobe, sh -c and its cat), so a failed fork ends the loop before kmod\'s limit of 20; all levels unwind', () => {
    const r = runSh(loop, { machine: boot('2.6.20', { config: { threadsMax: 40 } }) });
    expect(r.stdout).toBe('rc=1\n');
    const k = r.machine.k;
    const rets = k.trace.slice().filter((e) => e.event === 'module_request_ret' && e.name === 'char-major-99-0').map((e) => Number(e.ret));
    expect(rets.length).toBeGreaterThan(1);
    expect(rets.length).toBeLessThan(20);
    // The deepest request finds no thread left for its helper: kernel_thread() fails with
    // -EAGAIN, which __call_usermodehelper() hands back; every level above sees modprobe exit 1.
    expect(rets[0]).toBe(-11);
    expect(rets.slice(1).every((x) => x === 256)).toBe(true);
    expect(dmesg(r.machine).some((l) => l.startsWith('request_module: runaway loop'))).toBe(false);
    expect(k.kmod.kmodConcurrent).toBe(0);
    expect(k.nrThreads).toBeLessThan(20);
    expect(k.oopses).toEqual([]);
  });

  it('6.6: the 51st waits on kmod_concurrent_max for 5 s, gets -ETIME with the "kmod busy" warning; all levels unwind', () => {
    const r = runSh(loop, { profile: '6.6' });
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe('cat: /dev/parport0: No such device or address\n');
    const k = r.machine.k;
    const rets = k.trace.slice().filter((e) => e.event === 'module_request_ret' && e.name === 'char-major-99-0').map((e) => e.ret);
    expect(rets.filter((x) => x === -62)).toHaveLength(1);
    expect(dmesg(r.machine)).toContain('request_module: modprobe char-major-99-0 cannot be processed, kmod busy with 50 threads for more than 5 seconds now');
    expect(k.kmodSem!.count).toBe(50);
    expect(r.machine.now).toBeGreaterThan(5e9);
    expect(r.machine.now).toBeLessThan(6e9);
    expect(k.oopses).toEqual([]);
  });
});
