// fs/proc/array.c proc_pid_status() for both profiles. 2.6.20 prints task_name, task_state (with
// the O(1) scheduler's SleepAVG), task_mem, task_sig and task_cap (three 32-bit sets as "%016x");
// its defconfigs (i386, x86_64) leave CONFIG_CPUSETS off, so no Cpus_allowed/Mems_allowed lines.
// 6.6 adds Umask, Ngid, the NS* lines, Kthread, the mm extras, CapBnd/CapAmb, seccomp and
// speculation lines, the cpu/node masks and context-switch counts, with the config of a Debian
// x86_64 kernel (CONFIG_PID_NS, SECCOMP_FILTER, CPUSETS, NODES_SHIFT=10, TRANSPARENT_HUGEPAGE,
// HUGETLB_PAGE; no X86_USER_SHADOW_STACK, so no x86_Thread_features lines).
import { RLIMIT_SIGPENDING } from '../uapi/resource.ts';
import { TASK_STATE_NAMES } from '../uapi/sched.ts';
import type { Kernel } from './kernel.ts';
import { PF_KTHREAD, stateLetter, TASK_NOLOAD } from './task.ts';
import type { Task } from './task.ts';

/** The comm ps shows: 6.6 kworkers add "+<workqueue>" while they run a work item (wq_worker_comm). */
export function displayComm(k: Kernel, t: Task): string {
  const wq = k.umh?.unboundWq;
  if (wq && wq.running.has(t)) return `${t.comm}+${wq.name}`;
  return t.comm;
}

/**
 * get_task_state(): the letter and name /proc shows. A TASK_IDLE sleeper (uninterruptible but not
 * counted in the load) is what task_state_index() reports as "I (idle)". 6.6's worker_thread()
 * sleeps so too; khelper's kworkers sleep interruptibly, so an idle one is recognised by its
 * pool's idle list.
 */
export function taskState(k: Kernel, t: Task): { letter: string; name: string } {
  const st = stateLetter(t);
  if (st === 'S' && (t.state & TASK_NOLOAD || (k.modern && k.umh?.unboundWq?.idle.has(t)))) return { letter: 'I', name: 'idle' };
  return { letter: st, name: TASK_STATE_NAMES[st] };
}

/**
 * get_task_mm(): a user address space, which a kernel thread never has and a zombie no longer
 * has (exit_mm() ran before it became one), though the task keeps its `mm` flag here.
 */
export const hasMm = (t: Task): boolean => t.mm && !t.exitState;

/** SIG_IGN and handler masks of signals 1..31 (collect_sigign_sigcatch()). */
export function sigMasks(t: Task): { ign: number; cgt: number } {
  let ign = 0, cgt = 0;
  for (let sig = 1; sig < 32; sig++) {
    const h = t.sighand.action[sig].handler;
    if (h === 'ignore') ign |= 1 << (sig - 1);
    else if (typeof h === 'function') cgt |= 1 << (sig - 1);
  }
  return { ign: ign >>> 0, cgt: cgt >>> 0 };
}

const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');
/** render_sigset_t() (_NSIG = 64: 16 hex digits) and 6.6 render_cap_t() (seq_put_hex_ll width 16). */
const hex16 = (lo: number, hi = 0): string => hex8(hi) + hex8(lo);
/** seq_put_decimal_ull_width(m, "", pages << (PAGE_SHIFT-10), 8) and 2.6.20's "%8lu kB". */
const kB = (name: string, kb: number): string => `${name}:\t${String(kb).padStart(8)} kB`;

/**
 * Stand-in memory figures (pages of 4 KiB) of a user process, as mm_struct would count them: the
 * simulation has no address spaces. VmSize matches /proc/PID/stat's vsize (4 MiB), VmRSS its rss
 * (256 pages); VmExe is the text USER_LAYOUT gives (0x400000-0x4a0000).
 */
export const MM_STANDIN = { totalVm: 1024, anon: 64, file: 192, dataVm: 90, stackVm: 33, exeKb: 640, execVm: 542, ptesKb: 44 };

function vmLines(k: Kernel): string[] {
  const m = MM_STANDIN;
  const rss = m.anon + m.file;
  if (k.legacy) {
    // 2.6.20 task_mem(): data = total_vm - shared_vm - stack_vm; PTEs as nr_ptes pages.
    return [kB('VmPeak', m.totalVm * 4), kB('VmSize', m.totalVm * 4), kB('VmLck', 0), kB('VmHWM', rss * 4), kB('VmRSS', rss * 4),
      kB('VmData', (m.totalVm - m.stackVm - m.execVm) * 4), kB('VmStk', m.stackVm * 4), kB('VmExe', m.exeKb),
      kB('VmLib', m.execVm * 4 - m.exeKb), kB('VmPTE', 4)];
  }
  return [kB('VmPeak', m.totalVm * 4), kB('VmSize', m.totalVm * 4), kB('VmLck', 0), kB('VmPin', 0), kB('VmHWM', rss * 4),
    kB('VmRSS', rss * 4), kB('RssAnon', m.anon * 4), kB('RssFile', m.file * 4), kB('RssShmem', 0), kB('VmData', m.dataVm * 4),
    kB('VmStk', m.stackVm * 4), kB('VmExe', m.exeKb), kB('VmLib', m.execVm * 4 - m.exeKb), kB('VmPTE', m.ptesKb), kB('VmSwap', 0),
    // hugetlb_report_usage()
    kB('HugetlbPages', 0)];
}

/** task_name() (2.6.20) / seq_escape_str(ESCAPE_SPACE | ESCAPE_SPECIAL, "\n\\") (6.6). */
function escapeName(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/**
 * files_fdtable()->max_fds: NR_OPEN_DEFAULT = BITS_PER_LONG, doubled as the table grows; 0 for a
 * zombie, whose files went with exit_files().
 */
function fdSize(k: Kernel, t: Task): number {
  if (t.exitState) return 0;
  let n = k.config.arch === 'i386' ? 32 : 64;
  while (n < t.files.fds.length) n *= 2;
  return n;
}

/** cpuset_task_status_allowed(): "%*pb" over MAX_NUMNODES (1024 on x86_64, 1 without NUMA on i386). */
function memsAllowed(k: Kernel): string {
  if (k.config.arch === 'i386') return '1';
  return [...Array<string>(31).fill('00000000'), '00000001'].join(',');
}

export function statusText(k: Kernel, t: Task): string {
  const { letter: st, name: stName } = taskState(k, t);
  const { ign, cgt } = sigMasks(t);
  const c = t.cred;
  const ppid = t.realParent?.pid ?? t.parent?.pid ?? 0;
  const qlim = t.signal.rlim[RLIMIT_SIGPENDING]?.cur ?? Math.floor(k.maxThreads / 2);
  // A kernel thread (and a zombie) has no mm: no memory lines.
  const mm = hasMm(t);
  const lines: string[] = [`Name:\t${escapeName(displayComm(k, t))}`];
  if (k.legacy) {
    // SleepAVG: the O(1) scheduler's sleep_avg as a percentage; not modelled: a sleeper shows 98%,
    // a task on the CPU 0%.
    lines.push(`State:\t${st} (${stName})`, `SleepAVG:\t${st === 'R' ? 0 : 98}%`, `Tgid:\t${t.pid}`, `Pid:\t${t.pid}`,
      `PPid:\t${ppid}`, 'TracerPid:\t0', `Uid:\t${c.uid}\t${c.euid}\t${c.euid}\t${c.euid}`, `Gid:\t${c.gid}\t${c.egid}\t${c.egid}\t${c.egid}`,
      // No supplementary groups: "%d " per group, so nothing after the tab.
      `FDSize:\t${fdSize(k, t)}`, 'Groups:\t');
    if (mm) lines.push(...vmLines(k));
    lines.push('Threads:\t1', `SigQ:\t0/${qlim}`, `SigPnd:\t${hex16(t.pending)}`, `ShdPnd:\t${hex16(0)}`, `SigBlk:\t${hex16(t.blocked)}`,
      `SigIgn:\t${hex16(ign)}`, `SigCgt:\t${hex16(cgt)}`,
      // kernel_cap_t is one 32-bit word here, printed "%016x".
      `CapInh:\t${hex16(c.capInheritable[0])}`, `CapPrm:\t${hex16(c.capPermitted[0])}`, `CapEff:\t${hex16(c.capEffective[0])}`);
    return `${lines.join('\n')}\n`;
  }
  // A zombie has no fs_struct any more (exit_fs()): umask stays -1 and the line is left out.
  if (!t.exitState) lines.push(`Umask:\t${t.fs.umask.toString(8).padStart(4, '0')}`);
  lines.push(`State:\t${st} (${stName})`, `Tgid:\t${t.pid}`, 'Ngid:\t0',
    `Pid:\t${t.pid}`, `PPid:\t${ppid}`, 'TracerPid:\t0', `Uid:\t${c.uid}\t${c.euid}\t${c.euid}\t${c.euid}`,
    `Gid:\t${c.gid}\t${c.egid}\t${c.egid}\t${c.egid}`, `FDSize:\t${fdSize(k, t)}`,
    // "Trailing space shouldn't have been added in the first place."
    'Groups:\t ', `NStgid:\t${t.pid}`, `NSpid:\t${t.pid}`, `NSpgid:\t${t.signal.pgrp}`, `NSsid:\t${t.signal.session}`,
    `Kthread:\t${t.flags & PF_KTHREAD ? 1 : 0}`);
  if (mm) {
    lines.push(...vmLines(k), 'CoreDumping:\t0', 'THP_enabled:\t1',
      // mm_untag_mask(): -1UL until a process enables LAM.
      `untag_mask:\t0x${k.config.arch === 'i386' ? 'ffffffff' : 'ffffffffffffffff'}`);
  }
  lines.push('Threads:\t1', `SigQ:\t0/${qlim}`, `SigPnd:\t${hex16(t.pending)}`, `ShdPnd:\t${hex16(0)}`, `SigBlk:\t${hex16(t.blocked)}`,
    `SigIgn:\t${hex16(ign)}`, `SigCgt:\t${hex16(cgt)}`,
    `CapInh:\t${hex16(c.capInheritable[0], c.capInheritable[1])}`, `CapPrm:\t${hex16(c.capPermitted[0], c.capPermitted[1])}`,
    `CapEff:\t${hex16(c.capEffective[0], c.capEffective[1])}`, `CapBnd:\t${hex16(c.capBset[0], c.capBset[1])}`, `CapAmb:\t${hex16(0)}`,
    'NoNewPrivs:\t0', 'Seccomp:\t0', 'Seccomp_filters:\t0',
    // arch_prctl_spec_ctrl_get() depends on the CPU; these are what an unmitigated one reports.
    'Speculation_Store_Bypass:\tvulnerable', 'SpeculationIndirectBranch:\talways enabled',
    `Cpus_allowed:\t${t.cpusAllowed.toString(16)}`, 'Cpus_allowed_list:\t0', `Mems_allowed:\t${memsAllowed(k)}`, 'Mems_allowed_list:\t0',
    // Context switches are not counted per task.
    'voluntary_ctxt_switches:\t0', 'nonvoluntary_ctxt_switches:\t0');
  return `${lines.join('\n')}\n`;
}
