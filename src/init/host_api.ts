// What a host UI (the playground's worker) needs from a running Machine beyond the console: file
// operations for the editor's tree (root credentials, outside any task, like init's own helpers),
// the kernel settings the UI shows, and run-control helpers for letting idle time pass.
import { strerror, EISDIR } from '../uapi/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK } from '../uapi/fcntl.ts';
import { NATIVE_MAGIC } from '../uapi/syscalls.ts';
import { looksLikeText } from '../lib/bytes.ts';
import { defaultRelease } from '../kernel/profile.ts';
import type { ProfileName, Arch } from '../kernel/profile.ts';
import { kChmod, kList, kMkdirP, kReadFile, kRemove, kRename, kStat, kWriteFile } from '../kernel/vfs_api.ts';
import type { Machine } from './machine.ts';

export type HostKind = 'dir' | 'file' | 'link' | 'char' | 'block' | 'fifo' | 'socket';

export interface HostEntry {
  name: string;
  path: string;
  kind: HostKind;
  mode: number;
  size: number;
  target?: string;
}

export type HostContent =
  | { kind: 'text'; path: string; bytes: string; mode: number }
  | { kind: 'native'; path: string; program: string; mode: number }
  | { kind: 'binary'; path: string; size: number; mode: number };

export interface HostKernelSettings {
  profile: ProfileName;
  arch: Arch;
  threadsMax: number;
  modprobePath: string;
}

/** The C library's message for a -errno, as the UI shows it. */
export function errText(err: number): string {
  return strerror(-err);
}

export function kindOf(mode: number): HostKind {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'dir';
    case S_IFLNK: return 'link';
    case S_IFCHR: return 'char';
    case S_IFBLK: return 'block';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    default: return 'file';
  }
}

/** Normalise a path the user typed: absolute, no empty or "." parts, ".." resolved lexically. */
export function normPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function hostList(m: Machine, path: string): HostEntry[] | number {
  const r = kList(m.k, normPath(path));
  if (typeof r === 'number') return r;
  return r
    .map((e) => {
      const out: HostEntry = { name: e.name, path: normPath(e.path), kind: kindOf(e.mode), mode: e.mode & 0o7777, size: e.size };
      if (e.target !== undefined) out.target = e.target;
      return out;
    })
    .sort((a, b) => (a.kind === 'dir') !== (b.kind === 'dir') ? (a.kind === 'dir' ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** A file's content, classified the way an editor needs it. */
export function hostRead(m: Machine, path: string): HostContent | number {
  const p = normPath(path);
  const st = kStat(m.k, p);
  if (typeof st === 'number') return st;
  if ((st.mode & S_IFMT) === S_IFDIR) return -EISDIR;
  const data = kReadFile(m.k, p);
  if (typeof data === 'number') return data;
  const mode = st.mode & 0o7777;
  if (data.startsWith(NATIVE_MAGIC)) {
    const program = data.slice(NATIVE_MAGIC.length).split('\n')[0];
    return { kind: 'native', path: p, program, mode };
  }
  if (!looksLikeText(data)) return { kind: 'binary', path: p, size: data.length, mode };
  return { kind: 'text', path: p, bytes: data, mode };
}

/** Create or replace a regular file; without a mode, an existing file keeps its own. */
export function hostWrite(m: Machine, path: string, bytes: string, mode?: number): number {
  const p = normPath(path);
  let perm = mode;
  if (perm === undefined) {
    const st = kStat(m.k, p);
    perm = typeof st === 'number' ? 0o644 : st.mode & 0o7777;
  }
  return kWriteFile(m.k, p, bytes, perm);
}

export function hostMkdir(m: Machine, path: string): number {
  const r = kMkdirP(m.k, normPath(path));
  return typeof r === 'number' ? r : 0;
}

export function hostRemove(m: Machine, path: string): number {
  return kRemove(m.k, normPath(path), true);
}

export function hostRename(m: Machine, from: string, to: string): number {
  return kRename(m.k, normPath(from), normPath(to));
}

export function hostChmod(m: Machine, path: string, mode: number): number {
  return kChmod(m.k, normPath(path), mode);
}

/** The settings the UI shows, as the kernel has them now (the console may have changed them). */
export function kernelSettings(m: Machine): HostKernelSettings {
  const k = m.k;
  return { profile: k.config.profile, arch: k.config.arch, threadsMax: k.maxThreads, modprobePath: k.kmod.modprobePath };
}

/** `echo VALUE > /proc/sys/KEY` (key with dots: kernel.modprobe); 0 or -errno. */
export function writeSysctl(m: Machine, key: string, value: string): number {
  const r = m.k.sysctl.writeKey(m.k, key, value);
  return r < 0 ? r : 0;
}

export function releaseOf(m: Machine): string {
  return m.k.config.release;
}

export function schedEvents(m: Machine): number {
  return m.k.sched.events;
}

/** Nothing runnable and no timer armed: only the keyboard (or the host) can make anything happen. */
export function isIdle(m: Machine): boolean {
  const s = m.k.sched;
  return s.nrRunning === 0 && s.nextTimer() === undefined;
}

/**
 * Let virtual time pass while the machine has nothing to do (a real machine's clock runs on at
 * its prompt). Only when idle, so no timer or runnable task is skipped over.
 */
export function letIdleTimePass(m: Machine, to: number): void {
  if (isIdle(m) && to > m.k.sched.now) m.k.sched.now = to;
}

/** When the next kernel timer fires (virtual ns), if one is armed. */
export function nextTimer(m: Machine): number | undefined {
  return m.k.sched.nextTimer();
}

/** The kernel release a profile reports by default (uname -r; /lib/modules/RELEASE). */
export function defaultReleaseFor(profile: ProfileName): string {
  return defaultRelease(profile);
}
