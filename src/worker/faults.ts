// Fault switches: each writes a fake modprobe into the machine and points
// /proc/sys/kernel/modprobe at it, so one click provokes a path of the usermode-helper state
// machine. What was written and set is returned word for word, for the page to show.
import { errText, hostWrite, kernelSettings, writeSysctl } from '../init/host_api.ts';
import type { Machine } from '../init/machine.ts';
import type { FaultReport, FaultSpec } from './views_api.ts';

export const FAULT_PATH = '/usr/local/sbin/khelper-fault';
export const NOEXEC_PATH = '/usr/local/sbin/khelper-fault-noexec';
const FAULT_PATHS = [FAULT_PATH, NOEXEC_PATH];

function script(f: FaultSpec): { path: string; mode: number; content: string } {
  switch (f.kind) {
    case 'hang':
      return {
        path: FAULT_PATH, mode: 0o755, content: `#!/bin/sh
# khelper fault "hang": the helper never finishes, so request_module() never returns and its
# kmod slot stays taken until someone kills this process.
sleep 1000000
`,
      };
    case 'noexec':
      return {
        path: NOEXEC_PATH, mode: 0o644, content: `#!/bin/sh
# khelper fault "fail exec": this file has no execute bit (mode 0644), so kernel_execve() fails
# with -EACCES and request_module() returns -13; nothing runs.
exit 0
`,
      };
    case 'exit': {
      const n = Math.max(0, Math.min(255, Math.trunc(f.status ?? 1)));
      return {
        path: FAULT_PATH, mode: 0o755, content: `#!/bin/sh
# khelper fault "exit ${n}": the helper exits with status ${n}; request_module() returns the raw
# wait status, ${n} << 8 = ${n << 8}.
exit ${n}
`,
      };
    }
    case 'request':
      return {
        path: FAULT_PATH, mode: 0o755, content: `#!/bin/sh
# khelper fault "request a module${f.recursive ? ', recursively' : ''}": before it exits, the helper makes
# the kernel request another module. modprobe itself never asks the kernel for one; a mount of an
# unknown filesystem does (get_fs_type() calls request_module()), so khelper starts a nested
# helper: this same script, run as "khelper-fault -q -- NAME".
${f.recursive
    ? '# Every nested helper asks again: the nesting grows to the kmod limit (the runaway loop).'
    : '# The nested helper (NAME contains khelper-nested) only loads, so the nesting is one deep.\ncase "$3" in *khelper-nested*) exec /sbin/modprobe "$@";; esac'}
mount -t khelper-nested none /mnt 2>/dev/null
exec /sbin/modprobe "$@"
`,
      };
    default:
      return { path: '', mode: 0, content: '' };
  }
}

export class Faults {
  /** The modprobe path before the first fault, restored by 'none'. */
  private saved = '/sbin/modprobe';

  apply(m: Machine, f: FaultSpec): FaultReport {
    const current = kernelSettings(m).modprobePath;
    if (!FAULT_PATHS.includes(current)) this.saved = current;
    const s = script(f);
    if (f.kind === 'none') {
      const r = writeSysctl(m, 'kernel.modprobe', this.saved);
      return { kind: 'none', path: '', mode: '', content: '', command: `echo ${this.saved} > /proc/sys/kernel/modprobe`, ...(r < 0 ? { error: errText(r) } : {}) };
    }
    const report: FaultReport = {
      kind: f.kind, path: s.path, mode: `0${s.mode.toString(8)}`, content: s.content,
      command: `echo ${s.path} > /proc/sys/kernel/modprobe`,
    };
    const w = hostWrite(m, s.path, s.content, s.mode);
    if (w < 0) return { ...report, error: `${s.path}: ${errText(w)}` };
    const r = writeSysctl(m, 'kernel.modprobe', s.path);
    if (r < 0) return { ...report, error: `/proc/sys/kernel/modprobe: ${errText(r)}` };
    return report;
  }
}
