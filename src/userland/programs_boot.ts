// The programs a default boot runs before its first prompt: init and the login shell. The
// playground's worker has these at once and the others a moment later (init/programs_lazy.ts).
import type { Program } from '../uapi/syscalls.ts';
import { shPrograms } from './sh/index.ts';
import { initPrograms } from './sysvinit/index.ts';

export const bootPrograms: Record<string, Program> = { ...shPrograms, ...initPrograms };
