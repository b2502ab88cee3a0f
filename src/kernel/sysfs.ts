// fs/sysfs for the parts libkmod and the selftest read: /sys/module/<name>/{initstate,refcnt,
// holders/,parameters/,sections/.text,coresize}, /sys/kernel/{uevent_helper,uevent_seqnum} and
// the misc devices drivers add (test_kmod0).
import { CAP_SYSLOG } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import type { Module } from './module.ts';
import { dir, file as pfile, link, noAccess, staticDir } from './pseudofs.ts';
import { EACCES, ENOENT } from '../uapi/errno.ts';
import type { OpenCheck, PNode } from './pseudofs.ts';
import { O_RDONLY, O_WRONLY } from '../uapi/fcntl.ts';
import { kernfsOrder } from './kernfs.ts';
import { capable } from './task.ts';
import type { Task } from './task.ts';
import { paramGet, paramSet } from './sysfs_params.ts';

/**
 * 2.6.20 check_perm() / 6.6 kernfs_fop_open(): opening an attribute for writing needs a write
 * bit in its mode (S_IWUGO) and a store, for reading a read bit (S_IRUGO) and a show; EACCES
 * otherwise, root included.
 */
const attrOpenCheck: OpenCheck = (_k, _t, node, acc) => {
  const write = acc !== O_RDONLY, read = acc !== O_WRONLY;
  if (write && (!(node.mode & 0o222) || !(node.store || node.storeSlow))) return -EACCES;
  if (read && (!(node.mode & 0o444) || !node.show)) return -EACCES;
  return 0;
};

/** A sysfs attribute: PAGE_SIZE as its size, opened as attrOpenCheck says. */
function file(...a: Parameters<typeof pfile>): PNode {
  const n = noAccess(EACCES, pfile(...a));
  if (n.kind === 'file') {
    n.size = 4096;
    n.openCheck = attrOpenCheck;
  }
  return n;
}

/** Each module's directory is built once: its entries read the module's state when shown. */
const moduleDirs = new WeakMap<Module, PNode>();

function moduleDir(k: Kernel, mod: Module): PNode {
  let d = moduleDirs.get(mod);
  if (!d) {
    d = buildModuleDir(k, mod);
    moduleDirs.set(mod, d);
  }
  return d;
}

/** A ulong stand-in that is never shown: section addresses, printed as the pointer width. */
function sectionAddress(k: Kernel, mod: Module): string {
  const width = k.config.arch === 'i386' ? 8 : 16;
  return mod.address.toString(16).padStart(width, width === 16 ? 'f' : '0');
}

/** 6.6 sections are bin attributes of MODULE_SECT_READ_SIZE ("0x", the hex digits, "\n"), 0400. */
function sectionFile(k: Kernel, show: (k: Kernel, reader: Task) => string): PNode {
  const n = file(k.legacy ? 0o444 : 0o400, show);
  if (n.kind === 'file' && k.modern) n.size = 3 + (k.config.arch === 'i386' ? 8 : 16);
  return n;
}

/**
 * The directory of one module. 2.6.20 (kernel/module.c mod_sysfs_setup()): initstate, refcnt
 * ("%u"), sections/ (S_IRUGO, "0x%lx\n") and parameters/ (and holders/, see below). 6.6 (kernel/module/sysfs.c and
 * main.c modinfo_attrs[]): uevent (0200), initstate, coresize, initsize, taint, refcnt ("%i"),
 * holders/, sections/ (0400, "0x%px\n", NULL unless kallsyms_show_value()) and parameters/.
 * version and srcversion exist only for modules that carry them (attr->test), notes/ only with
 * ELF notes: khelper's .ko images have neither. parameters/ exists only if the module has
 * parameters; their permissions come from module_param(), which the .ko format does not record
 * (stand-in 0644).
 */
function buildModuleDir(k: Kernel, mod: Module): PNode {
  const live = (): Module | undefined => (k.modules.find(mod.name) === mod ? mod : undefined);
  // show_initstate(): MODULE_STATE_LIVE/COMING/GOING; a freed module's open file reads "going".
  const initstate = { Live: 'live', Loading: 'coming', Unloading: 'going' } as const;
  const entries: Record<string, PNode> = {
    initstate: file(0o444, () => `${initstate[live()?.state ?? 'Unloading']}\n`),
    refcnt: file(0o444, () => `${live()?.refcnt ?? 0}\n`),
    sections: staticDir({
      '.text': sectionFile(k, (kk, reader) => {
        if (kk.legacy) return `0x${sectionAddress(kk, mod).replace(/^0+(?=.)/, '')}\n`;
        const show = kk.sysctl.kptrRestrict < 2 && capable(reader.cred, CAP_SYSLOG);
        return `0x${show ? sectionAddress(kk, mod) : '0'.repeat(kk.config.arch === 'i386' ? 8 : 16)}\n`;
      }),
    }),
  };
  if (mod.paramTypes.size) {
    entries.parameters = dir(() => [...mod.paramTypes].map(([p, type]): [string, PNode] => [p, file(0o644,
      (kk) => `${paramGet(kk, type, mod.params.get(p))}\n`,
      (kk, data) => {
        const v = paramSet(kk, type, data);
        if (typeof v === 'number') return v;
        mod.params.set(p, v);
        return data.length;
      })]));
  }
  if (k.modern) {
    Object.assign(entries, {
      uevent: file(0o200, undefined, (_kk, data) => data.length),
      coresize: file(0o444, () => `${mod.size}\n`),
      // Init sections are freed after init; khelper's modules have no separate init part.
      initsize: file(0o444, () => '0\n'),
      // module_flags_taint() then "\n": no taints are modelled.
      taint: file(0o444, () => '\n'),
    });
  }
  // holders/ arrived in 2.6.21 (kobject_create_and_add("holders") in mod_sysfs_setup()); khelper
  // keeps it on 2.6.20 too, a deliberate anachronism: its userland is kmod, whose lsmod, rmmod
  // and modprobe -r read the holders there (module-init-tools, 2.6.20's own, read /proc/modules).
  // Readdir order: kernfs's on 6.6; 2.6.21's sysfs added each link at the head of its list.
  entries.holders = dir((kk) => {
    const links = [...mod.holders].map((h): [string, PNode] => [h.name, link(() => `../../${h.name}`)]);
    return kk.modern ? kernfsOrder(links) : links.reverse();
  });
  return staticDir(entries);
}

export function sysRoot(_k: Kernel): PNode {
  return staticDir({
    module: dir((kk) => {
      const mods = kk.modules.list.map((m): [string, PNode] => [m.name, moduleDir(kk, m)]);
      return kk.modern ? kernfsOrder(mods) : mods.reverse();
    }, (kk, name) => {
      // The newest module of that name, as the listing (newest first) would find it; only its
      // directory is built (libkmod looks up /sys/module/NAME/initstate on every modprobe).
      const list = kk.modules.list;
      for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) return moduleDir(kk, list[i]);
      return null;
    }),
    kernel: staticDir({
      // uevent_helper_store(): count+1 > UEVENT_HELPER_PATH_LEN is -ENOENT; the bytes are copied
      // as written, less one trailing newline (a C string: a NUL ends it).
      uevent_helper: file(0o644, (kk) => `${kk.sysctl.hotplug}\n`, (kk, data) => {
        if (data.length + 1 > 256) return -ENOENT;
        const v = data.endsWith('\n') ? data.slice(0, -1) : data;
        const nul = v.indexOf('\0');
        kk.sysctl.hotplug = nul >= 0 ? v.slice(0, nul) : v;
        return data.length;
      }),
      uevent_seqnum: file(0o444, (kk) => `${kk.ueventSeqnum}\n`),
    }),
    devices: staticDir({
      virtual: staticDir({
        misc: dir((kk) => [...kk.miscDevices.entries()]),
      }),
    }),
    class: staticDir({
      misc: dir((kk) => [...kk.miscDevices.keys()].map((n): [string, PNode] => [n, link(() => `../../devices/virtual/misc/${n}`)])),
    }),
  });
}
