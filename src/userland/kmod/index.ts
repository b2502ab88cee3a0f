// The kmod tools, by name (init/ installs them under /sbin and /bin). `kmod` is the multiplexer:
// like real kmod's symlinks, it picks the tool by the base name of argv[0].
import type { Program, ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { modprobeMain } from './modprobe.ts';
import { sysHost } from './syshost.ts';

const modprobe: Program = (args: ProgramArgs): UserGen => modprobeMain(args, sysHost);

export const kmodPrograms: Record<string, Program> = { modprobe };
