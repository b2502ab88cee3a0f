// /proc/PID against fs/proc/base.c and fs/proc/array.c of Linux 2.6.20 and 6.6: which entries
// exist, their modes and owners, and the layout of status and stat.
import { describe, expect, it } from 'vitest';
import { PROFILES, sh, statusKeys } from './procfs-format-helpers.ts';

const STATUS_2620 = ['Name', 'State', 'SleepAVG', 'Tgid', 'Pid', 'PPid', 'TracerPid', 'Uid', 'Gid', 'FDSize', 'Groups',
  'VmPeak', 'VmSize', 'VmLck', 'VmHWM', 'VmRSS', 'VmData', 'VmStk', 'VmExe', 'VmLib', 'VmPTE',
  'Threads', 'SigQ', 'SigPnd', 'ShdPnd', 'SigBlk', 'SigIgn', 'SigCgt', 'CapInh', 'CapPrm', 'CapEff'];
const STATUS_66 = ['Name', 'Umask', 'State', 'Tgid', 'Ngid', 'Pid', 'PPid', 'TracerPid', 'Uid', 'Gid', 'FDSize', 'Groups',
  'NStgid', 'NSpid', 'NSpgid', 'NSsid', 'Kthread',
  'VmPeak', 'VmSize', 'VmLck', 'VmPin', 'VmHWM', 'VmRSS', 'RssAnon', 'RssFile', 'RssShmem', 'VmData', 'VmStk', 'VmExe', 'VmLib',
  'VmPTE', 'VmSwap', 'HugetlbPages', 'CoreDumping', 'THP_enabled', 'untag_mask',
  'Threads', 'SigQ', 'SigPnd', 'ShdPnd', 'SigBlk', 'SigIgn', 'SigCgt', 'CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb',
  'NoNewPrivs', 'Seccomp', 'Seccomp_filters', 'Speculation_Store_Bypass', 'SpeculationIndirectBranch',
  'Cpus_allowed', 'Cpus_allowed_list', 'Mems_allowed', 'Mems_allowed_list', 'voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches'];
const VM_66 = new Set(STATUS_66.slice(STATUS_66.indexOf('VmPeak'), STATUS_66.indexOf('untag_mask') + 1));
const VM_2620 = new Set(STATUS_2620.slice(STATUS_2620.indexOf('VmPeak'), STATUS_2620.indexOf('VmPTE') + 1));

describe('/proc/PID/status', () => {
  it('2.6.20 proc_pid_status(): task_name, task_state with SleepAVG, task_mem, task_sig, task_cap; no cpuset lines (CONFIG_CPUSETS off)', () => {
    const r = sh('2.6.20', 'cat /proc/self/status');
    expect(statusKeys(r.stdout)).toEqual(STATUS_2620);
    expect(r.stdout).toMatch(/^Name:\tcat\nState:\tR \(running\)\nSleepAVG:\t\d+%\nTgid:\t\d+\n/);
    // task_state(): "%d " per supplementary group, none here; task_mem(): "%8lu kB".
    expect(r.stdout).toContain('\nGroups:\t\nVmPeak:\t');
    expect(r.stdout).toMatch(/\nVmRSS:\t {4}\d{4} kB\n/);
  });

  it('2.6.20 task_cap(): three 32-bit sets as "%016x" (no CapBnd); render_sigset_t(): 16 hex digits', () => {
    const r = sh('2.6.20', 'cat /proc/self/status');
    expect(r.stdout).toMatch(/\nCapInh:\t00000000[0-9a-f]{8}\nCapPrm:\t00000000[0-9a-f]{8}\nCapEff:\t00000000[0-9a-f]{8}\n$/);
    expect(r.stdout).toMatch(/\nSigCgt:\t[0-9a-f]{16}\n/);
  });

  it('6.6 proc_pid_status(): Umask after Name, Ngid, NS* and Kthread from task_state(), then task_mem() ... arch lines', () => {
    const r = sh('6.6', 'cat /proc/self/status');
    expect(statusKeys(r.stdout)).toEqual(STATUS_66);
    expect(r.stdout).toMatch(/^Name:\tcat\nUmask:\t0022\nState:\tR \(running\)\nTgid:\t(\d+)\nNgid:\t0\nPid:\t\1\n/);
    // "Trailing space shouldn't have been added in the first place."
    expect(r.stdout).toContain('\nGroups:\t \nNStgid:\t');
    expect(r.stdout).toContain('\nKthread:\t0\n');
    expect(r.stdout).toMatch(/\nCapAmb:\t0{16}\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n/);
    expect(r.stdout).toMatch(/\nuntag_mask:\t0xffffffffffffffff\n/);
    expect(r.stdout).toMatch(/\nMems_allowed:\t(00000000,){31}00000001\nMems_allowed_list:\t0\n/);
  });

  it('6.6 task_state(): NSpgid/NSsid are the process group and session', () => {
    const r = sh('6.6', 'cat /proc/self/status; echo "pgid $(cut -d" " -f5 /proc/self/stat) sid $(cut -d" " -f6 /proc/self/stat)"');
    const pg = /NSpgid:\t(\d+)\nNSsid:\t(\d+)/.exec(r.stdout)!;
    expect(pg).not.toBeNull();
    expect(Number(pg[2])).toBeGreaterThan(0);
  });

  it.each(PROFILES)('%s: a kernel thread has no mm, so no memory lines (if (mm) task_mem())', (profile) => {
    const r = sh(profile, 'cat /proc/2/status');
    const keys = statusKeys(r.stdout);
    const vm = profile === '6.6' ? VM_66 : VM_2620;
    expect(keys.filter((k) => vm.has(k))).toEqual([]);
    expect(keys).toEqual((profile === '6.6' ? STATUS_66 : STATUS_2620).filter((k) => !vm.has(k)));
    if (profile === '6.6') expect(r.stdout).toContain('\nKthread:\t1\n');
  });

  it.each(PROFILES)('%s: a newline in the comm is shown as \\n in Name (task_name() / seq_escape_str())', (profile) => {
    const script = profile === '6.6' ? 'printf "a\\nb" > /proc/self/comm; head -1 /proc/self/status' : 'true';
    const r = sh(profile, script);
    if (profile === '6.6') expect(r.stdout).toBe('Name:\thead\n');
  });
});

/** A child that exits under a parent that exec'd a program that never waits: a zombie, pid in /tmp/z. */
const ZOMBIE = 'sh -c \'sleep 0.1 & echo $! > /tmp/z; exec sleep 2\' & sleep 0.5';

describe('/proc/PID/status of a zombie', () => {
  it.each(PROFILES)('%s: no cmdline or mm lines, FDSize 0 (exit_files()), and on 6.6 no Umask line (exit_fs())', (profile) => {
    const r = sh(profile, `${ZOMBIE}; z=$(cat /tmp/z); cat /proc/$z/cmdline | wc -c; cat /proc/$z/status`);
    // get_task_mm() is NULL: proc_pid_cmdline_read() shows nothing.
    expect(r.stdout.startsWith('0\n')).toBe(true);
    const keys = statusKeys(r.stdout);
    expect(r.stdout).toMatch(/\nState:\tZ \(zombie\)\n/);
    expect(r.stdout).toContain('\nFDSize:\t0\n');
    expect(keys).not.toContain('VmSize');
    expect(keys.includes('Umask')).toBe(false);
  });
});

describe('/proc/PID/stat', () => {
  it.each([['2.6.20', 42], ['6.6', 52]] as const)('%s do_task_stat(): %i fields; vsize and rss agree with status', (profile, n) => {
    const r = sh(profile, 'cat /proc/self/stat');
    const f = r.stdout.trim().replace(/^.*\) /, '').split(' ');
    expect(f.length + 2).toBe(n);
    // Fields 23 (vsize, bytes) and 24 (rss, pages); proc(5) numbers from 1.
    expect(Number(f[23 - 3])).toBe(4096 * 1024);
    expect(Number(f[24 - 3])).toBe(256);
  });

  it('6.6: wchan is the 0/1 "sleeping" flag; a zombie is not running (TASK_DEAD), so 1', () => {
    const r = sh('6.6', `sleep 1 & sleep 0.1; cut -d" " -f35 /proc/$!/stat; cut -d" " -f35 /proc/self/stat; ${ZOMBIE}; cut -d" " -f3,35 /proc/$(cat /tmp/z)/stat`);
    expect(r.stdout).toBe('1\n0\nZ 1\n');
  });

  it('6.6: a zombie\'s exit_code (field 52) is its wait status; 2.6.20 has no such field', () => {
    const r = sh('6.6', `${ZOMBIE.replace('sleep 0.1 &', '(sleep 0.1; exit 3) &')}; cut -d" " -f52 /proc/$(cat /tmp/z)/stat`);
    expect(r.stdout).toBe(`${3 << 8}\n`);
  });

  it('6.6: a reader that may not ptrace the task sees start_code/end_code as 1 and no stack, bounds or exit_code', () => {
    const r = sh('6.6', 'asuser /bin/sh -c \'cut -d" " -f26-28,45-52 /proc/1/stat\'; cut -d" " -f26,27 /proc/1/stat');
    const [user, root] = r.stdout.split('\n');
    expect(user).toBe('1 1 0 0 0 0 0 0 0 0 0');
    expect(root).not.toBe('1 1');
  });
});

describe('task states', () => {
  it('6.6 task_state_index(): an idle kworker (TASK_IDLE in worker_thread()) is "I (idle)"; 2.6.20 has no such state', () => {
    const r = sh('6.6', 'for f in /proc/[0-9]*/stat; do cat $f; done | grep "(kworker/u" | cut -d" " -f2,3 | sort -u');
    expect(r.stdout).toMatch(/^\(kworker\/u2:0\) I\n/);
    const pid = /^(\d+)/.exec(sh('6.6', 'grep -l "^Name:.kworker/u2:0" /proc/[0-9]*/status').stdout.replace('/proc/', ''));
    expect(pid).not.toBeNull();
    expect(sh('6.6', `grep State /proc/${pid![1]}/status`).stdout).toBe('State:\tI (idle)\n');
    expect(sh('2.6.20', 'cat /proc/[0-9]*/stat').stdout).not.toMatch(/\) I /);
  });
});

describe('/proc/PID entries', () => {
  it('2.6.20 tgid_base_stuff[] has no comm (added in 2.6.33); 6.6 has it, 0644', () => {
    expect(sh('2.6.20', 'ls /proc/self/').stdout.split('\n')).not.toContain('comm');
    expect(sh('6.6', 'ls -l /proc/self/comm').stdout).toMatch(/^-rw-r--r-- /);
  });

  it.each(PROFILES)('%s: entries are owned by the task\'s euid; a user reads their own environ (0400) but not root\'s', (profile) => {
    const r = sh(profile, 'asuser /bin/sh -c \'ls -ln /proc/self/environ; cat /proc/self/environ | tr "\\0" "\\n" | grep -c =; cat /proc/1/environ\'');
    expect(r.stdout).toMatch(/^-r-------- 1 1000 1000 0 /);
    expect(Number(r.stdout.split('\n')[1])).toBeGreaterThan(0);
    expect(r.stderr).toContain('/proc/1/environ: Permission denied');
  });

  it.each(PROFILES)('%s: /proc/mounts is a symlink to self/mounts (proc_root_init)', (profile) => {
    const r = sh(profile, 'readlink /proc/mounts; [ "$(cat /proc/mounts)" = "$(cat /proc/self/mounts)" ] && grep -q "^proc /proc proc " /proc/mounts && echo same');
    expect(r.stdout).toBe('self/mounts\nsame\n');
  });

  it('6.6 comm_write(): the bytes are stored as written, newline included, and only for the writer itself', () => {
    const r = sh('6.6', '/bin/echo x > /proc/1/comm; cat /proc/1/comm; printf "abc\\n" > /proc/$$/comm; od -c /proc/$$/comm | head -1');
    expect(r.stderr).toBe('/bin/echo: write error: Invalid argument\n');
    expect(r.stdout).toBe('init\n0000000   a   b   c  \\n  \\n\n');
  });

  it('6.6 proc_pid_wchan(): "0" (no newline) to a reader that may not ptrace the task', () => {
    const r = sh('6.6', 'cat /proc/1/wchan; echo; asuser /bin/cat /proc/1/wchan; echo');
    expect(r.stdout).toBe('pause\n0\n');
  });
});

describe('/proc/PID/fd', () => {
  it.each(PROFILES)('%s proc_fd_instantiate(): a link is r-x for reading, -wx for writing, owned by the task', (profile) => {
    const r = sh(profile, 'asuser /bin/sh -c "ls -ln /proc/self/fd/ 3</etc/passwd 4>>/tmp/x 5<>/tmp/y"');
    const modes = r.stdout.split('\n').filter((l) => / [345] -> /.test(l)).map((l) => l.split(' ').filter(Boolean).slice(0, 4).join(' '));
    expect(modes).toEqual(['lr-x------ 1 1000 1000', 'l-wx------ 1 1000 1000', 'lrwx------ 1 1000 1000']);
  });
});
