// The syscall ABI between user land and the kernel. A user program is a generator that yields
// Syscall records and is resumed with the kernel's answer: a number (>= 0, or -errno) or data.
// Names follow Linux's syscalls; arguments are JS values instead of user pointers.
import type { Dirent, Stat } from './fcntl.ts';
import type { Rlimit, Utsname } from './resource.ts';
import type { Statfs } from './statfs.ts';
import type { Termios, Winsize } from './termios.ts';

/** What a program gets at exec time: exactly the argv/envp passed to execve(2). */
export interface ProgramArgs {
  argv: readonly string[];
  envp: readonly string[];
}

/** A generator over syscalls that returns the exit code (0..255) — main()'s return value. */
export type UserGen<T = number> = Generator<Syscall, T, unknown>;
/** The entry point of a native program, found through binfmt by the name in its image. */
export type Program = (args: ProgramArgs) => UserGen;
/** The child side of fork(): runs in the new process with copies of the parent's kernel state. */
export type ChildMain = () => UserGen;
/** A signal handler: runs as a nested frame on return to user mode, like a signal frame. */
export type SignalHandler = (sig: number) => UserGen<void>;

export type SigHandlerSpec = 'default' | 'ignore' | SignalHandler;
export interface SigAction {
  handler: SigHandlerSpec;
  mask: number;
  flags: number;
}

export interface WaitResult {
  /** The pid reaped or reported; 0 with WNOHANG when nothing is ready. */
  pid: number;
  /** The raw wait status (exit code << 8, signal number, 0x80 for core). */
  status: number;
}

export interface CapData {
  effective: number[];
  permitted: number[];
  inheritable: number[];
  bounding: number[];
}

/**
 * utimensat(2)'s timespec for one of [atime, mtime]: epoch seconds and nanoseconds
 * (CLOCK_REALTIME), or UTIME_NOW / UTIME_OMIT.
 */
export type UtimeSpec = { sec: number; nsec: number } | 'now' | 'omit';

export type Syscall =
  | { nr: 'read'; fd: number; count: number }
  | { nr: 'write'; fd: number; data: string }
  | { nr: 'open'; path: string; flags: number; mode: number }
  | { nr: 'close'; fd: number }
  | { nr: 'dup'; fd: number }
  | { nr: 'dup2'; oldfd: number; newfd: number }
  | { nr: 'fcntl'; fd: number; cmd: number; arg: number }
  | { nr: 'pipe'; flags: number }
  | { nr: 'lseek'; fd: number; offset: number; whence: number }
  | { nr: 'stat'; path: string }
  | { nr: 'lstat'; path: string }
  | { nr: 'fstat'; fd: number }
  | { nr: 'statfs'; path: string }
  | { nr: 'getdents'; fd: number }
  | { nr: 'mkdir'; path: string; mode: number }
  | { nr: 'rmdir'; path: string }
  | { nr: 'unlink'; path: string }
  | { nr: 'rename'; oldpath: string; newpath: string }
  | { nr: 'link'; oldpath: string; newpath: string }
  | { nr: 'symlink'; target: string; path: string }
  | { nr: 'readlink'; path: string }
  | { nr: 'chmod'; path: string; mode: number }
  | { nr: 'chown'; path: string; uid: number; gid: number }
  | { nr: 'truncate'; path: string; length: number }
  | { nr: 'utimes'; path: string; times?: readonly [UtimeSpec, UtimeSpec]; nofollow?: boolean }
  | { nr: 'access'; path: string; mode: number }
  | { nr: 'umask'; mask: number }
  | { nr: 'chdir'; path: string }
  | { nr: 'getcwd' }
  | { nr: 'fork'; child: ChildMain; flags: number }
  | { nr: 'execve'; path: string; argv: readonly string[]; envp: readonly string[] }
  | { nr: 'exit'; status: number }
  | { nr: 'wait4'; pid: number; options: number }
  | { nr: 'kill'; pid: number; sig: number }
  | { nr: 'getpid' }
  | { nr: 'getppid' }
  | { nr: 'gettid' }
  | { nr: 'getpgid'; pid: number }
  | { nr: 'setpgid'; pid: number; pgid: number }
  | { nr: 'getsid'; pid: number }
  | { nr: 'setsid' }
  | { nr: 'getuid' }
  | { nr: 'geteuid' }
  | { nr: 'getgid' }
  | { nr: 'getegid' }
  | { nr: 'rt_sigaction'; sig: number; act: SigAction | null }
  | { nr: 'rt_sigprocmask'; how: number; set: number | null }
  | { nr: 'rt_sigpending' }
  | { nr: 'rt_sigsuspend'; mask: number }
  | { nr: 'pause' }
  | { nr: 'nanosleep'; ns: number }
  | { nr: 'alarm'; seconds: number }
  | { nr: 'clock_gettime'; clock: number }
  | { nr: 'sched_yield' }
  | { nr: 'uname' }
  | { nr: 'sethostname'; name: string }
  | { nr: 'getrlimit'; resource: number }
  | { nr: 'setrlimit'; resource: number; rlim: Rlimit }
  | { nr: 'getpriority'; which: number; who: number }
  | { nr: 'setpriority'; which: number; who: number; prio: number }
  | { nr: 'capget'; pid: number }
  | { nr: 'capset'; data: CapData }
  | { nr: 'prctl'; option: number; arg: number | string }
  | { nr: 'init_module'; image: string; params: string }
  | { nr: 'finit_module'; fd: number; params: string; flags: number }
  | { nr: 'delete_module'; name: string; flags: number }
  | { nr: 'mount'; source: string; target: string; fstype: string; flags: number; data: string }
  | { nr: 'umount2'; target: string; flags: number }
  | { nr: 'socket'; family: number; type: number; protocol: number }
  | { nr: 'ioctl'; fd: number; cmd: number; arg: unknown }
  | { nr: 'syslog'; type: number; len: number }
  | { nr: 'sysinfo' }
  /** Clock ticks (USER_HZ = 100) of the caller and of its reaped children. */
  | { nr: 'times' }
  /** RUSAGE_SELF (0) or RUSAGE_CHILDREN (-1): user and system time in ns (the rest of struct rusage is not kept). */
  | { nr: 'getrusage'; who: number }
  | { nr: 'reboot'; cmd: number }
  /**
   * Not a Linux syscall: user code burning CPU between syscalls (a shell evaluating a loop, a
   * parser). It charges `ns` of virtual CPU time and is a preemption point, so a busy loop is
   * just a busy task. The trace does not record it.
   */
  | { nr: 'khelper_cpu'; ns: number };

export type SyscallName = Syscall['nr'];

/** Answers with a type, for the typed wrappers of userland/lib/sys.ts. */
export interface SyscallAnswers {
  read: string | number;
  getdents: Dirent[] | number;
  stat: Stat | number;
  lstat: Stat | number;
  fstat: Stat | number;
  statfs: Statfs | number;
  readlink: string | number;
  getcwd: string | number;
  pipe: [number, number] | number;
  wait4: WaitResult | number;
  rt_sigaction: SigAction | number;
  uname: Utsname;
  getrlimit: Rlimit | number;
  capget: CapData | number;
  syslog: string | number;
  clock_gettime: number;
  times: Tms;
  getrusage: Rusage | number;
}

/** struct tms, in clock ticks. */
export interface Tms {
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}

/** The CPU times of struct rusage, in ns. */
export interface Rusage {
  utime: number;
  stime: number;
}

export const USER_HZ = 100;
export const RUSAGE_SELF = 0;
export const RUSAGE_CHILDREN = -1;

export interface SysinfoResult {
  uptime: number;
  procs: number;
  totalram: number;
  freeram: number;
}

export type { Dirent, Stat, Statfs, Rlimit, Utsname, Termios, Winsize };

/**
 * The magic first line of a native program image. binfmt_native (our stand-in for binfmt_elf)
 * recognises it and looks the named program up in the registry init/ fills at boot. Copying the
 * file copies the program, as copying an ELF binary would.
 */
export const NATIVE_MAGIC = '\x7fELF\x02\x01\x01khelper-native:';
export function nativeImage(name: string): string {
  return `${NATIVE_MAGIC}${name}\n`;
}
