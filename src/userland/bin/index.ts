// Core utilities, by name (init/ installs them under /bin, /usr/bin and /sbin).
import type { Program } from '../../uapi/syscalls.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { id, uname } from './ident.ts';
import { kill } from './kill.ts';
import { basename, dirname, pwd } from './paths.ts';
import { sleep } from './sleep.ts';
import { clear, falseProg, trueProg } from './trivial.ts';

export const coreutilsPrograms: Record<string, Program> = {
  cat,
  echo,
  true: trueProg,
  false: falseProg,
  clear,
  kill,
  sleep,
  pwd,
  basename,
  dirname,
  uname,
  id,
};
