// The kmod tools, by name (init/ installs them under /sbin and /bin).
import type { Program } from '../../uapi/syscalls.ts';

export const kmodPrograms: Record<string, Program> = {};
