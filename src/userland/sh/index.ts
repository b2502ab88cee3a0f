// The shell's programs, by name (init/ installs them: sh -> /bin/sh, bash -> /bin/bash).
import type { Program } from '../../uapi/syscalls.ts';
import { bashMain, shMain } from './main.ts';

export const shPrograms: Record<string, Program> = { sh: shMain, bash: bashMain };
