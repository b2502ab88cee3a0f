// Core utilities, by name (init/ installs them under /bin, /usr/bin and /sbin).
import type { Program } from '../../uapi/syscalls.ts';

export const coreutilsPrograms: Record<string, Program> = {};
