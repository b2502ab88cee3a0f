// kernfs readdir order (fs/kernfs/dir.c: by kernfs_name_hash(), then name): checked against real
// directories of this host's sysfs (Linux 6.18; the hash is unchanged since 3.x), listed with
// `ls -f`, which does not sort.
import { describe, expect, it } from 'vitest';
import { kernfsNameHash, kernfsOrder } from '../../src/kernel/kernfs.ts';
import { runSh } from '../../src/init/testing.ts';

const REAL: Record<string, string[]> = {
  '/sys/module': ["cpuidle", "cryptomgr", "dns_resolver", "spurious", "compaction", "vt", "nf_conntrack", "tcp_cubic", "nmi_backtrace", "8250", "srcutree", "rcupdate", "random", "haltpoll", "erofs", "bridge", "nf_conntrack_tftp", "sch_htb", "pstore", "overlay", "processor", "kernel", "page_alloc", "vsock", "nf_conntrack_netbios_ns", "x86_pkg_temp_thermal", "nf_conntrack_sane", "xt_recent", "intel_idle", "keyboard", "zswap", "nf_conntrack_sip", "memory_hotplug", "virtio_pci_modern_dev", "page_reporting", "hid", "nf_conntrack_h323", "blk_cgroup", "pvclock", "pcie_aspm", "pnp", "secretmem", "libnvdimm", "vmw_vsock_virtio_transport", "cpufreq", "ipv6", "nf_conntrack_irc", "page_evacuate", "slab_common", "fuse", "nf_conntrack_amanda", "eeprom_93cx6", "loop", "virtio_mem", "nvproxy", "rcutree", "ip_set", "kvm", "nf_conntrack_ftp", "block", "amd_uncore", "kvm_pvm", "xz_dec", "virtio_pci", "cpuidle_haltpoll", "nf_conntrack_snmp", "firmware_class", "acpi", "clocksource", "fscrypto", "rng_core", "printk", "vxlan", "virtio_blk", "watchdog", "virtio_net", "workqueue", "jbd2"],
  '/sys/kernel': ["warn_count", "notes", "hardlockup_count", "mm", "uevent_seqnum", "profiling", "btf", "vmcoreinfo", "cpu_byteorder", "software_nodes", "reboot", "tracing", "oops_count", "slab", "iommu_groups", "security", "irq", "fscaps", "rcu_normal", "debug", "softlockup_count", "rcu_stall_count", "rcu_expedited", "cgroup", "boot_params", "address_bits"],
  '/sys/class': ["thermal", "cpuid", "vtconsole", "mem", "nd", "macvtap", "devlink", "misc", "dma", "pps", "mei", "virtio-ports", "net", "pci_bus", "firmware", "tty", "bdi", "power_supply", "block", "input", "iommu", "ptp", "bsg", "hidraw", "xt_idletimer", "zram-control", "vc", "watchdog"],
};

describe('kernfs readdir order', () => {
  it.each(Object.keys(REAL))('%s lists in the order the real kernel does', (dir) => {
    const names = REAL[dir];
    const ours = kernfsOrder([...names].sort().map((n): [string, null] => [n, null])).map(([n]) => n);
    expect(ours).toEqual(names);
  });
  it('hashes stay clear of the reserved numbers 0, 1 and INT_MAX', () => {
    for (const n of ['', 'a', 'holders', 'x'.repeat(300)]) {
      const h = kernfsNameHash(n);
      expect(h).toBeGreaterThanOrEqual(2);
      expect(h).toBeLessThan(0x7fffffff);
    }
  });
});

describe('the holders of a module, as lsmod and rmmod read them', () => {
  // base is used by four modules loaded in this order: 6.6 lists /sys/module/base/holders in
  // kernfs order, 2.6.20 (holders/ as 2.6.21's sysfs made it) newest first; /proc/modules lists
  // a module's users newest first on both (module_unload's list_add).
  const USERS = ['u_alpha', 'u_beta', 'u_gamma', 'u_delta'];
  const files = (release: string): Record<string, string> => {
    const f: Record<string, string> = { [`/lib/modules/${release}/extra/base.ko`]: 'license=GPL\ndepends=\nname=base\n' };
    for (const u of USERS) f[`/lib/modules/${release}/extra/${u}.ko`] = `license=GPL\ndepends=base\nname=${u}\n`;
    return f;
  };
  const script = `depmod; for m in ${USERS.join(' ')}; do modprobe $m; done; ls -f /sys/module/base/holders | grep -v '^\\.'; ` +
    `lsmod | grep '^base '; grep '^base ' /proc/modules | cut -d' ' -f4; rmmod base`;
  const newest = [...USERS].reverse();
  it('6.6: in kernfs order', () => {
    const r = runSh(script, { profile: '6.6', files: files('6.6.0-khelper') });
    const order = kernfsOrder(USERS.map((n): [string, null] => [n, null])).map(([n]) => n);
    expect(order).not.toEqual(USERS);
    expect(order).not.toEqual(newest);
    expect(r.stdout).toBe(`${order.join('\n')}\nbase${' '.repeat(19)}16384  4 ${order.join(',')}\n${newest.join(',')},\n`);
    expect(r.stderr).toBe(`rmmod: ERROR: Module base is in use by: ${order.join(' ')}\n`);
  });
  it('2.6.20: newest first', () => {
    const r = runSh(script, { profile: '2.6.20', files: files('2.6.20-khelper') });
    expect(r.stdout).toBe(`${newest.join('\n')}\nbase${' '.repeat(19)}16384  4 ${newest.join(',')}\n${newest.join(',')},\n`);
    expect(r.stderr).toBe(`rmmod: ERROR: Module base is in use by: ${newest.join(' ')}\n`);
  });
});
