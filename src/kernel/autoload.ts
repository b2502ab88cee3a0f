// The callers' view of module autoloading: request_module()/request_module_nowait() and
// call_usermodehelper() dispatched to the profile's implementation (2.6.20 kmod.c or 6.6).
import type { Kernel } from './kernel.ts';
import { callUsermodehelperKeys, requestModule } from './kmod.ts';
import { __requestModule } from './module/kmod.ts';
import { callUsermodehelper } from './umh.ts';
import type { KGen } from './task.ts';

/** request_module (wait) or request_module_nowait; 2.6.20 has no nowait variant and waits. */
export function requestModuleAny(k: Kernel, name: string, wait: boolean): KGen<number> {
  if (k.legacy) return requestModule(k, name);
  return __requestModule(k, wait, name);
}

/** call_usermodehelper(path, argv, envp, wait) with the profile's wait values. */
export function callUsermodehelperAny(k: Kernel, path: string, argv: readonly string[], envp: readonly string[], wait: number): KGen<number> {
  if (k.legacy) return callUsermodehelperKeys(k, path, argv, envp, wait);
  return callUsermodehelper(k, path, argv, envp, wait);
}
