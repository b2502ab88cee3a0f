// Core utilities, by name (init/ installs them under /bin, /usr/bin and /sbin).
import type { Program } from '../../uapi/syscalls.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { falseProg, trueProg } from './trivial.ts';

export const coreutilsPrograms: Record<string, Program> = {
  cat,
  echo,
  true: trueProg,
  false: falseProg,
};
