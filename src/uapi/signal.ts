// arch/x86 signal numbers (include/uapi/asm-generic/signal.h) and their default actions
// (kernel/signal.c: sig_kernel_only/coredump/ignore/stop). Realtime signals are not modelled.
export const SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7,
  SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14,
  SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21,
  SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28,
  SIGIO = 29, SIGPWR = 30, SIGSYS = 31;
export const NSIG = 32;

export const SIG_NAMES = ['', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1',
  'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU',
  'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'] as const;

/** strsignal() texts (glibc), used by shells for "Killed", "Segmentation fault" and the like. */
export const SIG_DESCRIPTIONS = ['', 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction',
  'Trace/breakpoint trap', 'Aborted', 'Bus error', 'Floating point exception', 'Killed',
  'User defined signal 1', 'Segmentation fault', 'User defined signal 2', 'Broken pipe', 'Alarm clock',
  'Terminated', 'Stack fault', 'Child exited', 'Continued', 'Stopped (signal)', 'Stopped',
  'Stopped (tty input)', 'Stopped (tty output)', 'Urgent I/O condition', 'CPU time limit exceeded',
  'File size limit exceeded', 'Virtual timer expired', 'Profiling timer expired', 'Window changed',
  'I/O possible', 'Power failure', 'Bad system call'] as const;

export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH: return 'ign';
    case SIGCONT: return 'cont';
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU: return 'stop';
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE: case SIGSEGV:
    case SIGXCPU: case SIGXFSZ: case SIGSYS: return 'core';
    default: return 'term';
  }
}

/** sigmask(sig) for a 32-bit sigset (signals 1..31). */
export const sigmask = (sig: number): number => (1 << (sig - 1)) >>> 0;
export const SIGSET_ALL = 0xffffffff >>> 0;
/** SIGKILL and SIGSTOP can never be blocked, caught or ignored. */
export const SIG_UNBLOCKABLE = (sigmask(SIGKILL) | sigmask(SIGSTOP)) >>> 0;

/** Parse "INT", "SIGINT", "2" into a signal number; 0 for "0"; undefined if none. */
export function signalNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) { const n = Number(s); return n < NSIG ? n : undefined; }
  const name = s.toUpperCase().replace(/^SIG/, '');
  const i = SIG_NAMES.indexOf(name as (typeof SIG_NAMES)[number]);
  if (i > 0) return i;
  if (name === 'IOT') return SIGABRT;
  if (name === 'POLL') return SIGIO;
  if (name === 'CLD') return SIGCHLD;
  return undefined;
}

export const SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
export const SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTART = 0x10000000,
  SA_NODEFER = 0x40000000, SA_RESETHAND = 0x80000000;
