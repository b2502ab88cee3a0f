// fs/proc's root: /proc/self, /proc/sys (kernel/sysctl.c entries), /proc/modules (addresses
// hidden from readers without CAP_SYSLOG on 6.6, kptr_restrict rules), /proc/{cmdline,version,
// uptime,filesystems,devices,mounts,loadavg,meminfo} and the /proc/PID directories (procfs_pid.ts).
import { CAP_SYSLOG } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { procModules } from './module.ts';
import { dir, file, link, noAccess } from './pseudofs.ts';
import { EINVAL, EIO } from '../uapi/errno.ts';
import type { PNode } from './pseudofs.ts';
import { capable } from './task.ts';
import type { Task } from './task.ts';
import { linuxBanner } from './profile.ts';
import { sysctlOpenCheck } from './sysctl.ts';
import { pidDir } from './procfs_pid.ts';
import { meminfo } from './procfs_meminfo.ts';

export { displayComm } from './procfs_status.ts';

function sysDir(k: Kernel, prefix: string): PNode {
  const children = (): [string, PNode][] => {
    const seen = new Map<string, PNode>();
    for (const e of k.sysctl.entries.values()) {
      if (!e.path.startsWith(prefix)) continue;
      const rest = e.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        const n = file(e.mode, (kk) => e.read(kk), (kk, data, f) => e.write(kk, data, f.pos)) as PNode & { kind: 'file' };
        n.openCheck = (kk, t, _node, acc) => sysctlOpenCheck(kk, t, e.mode, acc);
        seen.set(rest, n);
      }
      else seen.set(rest.slice(0, slash), sysDir(k, `${prefix}${rest.slice(0, slash)}/`));
    }
    return [...seen.entries()];
  };
  return dir(children);
}

/** "%lu.%02lu": whole seconds and hundredths, truncated (uptime_proc_show()). */
function secs(ns: number): string {
  const cs = Math.floor(ns / 1e7);
  return `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`;
}

/** kallsyms_show_value(): may this reader see module addresses? */
function showAddresses(k: Kernel, reader: Task): boolean {
  if (k.legacy) return true;
  if (k.sysctl.kptrRestrict >= 2) return false;
  return capable(reader.cred, CAP_SYSLOG);
}

export function procRoot(k: Kernel): PNode {
  const fixed: Record<string, PNode> = {
    // 2.6.20 proc_base_instantiate() sizes its links 64; 6.6's self inode has no size.
    self: { kind: 'link', target: (_kk, reader) => String(reader.pid), size: k.legacy ? 64 : 0 },
    sys: sysDir(k, ''),
    modules: file(0o444, (kk, reader) => procModules(kk, showAddresses(kk, reader))),
    cmdline: file(0o444, (kk) => `${kk.config.cmdline}\n`),
    version: file(0o444, (kk) => `${linuxBanner(kk.config.release, kk.legacy)}\n`),
    // Idle time is not accounted: the stand-in is the uptime itself (an idle machine).
    uptime: file(0o444, (kk) => `${secs(kk.sched.now)} ${secs(kk.sched.now)}\n`),
    // The load averages are not computed (0.00); nr_running/nr_threads and the last pid are real.
    loadavg: file(0o444, (kk) => `0.00 0.00 0.00 ${kk.sched.nrRunning}/${kk.nrThreads} ${kk.lastPid}\n`),
    meminfo: file(0o444, (kk) => meminfo(kk)),
    filesystems: file(0o444, (kk) => [...kk.filesystems.entries()].map(([n, v]) => `${(v as { nodev?: boolean }).nodev ? 'nodev' : ''}\t${n}\n`).join('')),
    devices: file(0o444, (kk) => `Character devices:\n${[...kk.chrdevs.entries()].sort((a, b) => a[0] - b[0]).map(([m, v]) => `${String(m).padStart(3)} ${v.name}\n`).join('')}\nBlock devices:\n`),
    // proc_root_init(): proc_symlink("mounts", NULL, "self/mounts") on both.
    mounts: link(() => 'self/mounts'),
  };
  // 6.6 proc_create*() entries: pde_write() is -EIO without a proc_write; so are 2.6.20's
  // create_proc_read_entry() ones (proc_file_write()), but its /proc/devices and /proc/modules
  // are create_seq_entry()s with their own file_operations, no .write: vfs_write()'s -EINVAL.
  for (const name of ['modules', 'cmdline', 'version', 'uptime', 'loadavg', 'meminfo', 'filesystems', 'devices']) {
    noAccess((name === 'modules' || name === 'devices') && k.legacy ? EINVAL : EIO, fixed[name]);
  }
  return dir(
    (kk) => [...Object.entries(fixed), ...[...kk.tasks.keys()].sort((a, b) => a - b).map((pid): [string, PNode] => [String(pid), pidDir(kk, pid)])],
    (kk, name) => fixed[name] ?? (/^\d+$/.test(name) && kk.tasks.has(Number(name)) ? pidDir(kk, Number(name)) : null),
  );
}
