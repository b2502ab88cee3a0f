// lib/kobject_uevent.c: a uevent for a kobject (here: modules, /module/<name>) bumps the
// sequence number and, when uevent_helper (/proc/sys/kernel/hotplug) is set, runs it with
// argv {helper, subsystem}. 2.6.20: call_usermodehelper(..., wait 0), environment HOME, PATH,
// ACTION, DEVPATH, SUBSYSTEM, SEQNUM. 6.6: UMH_NO_WAIT, with HOME and PATH appended last.
import type { Kernel } from './kernel.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { callUsermodehelperKeys } from './kmod.ts';
import { callUsermodehelperExec, callUsermodehelperSetup, UMH_NO_WAIT } from './umh.ts';

export type KobjAction = 'add' | 'remove' | 'change';

export function* kobjectUevent(k: Kernel, action: KobjAction, devpath: string, subsystem: string): KGen<number> {
  const seq = ++k.ueventSeqnum;
  const tr = k.trace;
  if (tr.begin(EV.uevent, k.sched.now, k.sched.ctx())) tr.s(action).s(devpath).s(subsystem);
  const helper = k.sysctl.hotplug;
  if (!helper) return 0;
  const argv = [helper, subsystem];
  const keys = [`ACTION=${action}`, `DEVPATH=${devpath}`, `SUBSYSTEM=${subsystem}`, `SEQNUM=${seq}`];
  if (k.legacy) return yield* callUsermodehelperKeys(k, helper, argv, ['HOME=/', 'PATH=/sbin:/bin:/usr/sbin:/usr/bin', ...keys], 0);
  const info = callUsermodehelperSetup(k, helper, argv, [...keys, 'HOME=/', 'PATH=/sbin:/bin:/usr/sbin:/usr/bin']);
  return yield* callUsermodehelperExec(k, info, UMH_NO_WAIT);
}
