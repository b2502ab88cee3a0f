// What the kmod logic needs from the machine, as one interface: the programs pass the
// syscall-backed sysHost; unit tests pass an in-memory host (memhost.ts) whose calls never yield.
import type { Dirent, Stat, UserGen, Utsname } from '../../uapi/syscalls.ts';

export interface KmodHost {
  /** The whole file, or -errno. */
  readFile(path: string): UserGen<string | number>;
  stat(path: string): UserGen<Stat | number>;
  /** Directory entries without `.` and `..`, or -errno. */
  listDir(path: string): UserGen<Dirent[] | number>;
  getcwd(): UserGen<string | number>;
  uname(): UserGen<Utsname>;
  /** open(path) + finit_module(fd, params, flags) + close: 0 or -errno. */
  insertModule(path: string, params: string, flags: number): UserGen<number>;
  deleteModule(name: string, flags: number): UserGen<number>;
  /** system(3): `/bin/sh -c cmd` with this environment; the wait status, or -1. */
  system(cmd: string, envp: readonly string[]): UserGen<number>;
  write(fd: number, data: string): UserGen<number>;
  /** glibc syslog() with LOG_CONS when no syslog daemon listens: one console write. */
  console(data: string): UserGen<void>;
  /** Is this fd open (fstat succeeds)? */
  fdOpen(fd: number): UserGen<boolean>;
  /** CLOCK_MONOTONIC in milliseconds. */
  nowMs(): UserGen<number>;
  sleepMs(ms: number): UserGen<number>;
  /** Create (or truncate) and write a whole file with the given mode: 0 or -errno. */
  writeFile(path: string, data: string, mode: number): UserGen<number>;
  rename(from: string, to: string): UserGen<number>;
  mkdirP(path: string): UserGen<number>;
}

/** Run a generator that must not perform syscalls (pure code, or a memhost) to completion. */
export function runSync<T>(gen: Generator<unknown, T, unknown>): T {
  const r = gen.next();
  if (!r.done) throw new Error(`unexpected syscall ${JSON.stringify(r.value)}`);
  return r.value;
}
