// The kmod tools, by name (init/ installs /sbin/modprobe and the others). `kmod` is the
// multiplexer: like real kmod's symlinks, it picks the tool by the base name of argv[0].
import type { Program, ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import type { KmodHost } from './host.ts';
import { sysHost } from './syshost.ts';
import { modprobeMain } from './modprobe.ts';
import { insmodMain } from './insmod.ts';
import { rmmodMain } from './rmmod.ts';
import { lsmodMain } from './lsmod.ts';
import { modinfoMain } from './modinfo.ts';
import { depmodMain } from './depmod.ts';
import { kmodMain } from './kmod.ts';

const onSys = (main: (args: ProgramArgs, host: KmodHost) => UserGen): Program => (args) => main(args, sysHost);

export const kmodPrograms: Record<string, Program> = {
  modprobe: onSys(modprobeMain),
  insmod: onSys(insmodMain),
  rmmod: onSys(rmmodMain),
  lsmod: onSys(lsmodMain),
  modinfo: onSys(modinfoMain),
  depmod: onSys(depmodMain),
  kmod: onSys(kmodMain),
};
