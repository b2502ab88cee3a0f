// The default root filesystem's own files: a commented /etc/modprobe.d, about fifteen demo
// modules forming real shapes (a dependency chain, an alias, a filesystem, a char-major device,
// a failing init, nested requests, a slow init, a blacklisted module, a softdep pair, the kernel
// selftest's modules), /root/README, an example fake modprobe and /etc/motd.
import type { FileSpec } from './rootfs.ts';

const ko = (lines: string[]): FileSpec => ({ content: `${lines.join('\n')}\n`, mode: 0o644 });

function modules(): Record<string, FileSpec> {
  return {
    'kernel/drivers/pps/pps_core.ko': ko(['description=LinuxPPS pulse per second core', 'license=GPL', 'export=pps_register_source',
      '[init]', 'printk KERN_INFO pps_core: LinuxPPS API ver. 1 registered']),
    'kernel/drivers/ptp/ptp.ko': ko(['description=PTP clocks support', 'license=GPL', 'depends=pps_core', 'export=ptp_clock_register',
      '[init]', 'printk KERN_INFO PTP clock support registered']),
    'kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko': ko(['description=Intel(R) PRO/1000 Network Driver', 'license=GPL v2', 'depends=ptp',
      'alias=pci:v00008086d000010D3sv*sd*bc*sc*i*', 'parm=debug:Debug level (0=none,...,16=all)', 'parmtype=debug:int',
      '[init]', 'printk KERN_INFO e1000e: Intel(R) PRO/1000 Network Driver', '[exit]', 'printk KERN_INFO e1000e: removed']),
    'kernel/net/ipv6/ipv6.ko': ko(['description=IPv6 protocol stack for Linux', 'license=GPL', 'alias=net-pf-10',
      'parm=disable:Disable IPv6 module such that it is non-functional', 'parmtype=disable:int',
      '[init]', 'register_netproto 10', 'printk KERN_INFO NET: Registered PF_INET6 protocol family']),
    'kernel/fs/fat/fat.ko': ko(['description=FAT filesystem support', 'license=GPL', 'export=fat_fill_super']),
    'kernel/fs/fat/vfat.ko': ko(['description=VFAT filesystem support', 'license=GPL', 'depends=fat', 'alias=fs-vfat',
      '[init]', 'register_filesystem vfat']),
    'kernel/fs/xfs/xfs.ko': ko(['description=SGI XFS with ACLs, security attributes, realtime, scrub, repair, quota, no debug enabled', 'license=GPL',
      'alias=fs-xfs', '[init]', 'register_filesystem xfs', 'printk KERN_INFO SGI XFS with ACLs, security attributes, realtime, scrub, repair, quota, no debug enabled']),
    'kernel/drivers/char/ppdev.ko': ko(['description=Parallel port device driver', 'license=GPL', 'alias=char-major-99-*',
      '[init]', 'register_chrdev 99 ppdev', 'printk KERN_INFO ppdev: user-space parallel port driver']),
    'kernel/drivers/block/floppy.ko': ko(['description=Floppy disk driver', 'license=GPL', 'alias=block-major-2-*',
      '[init]', 'printk KERN_INFO Floppy drive(s): fd0 is 1.44M', 'printk KERN_WARNING floppy0: no floppy controllers found', 'return -ENODEV']),
    'kernel/sound/pci/hda/snd-hda-codec-generic.ko': ko(['description=Generic HD-audio codec parser', 'license=GPL']),
    'kernel/sound/pci/hda/snd-hda-intel.ko': ko(['description=Intel HDA driver', 'license=GPL', 'alias=pci:v00008086d00002668sv*sd*bc*sc*i*',
      '[init]', 'printk KERN_INFO snd_hda_intel: probing codecs', 'request_module snd-hda-codec-generic',
      'printk KERN_INFO snd_hda_intel: codec ready']),
    'kernel/drivers/misc/slowpoke.ko': ko(['description=Demo: an init function that takes two seconds', 'license=GPL',
      '[init]', 'printk KERN_INFO slowpoke: warming up', 'ssleep 2', 'printk KERN_INFO slowpoke: ready']),
    'kernel/drivers/input/misc/pcspkr.ko': ko(['description=PC Speaker beeper driver', 'license=GPL', 'alias=platform:pcspkr',
      '[init]', 'printk KERN_INFO input: PC Speaker as /devices/platform/pcspkr/input/input1']),
    'kernel/crypto/crc32c_generic.ko': ko(['description=CRC32c (Castagnoli) calculations wrapper for lib/crc32c', 'license=GPL',
      'alias=crypto-crc32c', 'alias=crc32c']),
    'kernel/lib/libcrc32c.ko': ko(['description=CRC32c (Castagnoli) calculations', 'license=GPL', 'softdep=pre: crc32c',
      'export=crc32c']),
    'kernel/drivers/net/dummy.ko': ko(['description=Dummy netdevice driver which discards all packets sent to it', 'license=GPL',
      'alias=rtnl-link-dummy', 'parm=numdummies:Number of dummy pseudo devices', 'parmtype=numdummies:int']),
    'kernel/drivers/block/loop.ko': ko(['description=Loopback device support', 'license=GPL', 'alias=block-major-7-*', 'alias=char-major-10-237',
      'parm=max_loop:Maximum number of loop devices', 'parmtype=max_loop:int', '[init]', 'printk KERN_INFO loop: module loaded']),
    'kernel/lib/test_module.ko': ko(['description=module loading test module', 'license=GPL', 'author=Kees Cook <keescook@chromium.org>',
      '[init]', 'printk KERN_WARNING Hello, world', '[exit]', 'printk KERN_WARNING Goodbye']),
    'kernel/lib/test_kmod.ko': ko(['description=kmod stress test driver', 'license=GPL', 'author=Luis R. Rodriguez <mcgrof@kernel.org>',
      'native=test_kmod']),
  };
}

/**
 * Kbuild's link order, which `make modules_install` leaves in modules.order: the top Makefile's
 * directories (fs, crypto, drivers, sound, net, lib), then drivers/Makefile's (char, block,
 * misc, net, input, pps, ptp). depmod lists these modules first, in this order.
 */
const KBUILD_ORDER = ['kernel/fs/', 'kernel/crypto/', 'kernel/drivers/char/', 'kernel/drivers/block/', 'kernel/drivers/misc/',
  'kernel/drivers/net/', 'kernel/drivers/input/', 'kernel/drivers/pps/', 'kernel/drivers/ptp/', 'kernel/sound/', 'kernel/net/', 'kernel/lib/'];

function modulesOrder(paths: string[]): string {
  const rank = (p: string): number => KBUILD_ORDER.findIndex((d) => p.startsWith(d));
  return paths.map((p, i) => ({ p, r: rank(p), i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => `${x.p}\n`).join('');
}

export function defaultFiles(release: string): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {};
  const mods = modules();
  for (const [p, f] of Object.entries(mods)) files[`/lib/modules/${release}/${p}`] = f;
  // What modules_install leaves beside the modules: depmod reads all three and warns about a
  // missing one. Nothing is built in (both builtin lists are empty).
  files[`/lib/modules/${release}/modules.order`] = { mode: 0o644, content: modulesOrder(Object.keys(mods)) };
  files[`/lib/modules/${release}/modules.builtin`] = { mode: 0o644, content: '' };
  files[`/lib/modules/${release}/modules.builtin.modinfo`] = { mode: 0o644, content: '' };
  files['/etc/modprobe.d/README.conf'] = {
    mode: 0o644,
    content: [
      '# /etc/modprobe.d/*.conf: modprobe(8) reads every file here ending in .conf, sorted by name.',
      '# Directives (see modprobe.d(5)):',
      '#   alias WILDCARD MODULE       e.g.  alias net-pf-10 ipv6',
      '#   options MODULE OPTIONS      e.g.  options e1000e debug=2',
      '#   install MODULE COMMAND      run COMMAND instead of inserting MODULE ($CMDLINE_OPTS = its options)',
      '#   remove MODULE COMMAND       run COMMAND instead of removing MODULE',
      '#   blacklist MODULE            ignore MODULE\'s own aliases',
      '#   softdep MODULE pre: A post: B',
      '# Only a "#" in the first column starts a comment.',
      '',
    ].join('\n'),
  };
  files['/etc/modprobe.d/blacklist.conf'] = { mode: 0o644, content: '# The PC speaker is annoying: never load it through its alias.\nblacklist pcspkr\n' };
  // Debian's shell start-up, trimmed: a login bash reads /etc/profile, which sources
  // /etc/bash.bashrc (the prompt), then ~/.profile, which sources ~/.bashrc.
  files['/etc/profile'] = {
    mode: 0o644,
    content: [
      '# /etc/profile: system-wide .profile file for the Bourne shell and bash login shells.',
      'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"',
      'export PATH',
      'if [ "${PS1-}" ]; then',
      '  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then',
      '    if [ -f /etc/bash.bashrc ]; then . /etc/bash.bashrc; fi',
      '  else',
      '    PS1=\'# \'',
      '  fi',
      'fi',
      '',
    ].join('\n'),
  };
  files['/etc/bash.bashrc'] = {
    mode: 0o644,
    content: "# System-wide .bashrc file for interactive bash shells.\nPS1='\\u@\\h:\\w\\$ '\n",
  };
  files['/root/.profile'] = {
    mode: 0o644,
    content: '# ~/.profile: executed by the login shell.\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then . ~/.bashrc; fi\nfi\n',
  };
  files['/root/.bashrc'] = {
    mode: 0o644,
    content: "# ~/.bashrc: executed by bash for interactive shells.\nalias ll='ls -l'\n",
  };
  files['/etc/motd'] = {
    mode: 0o644,
    content: 'Welcome to khelper: a simulated Linux where you can watch request_module() at work.\n',
  };
  files['/root/fake-modprobe.sh'] = {
    mode: 0o755,
    content: [
      '#!/bin/sh',
      '# A fake modprobe: the kernel runs it as "modprobe -q -- NAME" with no stdin, stdout or stderr,',
      '# so it logs to /dev/kmsg (dmesg) and /dev/console (this terminal), then hands over to the real one.',
      '# Try:  echo /root/fake-modprobe.sh > /proc/sys/kernel/modprobe; mount -t vfat none /mnt',
      'echo "fake-modprobe: asked for $*" > /dev/kmsg',
      'echo "fake-modprobe: pid $$ asked for $*" > /dev/console',
      'exec /sbin/modprobe "$@"',
      '',
    ].join('\n'),
  };
  files['/root/README'] = {
    mode: 0o644,
    content: [
      'khelper: the Linux module auto-loader, simulated.',
      '',
      'When the kernel needs a driver it lacks, request_module() asks the khelper workqueue to run',
      '"/sbin/modprobe -q -- NAME" (the path is in /proc/sys/kernel/modprobe). Things to try:',
      '',
      '  mount -t vfat none /mnt      a filesystem the kernel does not have yet',
      '  lsmod; dmesg                 what got loaded, and what the kernel said',
      '  modprobe -v e1000e           a dependency chain: pps_core, ptp, e1000e',
      '  cat /root/fake-modprobe.sh   a wrapper you can install as the kernel\'s modprobe',
      '  echo > /proc/sys/kernel/modprobe   an empty path: 0 on 2.6.20, -ENOENT on 6.6',
      '',
    ].join('\n'),
  };
  return files;
}
