// fs/sysfs for the parts libkmod and the selftest read: /sys/module/<name>/{initstate,refcnt,
// holders/,parameters/,sections/.text,coresize}, /sys/kernel/{uevent_helper,uevent_seqnum} and
// the misc devices drivers add (test_kmod0).
import { CAP_SYSLOG } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import type { Module } from './module.ts';
import { dir, file, link, staticDir } from './pseudofs.ts';
import type { PNode } from './pseudofs.ts';
import { capable } from './task.ts';

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

function buildModuleDir(k: Kernel, mod: Module): PNode {
  const live = (): Module | undefined => (k.modules.find(mod.name) === mod ? mod : undefined);
  const initstate = { Live: 'live', Loading: 'coming', Unloading: 'going' } as const;
  return staticDir({
    initstate: file(0o444, () => `${initstate[live()?.state ?? 'Unloading']}\n`),
    refcnt: file(0o444, () => `${live()?.refcnt ?? 0}\n`),
    coresize: file(0o444, () => `${mod.size}\n`),
    holders: dir(() => [...mod.holders].map((h): [string, PNode] => [h.name, link(() => `../../${h.name}`)])),
    parameters: dir(() => [...mod.paramTypes.keys()].map((p): [string, PNode] => [p, file(0o644, () => `${mod.params.get(p) ?? '(null)'}\n`, (_kk, data) => {
      mod.params.set(p, data.replace(/\n$/, ''));
      return data.length;
    })])),
    sections: staticDir({
      '.text': file(0o400, (kk, reader) => {
        // Section addresses are %px-style for 2.6.20, hidden without CAP_SYSLOG on 6.6.
        const show = kk.legacy || (kk.sysctl.kptrRestrict < 2 && capable(reader.cred, CAP_SYSLOG));
        const width = kk.config.arch === 'i386' ? 8 : 16;
        const addr = show ? mod.address.toString(16).padStart(width, kk.config.arch === 'i386' ? '0' : 'f') : '0'.repeat(width);
        return `0x${addr}\n`;
      }),
    }),
    uevent: file(0o200, undefined, (_kk, data) => data.length),
  });
}

export function sysRoot(_k: Kernel): PNode {
  return staticDir({
    module: dir((kk) => kk.modules.list.map((m): [string, PNode] => [m.name, moduleDir(kk, m)]).reverse(), (kk, name) => {
      // The newest module of that name, as the listing (newest first) would find it; only its
      // directory is built (libkmod looks up /sys/module/NAME/initstate on every modprobe).
      const list = kk.modules.list;
      for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) return moduleDir(kk, list[i]);
      return null;
    }),
    kernel: staticDir({
      uevent_helper: file(0o644, (kk) => `${kk.sysctl.hotplug}\n`, (kk, data) => {
        const v = data.replace(/\n$/, '');
        if (v.length >= 256) return -22;
        kk.sysctl.hotplug = v;
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
