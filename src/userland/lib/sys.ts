// Typed wrappers over the syscall ABI, like libc's: `const fd = yield* open(path, O_RDONLY)`.
// Each returns the kernel's answer: >= 0 or data on success, -errno on failure.
import type {
  CapData, ChildMain, Dirent, Rlimit, Rusage, SigAction, Stat, Statfs, Syscall, Tms, UserGen, Utsname, UtimeSpec, WaitResult,
} from '../../uapi/syscalls.ts';
import type { Termios, Winsize } from '../../uapi/termios.ts';
import { TCGETS, TCSETS, TIOCGPGRP, TIOCGWINSZ, TIOCSPGRP } from '../../uapi/termios.ts';

function* call<T>(req: Syscall): UserGen<T> {
  return (yield req) as T;
}

export const read = (fd: number, count: number) => call<string | number>({ nr: 'read', fd, count });
export const write = (fd: number, data: string) => call<number>({ nr: 'write', fd, data });
export const open = (path: string, flags: number, mode = 0o666) => call<number>({ nr: 'open', path, flags, mode });
export const close = (fd: number) => call<number>({ nr: 'close', fd });
export const dup = (fd: number) => call<number>({ nr: 'dup', fd });
export const dup2 = (oldfd: number, newfd: number) => call<number>({ nr: 'dup2', oldfd, newfd });
export const fcntl = (fd: number, cmd: number, arg = 0) => call<number>({ nr: 'fcntl', fd, cmd, arg });
export const pipe = (flags = 0) => call<[number, number] | number>({ nr: 'pipe', flags });
export const lseek = (fd: number, offset: number, whence: number) => call<number>({ nr: 'lseek', fd, offset, whence });
export const stat = (path: string) => call<Stat | number>({ nr: 'stat', path });
export const lstat = (path: string) => call<Stat | number>({ nr: 'lstat', path });
export const fstat = (fd: number) => call<Stat | number>({ nr: 'fstat', fd });
export const statfs = (path: string) => call<Statfs | number>({ nr: 'statfs', path });
export const getdents = (fd: number) => call<Dirent[] | number>({ nr: 'getdents', fd });
export const mkdir = (path: string, mode = 0o777) => call<number>({ nr: 'mkdir', path, mode });
export const rmdir = (path: string) => call<number>({ nr: 'rmdir', path });
export const unlink = (path: string) => call<number>({ nr: 'unlink', path });
export const rename = (oldpath: string, newpath: string) => call<number>({ nr: 'rename', oldpath, newpath });
export const link = (oldpath: string, newpath: string) => call<number>({ nr: 'link', oldpath, newpath });
export const symlink = (target: string, path: string) => call<number>({ nr: 'symlink', target, path });
export const readlink = (path: string) => call<string | number>({ nr: 'readlink', path });
export const chmod = (path: string, mode: number) => call<number>({ nr: 'chmod', path, mode });
export const chown = (path: string, uid: number, gid: number) => call<number>({ nr: 'chown', path, uid, gid });
export const truncate = (path: string, length: number) => call<number>({ nr: 'truncate', path, length });
/** utimensat(AT_FDCWD, path, times, nofollow ? AT_SYMLINK_NOFOLLOW : 0); no times: both now. */
export const utimes = (path: string, times?: readonly [UtimeSpec, UtimeSpec], nofollow = false) =>
  call<number>({ nr: 'utimes', path, times, nofollow });
export const access = (path: string, mode: number) => call<number>({ nr: 'access', path, mode });
export const umask = (mask: number) => call<number>({ nr: 'umask', mask });
export const chdir = (path: string) => call<number>({ nr: 'chdir', path });
export const getcwd = () => call<string | number>({ nr: 'getcwd' });
/** fork(2) with an explicit continuation: `child` runs in the new process (see uapi ChildMain). */
export const fork = (child: ChildMain, flags = 0) => call<number>({ nr: 'fork', child, flags });
export const execve = (path: string, argv: readonly string[], envp: readonly string[]) =>
  call<number>({ nr: 'execve', path, argv, envp });
export function* exit(status: number): UserGen<never> {
  yield { nr: 'exit', status };
  throw new Error('exit returned');
}
export const wait4 = (pid: number, options = 0) => call<WaitResult | number>({ nr: 'wait4', pid, options });
export const kill = (pid: number, sig: number) => call<number>({ nr: 'kill', pid, sig });
export const getpid = () => call<number>({ nr: 'getpid' });
export const getppid = () => call<number>({ nr: 'getppid' });
export const getpgid = (pid = 0) => call<number>({ nr: 'getpgid', pid });
export const setpgid = (pid: number, pgid: number) => call<number>({ nr: 'setpgid', pid, pgid });
export const getsid = (pid = 0) => call<number>({ nr: 'getsid', pid });
export const setsid = () => call<number>({ nr: 'setsid' });
export const getuid = () => call<number>({ nr: 'getuid' });
export const geteuid = () => call<number>({ nr: 'geteuid' });
export const getgid = () => call<number>({ nr: 'getgid' });
export const getegid = () => call<number>({ nr: 'getegid' });
export const sigaction = (sig: number, act: SigAction | null) => call<SigAction | number>({ nr: 'rt_sigaction', sig, act });
export const sigprocmask = (how: number, set: number | null) => call<number>({ nr: 'rt_sigprocmask', how, set });
export const sigpending = () => call<number>({ nr: 'rt_sigpending' });
export const sigsuspend = (mask: number) => call<number>({ nr: 'rt_sigsuspend', mask });
export const pause = () => call<number>({ nr: 'pause' });
/** Sleep for `ns` of virtual time; returns 0, or -EINTR with the time left in the kernel's answer. */
export const nanosleep = (ns: number) => call<number>({ nr: 'nanosleep', ns });
export const alarm = (seconds: number) => call<number>({ nr: 'alarm', seconds });
/** CLOCK_REALTIME (0) is boot epoch + virtual time; CLOCK_MONOTONIC (1) is virtual time. In ns. */
export const clockGettime = (clock = 0) => call<number>({ nr: 'clock_gettime', clock });
export const times = () => call<Tms>({ nr: 'times' });
export const getrusage = (who: number) => call<Rusage | number>({ nr: 'getrusage', who });
export const schedYield = () => call<number>({ nr: 'sched_yield' });
export const uname = () => call<Utsname>({ nr: 'uname' });
export const sethostname = (name: string) => call<number>({ nr: 'sethostname', name });
export const getrlimit = (resource: number) => call<Rlimit | number>({ nr: 'getrlimit', resource });
export const setrlimit = (resource: number, rlim: Rlimit) => call<number>({ nr: 'setrlimit', resource, rlim });
export const getpriority = (which: number, who: number) => call<number>({ nr: 'getpriority', which, who });
export const setpriority = (which: number, who: number, prio: number) => call<number>({ nr: 'setpriority', which, who, prio });
export const capget = (pid = 0) => call<CapData | number>({ nr: 'capget', pid });
export const capset = (data: CapData) => call<number>({ nr: 'capset', data });
export const prctl = (option: number, arg: number | string) => call<number | string>({ nr: 'prctl', option, arg });
export const initModule = (image: string, params: string) => call<number>({ nr: 'init_module', image, params });
export const finitModule = (fd: number, params: string, flags = 0) => call<number>({ nr: 'finit_module', fd, params, flags });
export const deleteModule = (name: string, flags: number) => call<number>({ nr: 'delete_module', name, flags });
export const mount = (source: string, target: string, fstype: string, flags = 0, data = '') =>
  call<number>({ nr: 'mount', source, target, fstype, flags, data });
export const umount2 = (target: string, flags = 0) => call<number>({ nr: 'umount2', target, flags });
export const socket = (family: number, type: number, protocol = 0) => call<number>({ nr: 'socket', family, type, protocol });
export const ioctl = (fd: number, cmd: number, arg?: unknown) => call<unknown>({ nr: 'ioctl', fd, cmd, arg });
export const syslog = (type: number, len = 0) => call<string | number>({ nr: 'syslog', type, len });
/** Charge `ns` of CPU time (a preemption point): see the khelper_cpu note in uapi/syscalls.ts. */
export const cpu = (ns: number) => call<number>({ nr: 'khelper_cpu', ns });

export const tcgetattr = (fd: number) => call<Termios | number>({ nr: 'ioctl', fd, cmd: TCGETS, arg: null });
export const tcsetattr = (fd: number, t: Termios) => call<number>({ nr: 'ioctl', fd, cmd: TCSETS, arg: t });
export const tcgetpgrp = (fd: number) => call<number>({ nr: 'ioctl', fd, cmd: TIOCGPGRP, arg: null });
export const tcsetpgrp = (fd: number, pgid: number) => call<number>({ nr: 'ioctl', fd, cmd: TIOCSPGRP, arg: pgid });
export const getWinsize = (fd: number) => call<Winsize | number>({ nr: 'ioctl', fd, cmd: TIOCGWINSZ, arg: null });

export type { Dirent, Stat, Statfs, Utsname, WaitResult };
