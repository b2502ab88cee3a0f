// /proc/meminfo: 2.6.20 meminfo_read_proc() (fs/proc/proc_misc.c, "%-13s%8lu kB" columns, then
// hugetlb_report_meminfo()) and 6.6 meminfo_proc_show() (fs/proc/meminfo.c, show_val_kb()'s
// 16-column names, then hugetlb_report_meminfo() and x86's arch_report_meminfo()). Only the
// line set and the format are real: khelper has no page allocator, so the figures are stand-ins
// for an idle 128 MiB machine (MemTotal 131072 kB, MemFree 98304 kB, no swap, no huge pages).
// Config: CONFIG_HIGHMEM on i386 (both defconfig and Debian's 686), Debian x86_64's ZSWAP,
// MEMORY_FAILURE and TRANSPARENT_HUGEPAGE; no CMA or UNACCEPTED_MEMORY.
import type { Kernel } from './kernel.ts';

const TOTAL = 131072, FREE = 98304;

/** The stand-in values, kB, by the 6.6 names (2.6.20 uses a subset). */
const V: Record<string, number> = {
  MemTotal: TOTAL, MemFree: FREE, MemAvailable: 112640, Buffers: 2048, Cached: 16384, SwapCached: 0, Active: 12288, Inactive: 8192,
  'Active(anon)': 1024, 'Inactive(anon)': 2048, 'Active(file)': 11264, 'Inactive(file)': 6144, Unevictable: 0, Mlocked: 0,
  SwapTotal: 0, SwapFree: 0, Zswap: 0, Zswapped: 0, Dirty: 0, Writeback: 0, AnonPages: 3072, Mapped: 4096, Shmem: 128,
  KReclaimable: 2560, Slab: 6144, SReclaimable: 2560, SUnreclaim: 3584, KernelStack: 512, PageTables: 176, SecPageTables: 0,
  NFS_Unstable: 0, Bounce: 0, WritebackTmp: 0, CommitLimit: TOTAL / 2, Committed_AS: 8192, VmallocUsed: 1024, VmallocChunk: 0,
  Percpu: 64, HardwareCorrupted: 0, AnonHugePages: 0, ShmemHugePages: 0, ShmemPmdMapped: 0, FileHugePages: 0, FilePmdMapped: 0,
};

/** VMALLOC_TOTAL >> 10: 32 TiB on x86_64 (4-level paging), 128 MiB-ish on i386 (stand-in 122880 kB). */
const vmallocTotal = (k: Kernel): number => (k.config.arch === 'i386' ? 122880 : 34359738367);

function legacy(k: Kernel): string {
  const row = (name: string, v: number): string => `${`${name}:`.padEnd(13)} ${String(v).padStart(8)} kB\n`;
  const names = ['MemTotal', 'MemFree', 'Buffers', 'Cached', 'SwapCached', 'Active', 'Inactive'];
  let s = names.map((n) => row(n, V[n])).join('');
  if (k.config.arch === 'i386') s += row('HighTotal', 0) + row('HighFree', 0) + row('LowTotal', TOTAL) + row('LowFree', FREE);
  s += ['SwapTotal', 'SwapFree', 'Dirty', 'Writeback', 'AnonPages', 'Mapped', 'Slab', 'SReclaimable', 'SUnreclaim', 'PageTables',
    'NFS_Unstable', 'Bounce', 'CommitLimit', 'Committed_AS'].map((n) => row(n, V[n])).join('');
  s += row('VmallocTotal', vmallocTotal(k)) + row('VmallocUsed', V.VmallocUsed) + row('VmallocChunk', vmallocTotal(k) - V.VmallocUsed);
  const hpage = k.config.arch === 'i386' ? 4096 : 2048;
  return `${s}HugePages_Total: ${'0'.padStart(5)}\nHugePages_Free:  ${'0'.padStart(5)}\nHugePages_Rsvd:  ${'0'.padStart(5)}\n` +
    `Hugepagesize:    ${String(hpage).padStart(5)} kB\n`;
}

function modern(k: Kernel): string {
  // show_val_kb(): the name padded to 16 columns, the value to 8.
  const row = (name: string, v: number): string => `${`${name}:`.padEnd(16)}${String(v).padStart(8)} kB\n`;
  const i386 = k.config.arch === 'i386';
  let s = ['MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'SwapCached', 'Active', 'Inactive', 'Active(anon)',
    'Inactive(anon)', 'Active(file)', 'Inactive(file)', 'Unevictable', 'Mlocked'].map((n) => row(n, V[n])).join('');
  if (i386) s += row('HighTotal', 0) + row('HighFree', 0) + row('LowTotal', TOTAL) + row('LowFree', FREE);
  s += ['SwapTotal', 'SwapFree', 'Zswap', 'Zswapped', 'Dirty', 'Writeback', 'AnonPages', 'Mapped', 'Shmem', 'KReclaimable', 'Slab',
    'SReclaimable', 'SUnreclaim', 'KernelStack', 'PageTables', 'SecPageTables', 'NFS_Unstable', 'Bounce', 'WritebackTmp',
    'CommitLimit', 'Committed_AS'].map((n) => row(n, V[n])).join('');
  s += row('VmallocTotal', vmallocTotal(k)) + ['VmallocUsed', 'VmallocChunk', 'Percpu'].map((n) => row(n, V[n])).join('');
  // CONFIG_MEMORY_FAILURE: the one line printed "%5lu kB".
  s += `HardwareCorrupted: ${String(V.HardwareCorrupted).padStart(5)} kB\n`;
  s += ['AnonHugePages', 'ShmemHugePages', 'ShmemPmdMapped', 'FileHugePages', 'FilePmdMapped'].map((n) => row(n, V[n])).join('');
  const hpage = i386 ? 4096 : 2048;
  s += `HugePages_Total:   ${'0'.padStart(5)}\nHugePages_Free:    ${'0'.padStart(5)}\nHugePages_Rsvd:    ${'0'.padStart(5)}\n` +
    `HugePages_Surp:    ${'0'.padStart(5)}\nHugepagesize:   ${String(hpage).padStart(8)} kB\nHugetlb:        ${'0'.padStart(8)} kB\n`;
  // arch_report_meminfo(): the direct mapping of the 128 MiB by page size (no 1 GiB pages).
  s += row('DirectMap4k', 8192) + row(i386 ? 'DirectMap4M' : 'DirectMap2M', TOTAL - 8192);
  return s;
}

export function meminfo(k: Kernel): string {
  return k.legacy ? legacy(k) : modern(k);
}
