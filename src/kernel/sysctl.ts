// kernel/sysctl.c: the /proc/sys entries khelper models, with proc_dostring/proc_dointvec
// semantics: a string write stops at the first newline and is cut to maxlen-1 bytes (reads end in
// "\n"); int vectors as __do_proc_dointvec() parses them; threads-max is bounded on 6.6; a
// read-only entry refuses writes even from root.
import { EACCES, EINVAL, EPERM } from '../uapi/errno.ts';
import { CAP_SETPCAP, CAP_SYS_ADMIN, CAP_SYS_MODULE } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { capable } from './task.ts';
import type { Task } from './task.ts';
import { O_RDONLY, O_WRONLY } from '../uapi/fcntl.ts';
import { UTS_VERSION } from './profile.ts';

export interface SysctlEntry {
  path: string;
  mode: number;
  read(k: Kernel): string;
  /** The whole write, at file position pos; returns bytes consumed or -errno. */
  write(k: Kernel, data: string, pos: number): number;
}

/**
 * proc_dostring(): store up to the first "\n" or NUL, cut to maxlen-1; a read adds "\n". 2.6.20
 * always writes from the start of the string. 6.6 (SYSCTL_WRITES_STRICT) continues at the file
 * offset: a write at offset n keeps the first n bytes, and one past the string's end is
 * ignored (still reported as written in full).
 */
function dostring(get: (k: Kernel) => string, set: (k: Kernel, v: string) => void, maxlen: number): Pick<SysctlEntry, 'read' | 'write'> {
  return {
    read: (k) => `${get(k)}\n`,
    write(k, data, pos) {
      let end = data.length;
      for (let i = 0; i < data.length; i++) if (data[i] === '\n' || data[i] === '\0') { end = i; break; }
      let v = data.slice(0, end);
      if (k.modern && pos > 0) {
        const cur = get(k).slice(0, maxlen - 1);
        if (pos > cur.length) return data.length;
        v = cur.slice(0, pos) + v;
      }
      if (v.length >= maxlen) v = v.slice(0, maxlen - 1);
      set(k, v);
      return data.length;
    },
  };
}

/** isspace() of lib/ctype.c over the bytes a sysctl write can hold. */
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const NUMBER = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/;
const INT_MAX = 2147483647;

/** What a vector element's conv() says: 0 stores it; -EINVAL refuses it (out of range). */
type Conv = (k: Kernel, index: number, value: number) => number;

/**
 * __do_proc_dointvec(): up to `n` integers (base 0: 0x hex, 0 octal), separated by whitespace,
 * stored one by one as conv() accepts them. Nothing stored is -EINVAL. 2.6.20 stops quietly at
 * the first bad or refused value and returns the bytes used so far; 6.6 (proc_get_long()) also
 * refuses a number followed by anything but " \t\n", one that overflows an int, or one of 20
 * digits, and returns the error even after storing earlier values. Either returns a short count
 * when more numbers follow than the vector holds. 6.6 ignores a write at a non-zero offset
 * (SYSCTL_WRITES_STRICT: proc_first_pos_non_zero_ignore()).
 */
function dointvec(get: (k: Kernel) => number[], conv: Conv, n = 1): Pick<SysctlEntry, 'read' | 'write'> {
  return {
    read: (k) => `${get(k).join('\t')}\n`,
    write(k, data, pos) {
      if (k.modern && pos > 0) return data.length;
      const end = k.modern ? Math.min(data.length, 4095) : data.length;
      let p = 0, first = true, err = 0;
      for (let i = 0; i < n && p < end; i++) {
        while (p < end && isSpace(data[p])) p++;
        if (p >= end) break;
        const neg = data[p] === '-' && end - p > 1;
        const m = NUMBER.exec(data.slice(neg ? p + 1 : p, end));
        if (!m) { err = -EINVAL; break; }
        const len = (neg ? 1 : 0) + m[1].length;
        const next = data[p + len];
        if (k.modern && (len >= 20 || (p + len < end && !' \t\n'.includes(next)))) { err = -EINVAL; break; }
        if (!k.modern && p + len < end && next !== '\0' && !isSpace(next)) { err = -EINVAL; break; }
        const lval = Number(BigInt(m[1].length > 1 && m[1][0] === '0' && !/^0[xX]/.test(m[1]) ? `0o${m[1].slice(1)}` : m[1]));
        // do_proc_dointvec_conv(): 6.6 refuses what an int cannot hold; 2.6.20 truncates.
        if (k.modern && lval > (neg ? INT_MAX + 1 : INT_MAX)) { err = -EINVAL; break; }
        const value = neg ? -lval : lval;
        if (conv(k, i, k.modern ? value : value | 0) < 0) { err = -EINVAL; break; }
        first = false;
        p += len;
      }
      if (!err) while (p < end && isSpace(data[p])) p++;
      if (first) return err || -EINVAL;
      if (k.modern && err) return err;
      return p;
    },
  };
}

/** proc_dointvec_minmax(): one int within [min, max], else -EINVAL. */
function minmax(get: (k: Kernel) => number, set: (k: Kernel, v: number) => void, min: number, max: number): Pick<SysctlEntry, 'read' | 'write'> {
  return dointvec((k) => [get(k)], (k, _i, v) => {
    if (v < min || v > max) return -EINVAL;
    set(k, v);
    return 0;
  });
}

/** Whitespace-separated decimal words (proc_cap_handler()'s two longs). */
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

/**
 * A write to an entry without write permission: refused at open (sysctlOpenCheck()) for files;
 * the scenario's sysctl step (writeKey()) writes without opening and gets the same errno here,
 * as 2.6.20 do_rw_proc()'s ctl_perm() would give it (-EPERM).
 */
function readOnly(e: SysctlEntry): SysctlEntry {
  return { ...e, write: (k) => (k.modern ? -EACCES : -EPERM) };
}

/**
 * open() of a /proc/sys file, once the mode bits let the opener in (which they always do for
 * root). 6.6 proc_sys_permission() -> sysctl_perm() -> test_perm(): root is held to the owner
 * bits, so a 0444 entry opened for writing is -EACCES "capabilities or not" (and a 0200 one for
 * reading). 2.6.20 proc_opensys(): for writing, no S_IWUSR is -EPERM; reading is checked later.
 */
export function sysctlOpenCheck(k: Kernel, t: Task, mode: number, acc: number): number {
  const write = acc !== O_RDONLY, read = acc !== O_WRONLY;
  if (k.legacy) return write && !(mode & 0o200) ? -EPERM : 0;
  if (t.cred.euid !== 0) return 0;
  return (write && !(mode & 0o200)) || (read && !(mode & 0o400)) ? -EACCES : 0;
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
      const entry = { path, mode, ...e };
      // test_perm(): root is checked against the owner bits, everyone else by open()'s DAC.
      this.entries.set(path, mode & 0o200 ? entry : readOnly(entry));
    };
    // PID_MAX_LIMIT: 4 Mi pids where a long has 64 bits, PID_MAX_DEFAULT (32768) otherwise.
    const pidMaxLimit = k.config.arch === 'i386' ? 32768 : 4194304;
    if (k.config.kmod) {
      add('kernel/modprobe', 0o644, dostring((kk) => kk.kmod.modprobePath, (kk, v) => { kk.kmod.modprobePath = v; }, 256));
    }
    // 2.6.20: plain proc_dointvec; 6.6 sysctl_max_threads(): minmax 1..FUTEX_TID_MASK.
    add('kernel/threads-max', 0o644, k.modern
      ? minmax((kk) => kk.maxThreads, (kk, v) => { kk.maxThreads = v; }, 1, 0x3fffffff)
      : dointvec((kk) => [kk.maxThreads], (kk, _i, v) => { kk.maxThreads = v; return 0; }));
    add('kernel/core_pattern', 0o644, dostring(() => this.corePattern, (_kk, v) => { this.corePattern = v; }, 128));
    // CONFIG_HOTPLUG (2.6.20) / CONFIG_UEVENT_HELPER (Debian 6.x) both provide it.
    add('kernel/hotplug', 0o644, dostring(() => this.hotplug, (_kk, v) => { this.hotplug = v; }, 256));
    add('kernel/hostname', 0o644, dostring(() => this.hostname, (_kk, v) => { this.hostname = v; }, 65));
    add('kernel/ostype', 0o444, dostring(() => 'Linux', () => undefined, 65));
    add('kernel/osrelease', 0o444, dostring((kk) => kk.config.release, () => undefined, 65));
    add('kernel/version', 0o444, dostring(() => UTS_VERSION, () => undefined, 65));
    // pid_max_min = RESERVED_PIDS + 1.
    add('kernel/pid_max', 0o644, minmax(() => this.pidMax, (_kk, v) => { this.pidMax = v; }, 301, pidMaxLimit));
    // console_loglevel, default_message_loglevel, minimum_console_loglevel, default_console_loglevel.
    const printkFields = ['consoleLoglevel', 'defaultMessageLoglevel', 'minimumConsoleLoglevel', 'defaultConsoleLoglevel'] as const;
    add('kernel/printk', 0o644, dointvec((kk) => printkFields.map((f) => kk.printk[f]), (kk, i, v) => {
      kk.printk[printkFields[i]] = v;
      return 0;
    }, 4));
    if (k.modern) {
      // proc_dointvec_minmax_sysadmin(): a write also needs CAP_SYS_ADMIN (-EPERM).
      const sysadmin = (e: Pick<SysctlEntry, 'read' | 'write'>): Pick<SysctlEntry, 'read' | 'write'> => ({
        read: e.read,
        write: (kk, data, pos) => (capable(kk.current.cred, CAP_SYS_ADMIN) ? e.write(kk, data, pos) : -EPERM),
      });
      add('kernel/kptr_restrict', 0o644, sysadmin(minmax(() => this.kptrRestrict, (_kk, v) => { this.kptrRestrict = v; }, 0, 2)));
      add('kernel/dmesg_restrict', 0o644, sysadmin(minmax(() => this.dmesgRestrict, (_kk, v) => { this.dmesgRestrict = v; }, 0, 1)));
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
