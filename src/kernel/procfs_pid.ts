// fs/proc/base.c tgid_base_stuff[] (the entries khelper models) and fs/proc/array.c
// do_task_stat(). Every entry of /proc/PID is owned by the task's euid/egid (task_dump_owner();
// every task here is dumpable), so a user reads their own environ (0400) and not another's.
import { RLIMIT_RSS, RLIM_INFINITY } from '../uapi/resource.ts';
import { EINVAL } from '../uapi/errno.ts';
import { O_ACCMODE, O_RDONLY, O_WRONLY } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import { dir, file, link, staticDir } from './pseudofs.ts';
import type { Owner, PNode } from './pseudofs.ts';
import { displayComm, hasMm, MM_STANDIN, sigMasks, statusText, taskState } from './procfs_status.ts';
import { EXIT_ZOMBIE, capable, nsToClockT } from './task.ts';
import type { Task } from './task.ts';
import { pathOf } from './vfs.ts';
import { mountsText } from './procfs_mounts.ts';

/** Stand-in addresses of a user process's image (x86_64's usual layout), for fields 26-28, 45-51. */
const USER_LAYOUT = { startcode: 0x400000, endcode: 0x4a0000, startstack: 0x7ffffffde000, startData: 0x6a0000, endData: 0x6b0000,
  startBrk: 0x1000000, argStart: 0x7ffffffdf000, argEnd: 0x7ffffffdf100, envStart: 0x7ffffffdf100, envEnd: 0x7ffffffdffe0 };
const ULONG_MAX = '18446744073709551615';
/** include/uapi/linux/capability.h (not among uapi/resource.ts's constants). */
const CAP_SYS_PTRACE = 19;

/**
 * ptrace_may_access(PTRACE_MODE_READ_FSCREDS) as far as khelper's credentials go: the same task,
 * CAP_SYS_PTRACE, or a reader whose uid and gid match the target's real and effective ids.
 */
export function mayPtraceRead(reader: Task, t: Task): boolean {
  if (reader === t) return true;
  const r = reader.cred, c = t.cred;
  if (r.euid === c.uid && r.euid === c.euid && r.egid === c.gid && r.egid === c.egid) return true;
  return capable(r, CAP_SYS_PTRACE);
}

/**
 * do_task_stat(): 42 fields on 2.6.20 (up to delayacct_blkio_ticks), 52 on 6.6 (guest times,
 * the data/brk/arg/env bounds, exit_code). Fault counts, esp/eip, nswap, the cpu, rt_priority,
 * policy and the delay accounting are not modelled (0). 2.6.20's wchan is a kernel address
 * (stand-in 0); 6.6 shows the 0/1 "is it sleeping" flag it has used since 5.16, and hides
 * start_code/end_code (1), start_stack, the bounds and exit_code from a reader that may not
 * ptrace the task. Signal fields are decimal, the first 31 signals only, as there.
 */
export function statLine(k: Kernel, t: Task, reader: Task): string {
  const permitted = k.legacy || mayPtraceRead(reader, t);
  const ppid = t.realParent?.pid ?? t.parent?.pid ?? 0;
  const ttyNr = t.signal.tty ? (4 << 8) | 1 : 0;
  const tpgid = t.signal.tty ? t.signal.tty.pgrp : -1;
  const prio = 20 + t.nice;
  const { ign, cgt } = sigMasks(t);
  const u = hasMm(t) ? USER_LAYOUT : null;
  const rsslim = t.signal.rlim[RLIMIT_RSS].cur;
  const state = taskState(k, t).letter;
  const hide = (v: number | undefined, hidden: number): number => (u ? (permitted ? v ?? 0 : hidden) : 0);
  // 6.6: !task_is_running(); a zombie's __state is TASK_DEAD, so it counts as not running.
  const wchan = k.modern && permitted && state !== 'R' ? 1 : 0;
  const fields: (number | string)[] = [t.pid, `(${displayComm(k, t)})`, state, ppid, t.signal.pgrp, t.signal.session, ttyNr, tpgid, t.flags,
    0, 0, 0, 0, nsToClockT(t.utime), nsToClockT(t.stime), nsToClockT(t.cutime), nsToClockT(t.cstime), prio, t.nice, 1, 0,
    nsToClockT(t.startTime), u ? MM_STANDIN.totalVm * 4096 : 0, u ? MM_STANDIN.anon + MM_STANDIN.file : 0,
    rsslim >= RLIM_INFINITY ? ULONG_MAX : rsslim, hide(u?.startcode, 1), hide(u?.endcode, 1), hide(u?.startstack, 0), 0, 0,
    t.pending & 0x7fffffff, t.blocked & 0x7fffffff, ign & 0x7fffffff, cgt & 0x7fffffff,
    wchan, 0, 0, t.exitSignal, 0, 0, 0, 0];
  if (k.modern) {
    fields.push(0, 0);
    if (u && permitted) fields.push(u.startData, u.endData, u.startBrk, u.argStart, u.argEnd, u.envStart, u.envEnd);
    else fields.push(0, 0, 0, 0, 0, 0, 0);
    fields.push(permitted && t.exitState === EXIT_ZOMBIE ? t.exitCode : 0);
  }
  return `${fields.join(' ')}\n`;
}

/** The strings of argv/envp as the process's memory holds them: each NUL-terminated. */
const strings = (v: readonly string[]): string => v.map((a) => `${a}\0`).join('');

export function pidDir(k: Kernel, pid: number): PNode {
  const task = (): Task | undefined => k.tasks.get(pid);
  const owner: Owner = () => {
    const t = task();
    return t ? [t.cred.euid, t.cred.egid] : [0, 0];
  };
  const entries: Record<string, PNode> = {
    stat: file(0o444, (kk, reader) => { const t = task(); return t ? statLine(kk, t, reader) : ''; }),
    status: file(0o444, (kk) => { const t = task(); return t ? statusText(kk, t) : ''; }),
    // A kernel thread or a zombie has no mm: empty (proc_pid_cmdline_read, proc_pid_cmdline).
    cmdline: file(0o444, () => { const t = task(); return t && hasMm(t) ? strings(t.argv) : ''; }),
    environ: file(0o400, () => { const t = task(); return t && hasMm(t) ? strings(t.envp) : ''; }),
    // proc_pid_wchan(): the symbol, or "0" with no newline; 6.6 says "0" to a reader that may
    // not ptrace the task.
    wchan: file(0o444, (kk, reader) => {
      const t = task();
      if (!t || (kk.modern && !mayPtraceRead(reader, t))) return '0';
      return t.wchan || '0';
    }),
    mounts: file(0o444, (kk) => mountsText(kk)),
    cwd: link((kk) => { const t = task(); return t ? pathOf(kk, t.fs.cwd, kk.rootInode) : ''; }),
    root: link((kk) => { const t = task(); return t ? pathOf(kk, t.fs.root, kk.rootInode) : ''; }),
    exe: link(() => task()?.exe ?? ''),
    fd: dir(() => {
      const t = task();
      if (!t) return [];
      const out: [string, PNode][] = [];
      t.files.fds.forEach((f, i) => {
        if (!f) return;
        // proc_fd_instantiate(): S_IFLNK with r-x for a readable file, -wx for a writable one.
        const acc = f.flags & O_ACCMODE;
        const mode = (acc !== O_WRONLY ? 0o500 : 0) | (acc !== O_RDONLY ? 0o300 : 0);
        out.push([String(i), { kind: 'link', target: () => f.path, file: () => f, mode, owner, size: 64 }]);
      });
      return out;
    }, undefined, 0o500),
  };
  if (k.modern) {
    // /proc/PID/comm arrived in 2.6.33. comm_show() prints "%.64s\n"; comm_write() copies up to
    // TASK_COMM_LEN-1 bytes verbatim (a trailing newline included; a NUL ends the name) and only
    // for the writer's own thread group, else -EINVAL.
    entries.comm = file(0o644, (kk) => { const t = task(); return t ? `${displayComm(kk, t)}\n` : ''; }, (kk, data) => {
      const t = task();
      if (!t || t !== kk.current) return -EINVAL;
      const nul = data.indexOf('\0');
      t.comm = (nul >= 0 ? data.slice(0, nul) : data).slice(0, 15);
      return data.length;
    });
  }
  for (const node of Object.values(entries)) {
    node.owner = owner;
    // proc_pident_instantiate() gives cwd, exe and root no size.
    if (node.kind === 'link') node.size = 0;
  }
  return staticDir(entries, owner);
}
