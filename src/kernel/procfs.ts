// fs/proc: /proc/<pid>/{stat,status,cmdline,comm,environ,wchan,fd/,cwd,exe,root}, /proc/self,
// /proc/sys (kernel/sysctl.c entries), /proc/modules (addresses hidden from readers without
// CAP_SYSLOG on 6.6, kptr_restrict rules), /proc/{cmdline,version,uptime,filesystems,devices,mounts,
// loadavg,meminfo}.
import { CAP_SYSLOG, RLIMIT_RSS, RLIM_INFINITY } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { procModules } from './module.ts';
import { dir, file, link, staticDir } from './pseudofs.ts';
import type { PNode } from './pseudofs.ts';
import { EXIT_ZOMBIE, capable, nsToClockT, stateLetter } from './task.ts';
import type { Task } from './task.ts';
import { TASK_STATE_NAMES } from '../uapi/sched.ts';
import { mountFlags, pathOf } from './vfs.ts';
import type { SuperBlock } from './vfs.ts';
import { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY } from '../uapi/fcntl.ts';
import { linuxBanner } from './profile.ts';

const hex16 = (lo: number, hi = 0): string => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

function sigMasks(t: Task): { ign: number; cgt: number } {
  let ign = 0, cgt = 0;
  for (let sig = 1; sig < 32; sig++) {
    const h = t.sighand.action[sig].handler;
    if (h === 'ignore') ign |= 1 << (sig - 1);
    else if (typeof h === 'function') cgt |= 1 << (sig - 1);
  }
  return { ign: ign >>> 0, cgt: cgt >>> 0 };
}

/** The comm ps shows: 6.6 kworkers add "+<workqueue>" while they run a work item (wq_worker_comm). */
export function displayComm(k: Kernel, t: Task): string {
  const wq = k.umh?.unboundWq;
  if (wq && wq.running.has(t)) return `${t.comm}+${wq.name}`;
  return t.comm;
}

/** Stand-in addresses of a user process's image (x86_64's usual layout), for fields 26-28, 45-51. */
const USER_LAYOUT = { startcode: 0x400000, endcode: 0x4a0000, startstack: 0x7ffffffde000, startData: 0x6a0000, endData: 0x6b0000,
  startBrk: 0x1000000, argStart: 0x7ffffffdf000, argEnd: 0x7ffffffdf100, envStart: 0x7ffffffdf100, envEnd: 0x7ffffffdffe0 };
const ULONG_MAX = '18446744073709551615';

/**
 * fs/proc/array.c do_task_stat(): 42 fields on 2.6.20 (up to delayacct_blkio_ticks), 52 on 6.6
 * (guest times, the data/brk/arg/env bounds, exit_code). Fault counts, wchan addresses, nswap
 * and the delay accounting are not modelled (0); 6.6 shows wchan as the 0/1 flag it has used
 * since 5.16 (sleeping or not). Signal fields are decimal, the first 31 signals only, as there.
 */
function statLine(k: Kernel, t: Task): string {
  const ppid = t.parent?.pid ?? 0;
  const ttyNr = t.signal.tty ? (4 << 8) | 1 : 0;
  const tpgid = t.signal.tty ? t.signal.tty.pgrp : -1;
  const prio = 20 + t.nice;
  const { ign, cgt } = sigMasks(t);
  const u = t.mm ? USER_LAYOUT : null;
  const rsslim = t.signal.rlim[RLIMIT_RSS].cur;
  const state = stateLetter(t);
  const fields: (number | string)[] = [t.pid, `(${displayComm(k, t)})`, state, ppid, t.signal.pgrp, t.signal.session, ttyNr, tpgid, t.flags,
    0, 0, 0, 0, nsToClockT(t.utime), nsToClockT(t.stime), nsToClockT(t.cutime), nsToClockT(t.cstime), prio, t.nice, 1, 0,
    nsToClockT(t.startTime), t.mm ? 4 * 1024 * 1024 : 0, t.mm ? 256 : 0, rsslim >= RLIM_INFINITY ? ULONG_MAX : rsslim,
    u?.startcode ?? 0, u?.endcode ?? 0, u?.startstack ?? 0, 0, 0,
    t.pending & 0x7fffffff, t.blocked & 0x7fffffff, ign & 0x7fffffff, cgt & 0x7fffffff,
    k.modern && state !== 'R' && state !== 'Z' && state !== 'X' ? 1 : 0, 0, 0, t.exitSignal, 0, 0, 0, 0];
  if (k.modern) {
    fields.push(0, 0, u?.startData ?? 0, u?.endData ?? 0, u?.startBrk ?? 0, u?.argStart ?? 0, u?.argEnd ?? 0,
      u?.envStart ?? 0, u?.envEnd ?? 0, t.exitState === EXIT_ZOMBIE ? t.exitCode : 0);
  }
  return `${fields.join(' ')}\n`;
}

function statusText(k: Kernel, t: Task): string {
  const st = stateLetter(t);
  const { ign, cgt } = sigMasks(t);
  const c = t.cred;
  const lines = [
    `Name:\t${displayComm(k, t)}`,
    ...(k.modern ? [`Umask:\t${t.fs.umask.toString(8).padStart(4, '0')}`] : []),
    `State:\t${st} (${TASK_STATE_NAMES[st]})`,
    `Tgid:\t${t.pid}`,
    `Pid:\t${t.pid}`,
    `PPid:\t${t.parent?.pid ?? 0}`,
    `TracerPid:\t0`,
    `Uid:\t${c.uid}\t${c.euid}\t${c.euid}\t${c.euid}`,
    `Gid:\t${c.gid}\t${c.egid}\t${c.egid}\t${c.egid}`,
    `FDSize:\t${Math.max(64, t.files.fds.length)}`,
    `Groups:\t`,
    `Threads:\t1`,
    `SigQ:\t0/${Math.floor(k.maxThreads / 2)}`,
    `SigPnd:\t${hex16(t.pending)}`,
    `ShdPnd:\t${hex16(0)}`,
    `SigBlk:\t${hex16(t.blocked)}`,
    `SigIgn:\t${hex16(ign)}`,
    `SigCgt:\t${hex16(cgt)}`,
    `CapInh:\t${hex16(c.capInheritable[0], c.capInheritable[1])}`,
    `CapPrm:\t${hex16(c.capPermitted[0], c.capPermitted[1])}`,
    `CapEff:\t${hex16(c.capEffective[0], c.capEffective[1])}`,
    `CapBnd:\t${hex16(c.capBset[0], c.capBset[1])}`,
    `Cpus_allowed:\t${t.cpusAllowed.toString(16)}`,
    `Cpus_allowed_list:\t0`,
    `voluntary_ctxt_switches:\t0`,
  ];
  return `${lines.join('\n')}\n`;
}

function pidDir(k: Kernel, pid: number): PNode {
  const task = (): Task | undefined => k.tasks.get(pid);
  const entries: Record<string, PNode> = {
    stat: file(0o444, (kk) => { const t = task(); return t ? statLine(kk, t) : ''; }),
    status: file(0o444, (kk) => { const t = task(); return t ? statusText(kk, t) : ''; }),
    cmdline: file(0o444, () => { const t = task(); return t && t.mm ? t.argv.map((a) => `${a}\0`).join('') : ''; }),
    comm: file(0o644, (kk) => { const t = task(); return t ? `${displayComm(kk, t)}\n` : ''; }, (_kk, data) => {
      const t = task();
      if (t) t.comm = data.replace(/\n$/, '').slice(0, 15);
      return data.length;
    }),
    environ: file(0o400, () => { const t = task(); return t && t.mm ? t.envp.map((a) => `${a}\0`).join('') : ''; }),
    wchan: file(0o444, () => task()?.wchan || '0'),
    cwd: link((kk) => { const t = task(); return t ? pathOf(kk, t.fs.cwd, kk.rootInode) : ''; }),
    root: link((kk) => { const t = task(); return t ? pathOf(kk, t.fs.root, kk.rootInode) : ''; }),
    exe: link(() => task()?.exe ?? ''),
    fd: dir((kk) => {
      const t = task();
      if (!t) return [];
      const out: [string, PNode][] = [];
      t.files.fds.forEach((f, i) => { if (f) out.push([String(i), link(() => f.path, () => f)]); });
      void kk;
      return out;
    }, undefined, 0o500),
  };
  return staticDir(entries);
}

function sysDir(k: Kernel, prefix: string): PNode {
  const children = (): [string, PNode][] => {
    const seen = new Map<string, PNode>();
    for (const e of k.sysctl.entries.values()) {
      if (!e.path.startsWith(prefix)) continue;
      const rest = e.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) seen.set(rest, file(e.mode, (kk) => e.read(kk), (kk, data, f) => e.write(kk, data, f.pos)));
      else seen.set(rest.slice(0, slash), sysDir(k, `${prefix}${rest.slice(0, slash)}/`));
    }
    return [...seen.entries()];
  };
  return dir(children);
}

/** The options /proc/mounts shows (show_vfsmnt + the filesystem's show_options). */
/** show_mnt_opts() and the filesystems' own options, in /proc/mounts' order. */
function mountOptions(sb: SuperBlock): string {
  const f = mountFlags(sb);
  const opts = [f & MS_RDONLY ? 'ro' : 'rw'];
  if (f & MS_NOSUID) opts.push('nosuid');
  if (f & MS_NODEV) opts.push('nodev');
  if (f & MS_NOEXEC) opts.push('noexec');
  opts.push('relatime');
  if (sb.fstype === 'devtmpfs') opts.push('size=10240k', 'mode=755');
  return opts.join(',');
}

/** kallsyms_show_value(): may this reader see module addresses? */
function showAddresses(k: Kernel, reader: Task): boolean {
  if (k.legacy) return true;
  if (k.sysctl.kptrRestrict >= 2) return false;
  return capable(reader.cred, CAP_SYSLOG);
}

export function procRoot(k: Kernel): PNode {
  const fixed: Record<string, PNode> = {
    self: link((_kk, reader) => String(reader.pid)),
    sys: sysDir(k, ''),
    modules: file(0o444, (kk, reader) => procModules(kk, showAddresses(kk, reader))),
    cmdline: file(0o444, (kk) => `${kk.config.cmdline}\n`),
    version: file(0o444, (kk) => `${linuxBanner(kk.config.release, kk.legacy)}\n`),
    uptime: file(0o444, (kk) => { const s = kk.sched.now / 1e9; return `${s.toFixed(2)} ${s.toFixed(2)}\n`; }),
    loadavg: file(0o444, (kk) => `0.00 0.00 0.00 ${kk.sched.nrRunning}/${kk.tasks.size} ${kk.lastPid}\n`),
    meminfo: file(0o444, () => 'MemTotal:         131072 kB\nMemFree:          98304 kB\n'),
    filesystems: file(0o444, (kk) => [...kk.filesystems.entries()].map(([n, v]) => `${(v as { nodev?: boolean }).nodev ? 'nodev' : ''}\t${n}\n`).join('')),
    devices: file(0o444, (kk) => `Character devices:\n${[...kk.chrdevs.entries()].sort((a, b) => a[0] - b[0]).map(([m, v]) => `${String(m).padStart(3)} ${v.name}\n`).join('')}\nBlock devices:\n`),
    mounts: file(0o444, (kk) => kk.mounts.list.map((m) => `${m.devName} ${m.path} ${m.root.sb.fstype} ${mountOptions(m.root.sb)} 0 0\n`).join('')),
  };
  return dir(
    (kk) => [...Object.entries(fixed), ...[...kk.tasks.keys()].sort((a, b) => a - b).map((pid): [string, PNode] => [String(pid), pidDir(kk, pid)])],
    (kk, name) => fixed[name] ?? (/^\d+$/.test(name) && kk.tasks.has(Number(name)) ? pidDir(kk, Number(name)) : null),
  );
}
