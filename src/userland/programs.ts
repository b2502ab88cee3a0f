// Every native program of the user land, by name. init/ lays them out in the root filesystem
// and registers them with the kernel's binfmt_native.
import type { Program } from '../uapi/syscalls.ts';
import { shPrograms } from './sh/index.ts';
import { kmodPrograms } from './kmod/index.ts';
import { coreutilsPrograms } from './bin/index.ts';
import { initPrograms } from './sysvinit/index.ts';

export const programs: Record<string, Program> = { ...coreutilsPrograms, ...kmodPrograms, ...shPrograms, ...initPrograms };
