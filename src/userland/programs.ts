// Every native program of the user land, by name. init/ lays them out in the root filesystem
// and registers them with the kernel's binfmt_native.
import type { Program } from '../uapi/syscalls.ts';
import { bootPrograms } from './programs_boot.ts';
import { morePrograms } from './programs_more.ts';

export const programs: Record<string, Program> = { ...morePrograms, ...bootPrograms };
