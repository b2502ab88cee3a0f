// What a virtual module's init/exit does, in the loading task's kernel context: printk,
// request_module (which nests modprobe inside insmod, as real drivers do), sleeping, failing,
// registering a filesystem/char device/protocol, calling a usermode helper, or hanging.
import type { KoAction } from '../lib/ko.ts';
import type { Kernel } from './kernel.ts';
import type { Module } from './module.ts';
import { printk } from './printk.ts';
import { requestModuleAny } from './autoload.ts';
import { callUsermodehelperAny } from './autoload.ts';
import { scheduleTimeout } from './wait.ts';
import { SCHED, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen } from './task.ts';
import { EBUSY } from '../uapi/errno.ts';

/** Run one action; null to go on, or the value init returns. */
export function* runModuleAction(k: Kernel, mod: Module, a: KoAction): KGen<number | null> {
  switch (a.op) {
    case 'printk':
      printk(k, a.level, a.text);
      return null;
    case 'request_module':
      yield* requestModuleAny(k, a.name, a.wait);
      return null;
    case 'msleep':
      yield* scheduleTimeout(k, a.ms * 1e6, 'uninterruptible', 'msleep');
      return null;
    case 'return':
      return a.value;
    case 'register_filesystem':
      if (k.filesystems.has(a.name)) return -EBUSY;
      k.filesystems.set(a.name, { owner: mod.name, nodev: false });
      mod.registered.filesystems.push(a.name);
      return null;
    case 'register_chrdev':
      if (k.chrdevs.has(a.major)) return -EBUSY;
      k.chrdevs.set(a.major, { name: a.name, owner: mod.name });
      mod.registered.chrdevs.push(a.major);
      return null;
    case 'register_netproto':
      if (k.netprotos.has(a.family)) return -EBUSY;
      k.netprotos.set(a.family, { owner: mod.name });
      mod.registered.netprotos.push(a.family);
      return null;
    case 'call_usermodehelper':
      yield* callUsermodehelperAny(k, a.argv[0], a.argv, ['HOME=/', 'PATH=/sbin:/bin:/usr/sbin:/usr/bin'], a.wait);
      return null;
    case 'hang': {
      const t = k.current;
      for (;;) {
        t.state = TASK_UNINTERRUPTIBLE;
        t.wchan = 'hang';
        yield SCHED;
      }
    }
  }
}
