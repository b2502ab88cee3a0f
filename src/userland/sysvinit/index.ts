// pid 1's program.
import type { Program } from '../../uapi/syscalls.ts';
import { initMain } from './init.ts';

export const initPrograms: Record<string, Program> = { init: initMain };
