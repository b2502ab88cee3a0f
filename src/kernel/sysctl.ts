// kernel/sysctl.c: the /proc/sys entries khelper models, with proc_dostring/proc_dointvec
// semantics: a string write stops at the first newline and is cut to maxlen-1 bytes (reads end in
// "\n"); an int write that is not a number is -EINVAL; threads-max is bounded on 6.6.
import { EINVAL, EPERM } from '../uapi/errno.ts';
import { CAP_SETPCAP, CAP_SYS_MODULE } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { capable } from './task.ts';
import { UTS_VERSION } from './profile.ts';

export interface SysctlEntry {
  path: string;
  mode: number;
  read(k: Kernel): string;
  /** The whole write, at file position pos; returns bytes consumed or -errno. */
  write(k: Kernel, data: string, pos: number): number;
}

/** proc_dostring(): store up to the first "\n" or NUL, cut to maxlen-1; a read adds "\n". */
function dostring(get: (k: Kernel) => string, set: (k: Kernel, v: string) => void, maxlen: number): Pick<SysctlEntry, 'read' | 'write'> {
  return {
    read: (k) => `${get(k)}\n`,
    write(k, data, pos) {
      let end = data.length;
      for (let i = 0; i < data.length; i++) if (data[i] === '\n' || data[i] === '\0') { end = i; break; }
      let v = data.slice(0, end);
      if (k.modern && pos > 0) v = (get(k) + v).slice(0, Math.max(pos, 0) + v.length);
      if (v.length >= maxlen) v = v.slice(0, maxlen - 1);
      set(k, v);
      return data.length;
    },
  };
}

/** proc_dointvec(_minmax)(): whitespace-separated integers; anything else is -EINVAL. */
function parseInts(data: string): number[] | null {
  const words = data.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const out: number[] = [];
  for (const w of words) {
    if (!/^[-+]?\d+$/.test(w)) return null;
    out.push(Number(w));
  }
  return out;
}

function dointvec(get: (k: Kernel) => number[], set: (k: Kernel, v: number[]) => number, max = 1): Pick<SysctlEntry, 'read' | 'write'> {
  return {
    read: (k) => `${get(k).join('\t')}\n`,
    write(k, data) {
      const v = parseInts(data);
      if (!v || v.length > max) return -EINVAL;
      const r = set(k, v);
      return r < 0 ? r : data.length;
    },
  };
}

export class Sysctl {
  corePattern = 'core';
  hotplug: string;
  hostname: string;
  pidMax = 32768;
  kptrRestrict = 0;
  dmesgRestrict = 0;
  readonly entries = new Map<string, SysctlEntry>();

  constructor(k: Kernel) {
    this.hotplug = k.legacy ? '/sbin/hotplug' : '';
    this.hostname = k.config.hostname;
    const add = (path: string, mode: number, e: Pick<SysctlEntry, 'read' | 'write'>): void => {
      this.entries.set(path, { path, mode, ...e });
    };
    if (k.config.kmod) {
      add('kernel/modprobe', 0o644, dostring((kk) => kk.kmod.modprobePath, (kk, v) => { kk.kmod.modprobePath = v; }, 256));
    }
    add('kernel/threads-max', 0o644, dointvec((kk) => [kk.maxThreads], (kk, [v]) => {
      // 6.6 sysctl_max_threads: 1..FUTEX_TID_MASK; 2.6.20 proc_dointvec takes anything.
      if (kk.modern && (v < 1 || v > 0x3fffffff)) return -EINVAL;
      kk.maxThreads = v;
      return 0;
    }));
    add('kernel/core_pattern', 0o644, dostring(() => this.corePattern, (_kk, v) => { this.corePattern = v; }, 128));
    // CONFIG_HOTPLUG (2.6.20) / CONFIG_UEVENT_HELPER (Debian 6.x) both provide it.
    add('kernel/hotplug', 0o644, dostring(() => this.hotplug, (_kk, v) => { this.hotplug = v; }, 256));
    add('kernel/hostname', 0o644, dostring(() => this.hostname, (_kk, v) => { this.hostname = v; }, 65));
    add('kernel/ostype', 0o444, dostring(() => 'Linux', () => undefined, 65));
    add('kernel/osrelease', 0o444, dostring((kk) => kk.config.release, () => undefined, 65));
    add('kernel/version', 0o444, dostring(() => UTS_VERSION, () => undefined, 65));
    add('kernel/pid_max', 0o644, dointvec(() => [this.pidMax], (_kk, [v]) => {
      if (v < 301 || v > 4194304) return -EINVAL;
      this.pidMax = v;
      return 0;
    }));
    add('kernel/printk', 0o644, dointvec((kk) => {
      const p = kk.printk;
      return [p.consoleLoglevel, p.defaultMessageLoglevel, p.minimumConsoleLoglevel, p.defaultConsoleLoglevel];
    }, (kk, v) => {
      const p = kk.printk;
      [p.consoleLoglevel, p.defaultMessageLoglevel, p.minimumConsoleLoglevel, p.defaultConsoleLoglevel] =
        [v[0] ?? p.consoleLoglevel, v[1] ?? p.defaultMessageLoglevel, v[2] ?? p.minimumConsoleLoglevel, v[3] ?? p.defaultConsoleLoglevel];
      return 0;
    }, 4));
    if (k.modern) {
      add('kernel/kptr_restrict', 0o644, dointvec(() => [this.kptrRestrict], (_kk, [v]) => {
        if (v < 0 || v > 2) return -EINVAL;
        this.kptrRestrict = v;
        return 0;
      }));
      add('kernel/dmesg_restrict', 0o644, dointvec(() => [this.dmesgRestrict], (_kk, [v]) => {
        if (v < 0 || v > 1) return -EINVAL;
        this.dmesgRestrict = v;
        return 0;
      }));
      for (const which of ['bset', 'inheritable'] as const) {
        add(`kernel/usermodehelper/${which}`, 0o600, {
          read: (kk) => `${kk.umh[which][0] >>> 0}\t${kk.umh[which][1] >>> 0}\n`,
          write(kk, data) {
            // proc_cap_handler(): needs CAP_SETPCAP and CAP_SYS_MODULE; can only clear bits.
            const cred = kk.current.cred;
            if (!capable(cred, CAP_SETPCAP) || !capable(cred, CAP_SYS_MODULE)) return -EPERM;
            const v = parseInts(data);
            if (!v || v.length !== 2 || v.some((x) => x < 0 || x > 0xffffffff)) return -EINVAL;
            kk.umh[which] = [(kk.umh[which][0] & v[0]) >>> 0, (kk.umh[which][1] & v[1]) >>> 0];
            return data.length;
          },
        });
      }
    }
  }

  /** Write as `echo VALUE > /proc/sys/...` would (the scenario's sysctl step). */
  writeKey(k: Kernel, key: string, value: string): number {
    const e = this.entries.get(key.replace(/\./g, '/'));
    if (!e) return -2;
    return e.write(k, `${value}\n`, 0);
  }
}
