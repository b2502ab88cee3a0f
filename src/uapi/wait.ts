// include/uapi/linux/wait.h and the status encoding of kernel/exit.c (glibc's W* macros).
export const WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8, __WALL = 0x40000000, __WCLONE = 0x80000000;
export const P_ALL = 0, P_PID = 1, P_PGID = 2;

export const WIFEXITED = (s: number): boolean => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number): number => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number): boolean => ((s & 0x7f) + 1) >> 1 > 0 && (s & 0x7f) !== 0x7f;
export const WTERMSIG = (s: number): number => s & 0x7f;
export const WCOREDUMP = (s: number): boolean => (s & 0x80) !== 0;
export const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number): number => (s >> 8) & 0xff;
export const WIFCONTINUED = (s: number): boolean => s === 0xffff;

/** The exit status a shell reports: the code, or 128 + the signal. */
export function shellStatus(s: number): number {
  if (WIFEXITED(s)) return WEXITSTATUS(s);
  if (WIFSTOPPED(s)) return 128 + WSTOPSIG(s);
  return 128 + WTERMSIG(s);
}
