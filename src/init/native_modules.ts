// Modules whose init/exit are kernel code (`native=` in the .ko): lib/test_kmod.c.
import type { Kernel } from '../kernel/kernel.ts';
import { testKmodModule } from '../kernel/test_kmod.ts';

export function registerNativeModules(k: Kernel): void {
  k.nativeModules.set('test_kmod', testKmodModule);
}
