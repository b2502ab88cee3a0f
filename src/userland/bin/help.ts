// help: what the khelper console is and which commands it has (read from the bin directories,
// so programs added later show up too).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, termWidth } from './common.ts';
import { listNames } from './walk.ts';

const INTRO = `khelper: a simulated Linux where you can watch the kernel load modules on demand.

When the kernel needs something it does not have (a filesystem type, a network protocol, a
character device), request_module() asks the usermode helper to run
"/sbin/modprobe -q -- NAME" (the path is in /proc/sys/kernel/modprobe). You can trigger that,
watch it (dmesg, ps, the timeline), and change what runs (install a fake modprobe, edit
/etc/modprobe.d).

This console runs a dash-like shell (/bin/sh; bash features with /bin/bash). ^C interrupts,
^Z stops, ^D ends input, ^U erases the line. Everything runs in virtual time.

Things to try:
  mount -t vfat none /mnt      a filesystem the kernel does not have yet
  lsmod; dmesg                 what got loaded, and what the kernel said
  modprobe -v e1000e           a dependency chain
  ps -ef --forest              who runs what (kernel threads in [brackets])
  cat /proc/sys/kernel/modprobe
  cat /root/README             more ideas; man modprobe for the kmod tools
`;

function columns(names: string[], width: number): string {
  if (!names.length) return '';
  const w = Math.max(...names.map((n) => n.length)) + 2;
  const per = Math.max(1, Math.floor(width / w));
  let out = '';
  for (let i = 0; i < names.length; i += per) out += `  ${names.slice(i, i + per).map((n) => n.padEnd(w)).join('').trimEnd()}\n`;
  return out;
}

export function* help({ argv, envp }: ProgramArgs): UserGen {
  const out = new Output();
  yield* out.put(INTRO);
  const width = (yield* termWidth(1, envp)) - 2;
  for (const dir of ['/bin', '/sbin', '/usr/bin', '/usr/sbin']) {
    const names = yield* listNames(dir);
    if (typeof names === 'number' || !names.length) continue;
    yield* out.put(`\nCommands in ${dir}:\n${columns([...names].sort(), width)}`);
  }
  yield* out.put('\nShell builtins: cd, echo, printf, test, kill, pwd, read, export, set, trap, jobs, fg, bg, wait, exit.\n');
  return yield* out.finish(argv[0], 0);
}
