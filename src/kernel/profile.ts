// Kernel profiles: where Linux changed between the seed (2.6.20) and today (6.6), the profile
// decides. Defaults follow ../shared/spec/kernel-kmod.md §6 (i386/x86_64, 128 MiB).
/**
 * 2.6.20 is the seed; 2.6.21 is the seed plus its one kmod.c change (wait = -1, "don't wait at
 * all", with sub_info on the heap); 6.6 is kernel/umh.c + kernel/module/kmod.c.
 */
export type ProfileName = '2.6.20' | '2.6.21' | '6.6';
export type Arch = 'x86_64' | 'i386';

export interface Costs {
  /** Every syscall's entry/exit. */
  syscall: number;
  contextSwitch: number;
  fork: number;
  exec: number;
  exit: number;
  /** Loading a module (copying, relocating) before its init runs. */
  moduleLoad: number;
  queueWork: number;
}

export interface KernelConfig {
  profile: ProfileName;
  arch: Arch;
  release: string;
  threadsMax: number;
  modprobePath: string;
  seed: number;
  /** CONFIG_STATIC_USERMODEHELPER_PATH (6.6): every helper execs this file; null = not configured. */
  staticUsermodehelper: string | null;
  /** Seeded random choice among runnable tasks and random preemption (race exploration). */
  interleave: boolean;
  /** CONFIG_KMOD (2.6.20) / CONFIG_MODULES autoload: off makes request_module -ENOSYS. */
  kmod: boolean;
  hostname: string;
  cmdline: string;
  /** Bytes the root filesystem may hold (-ENOSPC beyond). */
  fsQuota: number;
  costs: Costs;
  /** Preemption time slice for user tasks, ns. */
  timeslice: number;
  /**
   * The trace buffer's cap in events (trace.ts; 5,000,000 when unset). Not a Linux setting: the
   * host's memory budget for the timeline (the playground's worker uses a smaller one).
   */
  traceMaxEvents?: number;
}

/**
 * Virtual costs, ns, chosen so timelines look like a small real machine: fork+exec+wait of a
 * dynamically linked program costs about 0.7 ms on a current x86 VM (measured here for
 * /bin/true; modprobe itself 2-2.5 ms), loading a module a millisecond.
 */
export const DEFAULT_COSTS: Costs = {
  syscall: 300,
  contextSwitch: 2_000,
  fork: 80_000,
  exec: 500_000,
  exit: 30_000,
  moduleLoad: 1_000_000,
  queueWork: 1_000,
};

export function defaultRelease(profile: ProfileName): string {
  return profile === '6.6' ? '6.6.0-khelper' : `${profile}-khelper`;
}

export function defaultConfig(partial: Partial<KernelConfig> = {}): KernelConfig {
  const profile = partial.profile ?? '2.6.20';
  return {
    profile,
    arch: 'x86_64',
    release: defaultRelease(profile),
    threadsMax: 2048,
    modprobePath: '/sbin/modprobe',
    seed: 1,
    interleave: false,
    staticUsermodehelper: null,
    kmod: true,
    hostname: 'khelper',
    cmdline: 'BOOT_IMAGE=/boot/vmlinuz root=/dev/ram0 ro quiet',
    fsQuota: 64 * 1024 * 1024,
    timeslice: 4_000_000,
    ...partial,
    costs: { ...DEFAULT_COSTS, ...(partial.costs ?? {}) },
  };
}

/** UTS_VERSION: what uname(2)'s version field, kernel.version and the banner carry. */
export const UTS_VERSION = '#1 SMP khelper';

/**
 * linux_banner (init/version.c): start_kernel()'s first printk and, through linux_proc_banner with
 * the same fields, /proc/version. LINUX_COMPILER is `gcc version X` up to 5.7 and `$CC --version`'s
 * first line plus the linker's since (scripts/mkcompile_h).
 */
export function linuxBanner(release: string, legacy: boolean): string {
  const compiler = legacy ? 'gcc version 4.1.2' : 'gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40';
  return `Linux version ${release} (khelper@khelper) (${compiler}) ${UTS_VERSION}`;
}

/** MODULE_NAME_LEN = 64 - sizeof(unsigned long): 56 on 64-bit, 60 on 32-bit (include/linux/module.h). */
export function moduleNameLen(arch: Arch): number {
  return arch === 'i386' ? 60 : 56;
}
