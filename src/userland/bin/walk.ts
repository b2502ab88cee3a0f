// Directory reading for the tools that walk trees (ls, rm -r, cp -r, chmod -R, find).
import { O_DIRECTORY, O_RDONLY } from '../../uapi/fcntl.ts';
import type { Dirent, UserGen } from '../../uapi/syscalls.ts';
import { close, getdents, open } from '../lib/sys.ts';

/** The entries of a directory in getdents order, "." and ".." included; -errno on failure. */
export function* readDir(path: string): UserGen<Dirent[] | number> {
  const fd = yield* open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return fd;
  const all: Dirent[] = [];
  for (;;) {
    const r = yield* getdents(fd);
    if (typeof r === 'number') {
      yield* close(fd);
      return r;
    }
    if (!r.length) break;
    all.push(...r);
  }
  yield* close(fd);
  return all;
}

/** Entry names without "." and "..". */
export function* listNames(path: string): UserGen<string[] | number> {
  const r = yield* readDir(path);
  if (typeof r === 'number') return r;
  return r.map((e) => e.name).filter((n) => n !== '.' && n !== '..');
}

/** dir + "/" + name, without doubling a trailing slash. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * Open a directory and read its names, leaving it open (as readdir() users do while they stat
 * the entries: /proc/self/fd then shows the descriptor). Returns [fd, names] or -errno.
 */
export function* openDirNames(path: string): UserGen<[number, string[]] | number> {
  const fd = yield* open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return fd;
  const names: string[] = [];
  for (;;) {
    const r = yield* getdents(fd);
    if (typeof r === 'number') {
      yield* close(fd);
      return r;
    }
    if (!r.length) break;
    for (const e of r) if (e.name !== '.' && e.name !== '..') names.push(e.name);
  }
  return [fd, names];
}
