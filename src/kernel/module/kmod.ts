// Linux 6.6 kernel/module/kmod.c: __request_module() with the 6.4+ semaphore of 50 slots and a
// 5 s down_timeout() (-ETIME, a ratelimited warning), -ENOENT for an empty modprobe_path (5.7+),
// and call_modprobe() with UMH_KILLABLE. The duplicate-request check (a debug option) is left out.
import { ENAMETOOLONG, ENOENT, ENOSYS } from '../../uapi/errno.ts';
import { KERN_WARNING } from '../../uapi/resource.ts';
import type { Kernel } from '../kernel.ts';
import { printkRatelimited } from '../printk.ts';
import { moduleNameLen } from '../profile.ts';
import { Semaphore } from '../semaphore.ts';
import type { KGen } from '../task.ts';
import { EV } from '../trace.ts';
import { callUsermodehelperExec, callUsermodehelperSetup, UMH_KILLABLE, UMH_WAIT_EXEC, UMH_WAIT_PROC } from '../umh.ts';
import { MODPROBE_ENVP } from '../kmod.ts';

export const MAX_KMOD_CONCURRENT = 50;
export const MAX_KMOD_ALL_BUSY_TIMEOUT = 5;

export function newKmodSemaphore(): Semaphore {
  return new Semaphore('kmod_concurrent_max', MAX_KMOD_CONCURRENT);
}

/** call_modprobe(): argv {modprobe_path, "-q", "--", name}, wait | UMH_KILLABLE. */
function* callModprobe(k: Kernel, name: string, wait: number): KGen<number> {
  const argv = [k.kmod.modprobePath, '-q', '--', name];
  const info = callUsermodehelperSetup(k, k.kmod.modprobePath, argv, MODPROBE_ENVP);
  return yield* callUsermodehelperExec(k, info, wait | UMH_KILLABLE);
}

/**
 * The module_request_ret event, then ret. A module-level function, not a closure in
 * __requestModule: with 100,000 callers asleep on the semaphore each closure and its context
 * were ~120 bytes more for the scavenger to copy.
 */
function requestEnd(k: Kernel, name: string, ret: number): number {
  const tr = k.trace;
  if (tr.begin(EV.module_request_ret, k.sched.now, k.current)) tr.s(name).i(ret);
  return ret;
}

/** __request_module(wait, fmt, ...) with the name already formatted. */
export function* __requestModule(k: Kernel, wait: boolean, name: string): KGen<number> {
  const tr = k.trace;
  if (!k.config.kmod) return -ENOSYS;
  if (!k.kmod.modprobePath) return requestEnd(k, name, -ENOENT);
  if (name.length >= moduleNameLen(k.config.arch)) return requestEnd(k, name, -ENAMETOOLONG);
  const sem = k.kmodSem!;
  const r = yield* sem.downTimeout(k, MAX_KMOD_ALL_BUSY_TIMEOUT * 1e9);
  if (r) {
    printkRatelimited(k, 'kmod_busy', '__request_module', KERN_WARNING,
      () => `request_module: modprobe ${name} cannot be processed, kmod busy with ${MAX_KMOD_CONCURRENT} threads for more than ${MAX_KMOD_ALL_BUSY_TIMEOUT} seconds now`);
    return requestEnd(k, name, r);
  }
  if (tr.begin(EV.module_request, k.sched.now, k.current)) tr.s(name).i(wait ? 1 : 0);
  const ret = yield* callModprobe(k, name, wait ? UMH_WAIT_PROC : UMH_WAIT_EXEC);
  sem.up(k);
  return requestEnd(k, name, ret);
}
