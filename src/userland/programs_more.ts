// The programs a default boot does not need: the core utilities and the kmod tools. Their
// names are also in program_names.ts, which the playground's worker knows before this loads.
import type { Program } from '../uapi/syscalls.ts';
import { kmodPrograms } from './kmod/index.ts';
import { coreutilsPrograms } from './bin/index.ts';

export const morePrograms: Record<string, Program> = { ...coreutilsPrograms, ...kmodPrograms };
