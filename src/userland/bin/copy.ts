// The copy engine of GNU cp (copy.c), shared with mv's cross-filesystem fallback: regular files
// by read/write, directories recursively, symbolic links as links under -P (the -r default).
import { EEXIST } from '../../uapi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY, S_ISDIR, S_ISLNK, S_ISREG } from '../../uapi/fcntl.ts';
import type { Stat, UserGen } from '../../uapi/syscalls.ts';
import { readLine, writeAll } from '../lib/io.ts';
import { chmod, chown, close, link, lstat, mkdir, open, readlink, stat, symlink, unlink, utimes } from '../lib/sys.ts';
import type { Output} from './common.ts';
import { closeInput, openInput, readChunk, warn, warnErrno } from './common.ts';
import { backupName, makeBackup } from './backup.ts';
import type { Backup } from './backup.ts';
import { quote, quotef } from './quote.ts';
import { epochOf } from './time.ts';
import { joinPath, listNames } from './walk.ts';

export interface CopyOpts {
  prog: string;
  recursive: boolean;
  /** -L: follow symlinks in the tree; otherwise (-P, the -r default) copy them as links. */
  dereference: boolean;
  preserveMode: boolean;
  /** --no-preserve=mode: new files get the default 0666 (directories 0777) less the umask. */
  defaultMode: boolean;
  /** --preserve=timestamps (-p, -a): atime and mtime set from the source. */
  preserveTimes: boolean;
  /** --preserve=ownership (-p, -a): chown to the source's owner and group. */
  preserveOwner: boolean;
  /** Epoch second of boot: stat times are ns since boot, utimensat takes epoch times. */
  bootSec: number;
  force: boolean;
  interactive: boolean;
  noClobber: boolean;
  verbose: boolean;
  /** mv: print "renamed" lines instead of cp's "'a' -> 'b'". */
  verbosePrefix: string;
  umask: number;
  out: Output;
  /** -b/--backup/-S: rename an existing destination first. */
  backup: Backup;
  /** -u: leave a destination that is as new as the source or newer. */
  update: boolean;
  /** --remove-destination: unlink an existing destination before copying. */
  removeDest: boolean;
  /** --attributes-only: files are created (or kept) without copying their data. */
  attributesOnly?: boolean;
  /** -H: follow symlinks named on the command line. */
  derefArgs?: boolean;
  /** -P/-d (and -a): never follow symlinks, not even operands without -r. */
  noDeref?: boolean;
  /** -x: a directory on another filesystem (a mount point) is made but not entered. */
  oneFs?: boolean;
  /** -l: hard links instead of copies of non-directories. */
  link?: boolean;
  /** -s: symbolic links to the sources instead of copies (relative ones only in the current directory). */
  symlink?: boolean;
}

/** Is `inner` the directory `outer` or below it (by path prefix after normalising)? */
export function isWithin(outer: string, inner: string): boolean {
  const norm = (p: string): string => p.replace(/\/+/g, '/').replace(/\/$/, '').replace(/^\.\//, '');
  const a = norm(outer);
  const b = norm(inner);
  return b === a || b.startsWith(`${a}/`);
}

export function* askYes(o: CopyOpts, question: string): UserGen<boolean> {
  yield* o.out.flush();
  yield* writeAll(2, `${o.prog}: ${question}? `);
  const line = yield* readLine(0);
  return line !== null && /^[yY]/.test(line);
}

/** Copy one regular file's bytes; returns false after reporting an error. */
function* copyData(o: CopyOpts, src: string, dst: string, st: Stat, dstExists: boolean): UserGen<boolean> {
  if (o.attributesOnly) {
    // copy_reg() without data_copy_required: no O_TRUNC, nothing read.
    const fd = yield* open(dst, O_WRONLY | O_CREAT, o.defaultMode ? 0o666 : st.mode & 0o777);
    if (fd < 0) {
      yield* warnErrno(o.prog, `cannot create regular file ${quote(dst)}`, fd);
      return false;
    }
    yield* close(fd);
    yield* preserve(o, dst, st, false);
    return true;
  }
  const inFd = yield* openInput(src);
  if (inFd < 0) {
    yield* warnErrno(o.prog, `cannot open ${quote(src)} for reading`, inFd);
    return false;
  }
  const mode = o.defaultMode ? 0o666 : st.mode & 0o777;
  let outFd = yield* open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (outFd < 0 && dstExists && o.force) {
    yield* unlink(dst);
    outFd = yield* open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
  }
  if (outFd < 0) {
    yield* closeInput(inFd);
    yield* warnErrno(o.prog, `cannot create regular file ${quote(dst)}`, outFd);
    return false;
  }
  let ok = true;
  for (;;) {
    const r = yield* readChunk(inFd);
    if (typeof r === 'number') {
      yield* warnErrno(o.prog, `error reading ${quote(src)}`, r);
      ok = false;
      break;
    }
    if (!r) break;
    const w = yield* writeAll(outFd, r);
    if (w < 0) {
      yield* warnErrno(o.prog, `error writing ${quote(dst)}`, w);
      ok = false;
      break;
    }
  }
  yield* closeInput(inFd);
  yield* close(outFd);
  if (ok) yield* preserve(o, dst, st, false);
  return ok;
}

/** copy_attr and friends: owner (before the mode, as chown clears set-id bits), mode, times. */
function* preserve(o: CopyOpts, dst: string, st: Stat, link: boolean): UserGen<void> {
  if (o.preserveOwner && !link) yield* chown(dst, st.uid, st.gid);
  if (o.preserveMode && !link) yield* chmod(dst, st.mode & 0o7777);
  if (o.preserveTimes) {
    const [as, an] = epochOf(st.atime, o.bootSec), [ms, mn] = epochOf(st.mtime, o.bootSec);
    yield* utimes(dst, [{ sec: as, nsec: an }, { sec: ms, nsec: mn }], link);
  }
}

/** copy_internal(): copy src to dst (dst is the final name). False when anything failed. */
export function* copyTree(o: CopyOpts, src: string, dst: string, top: boolean, parentDev = -1): UserGen<boolean> {
  const follow = o.dereference || (top && o.derefArgs) || (top && !o.recursive && !o.noDeref);
  const st = follow ? yield* stat(src) : yield* lstat(src);
  if (typeof st === 'number') {
    yield* warnErrno(o.prog, `cannot stat ${quote(src)}`, st);
    return false;
  }
  if (S_ISDIR(st.mode) && !o.recursive) {
    yield* warn(o.prog, `-r not specified; omitting directory ${quote(src)}`);
    return false;
  }
  const got = yield* lstat(dst);
  const dstSt = typeof got === 'number' ? null : got;
  let exists = dstSt !== null;
  let backedUp = '';
  // "cp -fb F F" makes a backup of F (the special case --help names).
  const selfBackup = dstSt !== null && o.force && o.backup.type !== 'none' && S_ISREG(st.mode);
  if (dstSt && dstSt.ino === st.ino && dstSt.dev === st.dev) {
    // cp -l onto the same file: already done.
    if (o.link && !S_ISDIR(st.mode)) return true;
    if (!selfBackup) {
      yield* warn(o.prog, `${quote(src)} and ${quote(dst)} are the same file`);
      return false;
    }
    // The source is copied to its backup name and stays as it is.
    const name = yield* backupName(dst, o.backup);
    if (!(yield* copyData(o, src, name, st, false))) return false;
    if (o.verbose) yield* o.out.put(`${o.verbosePrefix}${quote(src)} -> ${quote(name)}\n`);
    return true;
  }
  if (dstSt && !S_ISDIR(st.mode)) {
    if (S_ISDIR(dstSt.mode)) {
      yield* warn(o.prog, `cannot overwrite directory ${quote(dst)} with non-directory`);
      return false;
    }
    if (o.noClobber) return true;
    // copy.c: with -u a destination not older than the source is left alone, silently.
    if (o.update && dstSt.mtime >= st.mtime) return true;
    if (o.interactive && !(yield* askYes(o, `overwrite ${quote(dst)}`))) return true;
    if (o.backup.type !== 'none') {
      const b = yield* makeBackup(dst, o.backup);
      if (typeof b === 'number') {
        yield* warnErrno(o.prog, `cannot backup ${quote(dst)}`, b);
        return false;
      }
      backedUp = ` (backup: ${quote(b)})`;
      exists = false;
    } else if (o.removeDest) {
      const r = yield* unlink(dst);
      if (r < 0) {
        yield* warnErrno(o.prog, `cannot remove ${quote(dst)}`, r);
        return false;
      }
      if (o.verbose) yield* o.out.put(`removed ${quote(dst)}\n`);
      exists = false;
    }
  }
  if (S_ISDIR(st.mode)) {
    if (isWithin(src, dst)) {
      yield* warn(o.prog, `cannot copy a directory, ${quote(src)}, into itself, ${quote(dst)}`);
      return false;
    }
    if (dstSt && !S_ISDIR(dstSt.mode)) {
      yield* warn(o.prog, `cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
      return false;
    }
    if (!exists) {
      const r = yield* mkdir(dst, (st.mode & 0o777) | 0o700);
      if (r < 0 && r !== -EEXIST) {
        yield* warnErrno(o.prog, `cannot create directory ${quote(dst)}`, r);
        return false;
      }
      if (o.verbose) yield* o.out.put(`${o.verbosePrefix}${quote(src)} -> ${quote(dst)}\n`);
    }
    const names = o.oneFs && !top && st.dev !== parentDev ? [] : yield* listNames(src);
    if (typeof names === 'number') {
      yield* warnErrno(o.prog, `cannot access ${quote(src)}`, names);
      return false;
    }
    let ok = true;
    for (const n of names) if (!(yield* copyTree(o, joinPath(src, n), joinPath(dst, n), false, st.dev))) ok = false;
    if (!exists) yield* chmod(dst, o.preserveMode ? st.mode & 0o7777 : (o.defaultMode ? 0o777 : st.mode & 0o777) & ~o.umask);
    if (!exists) yield* preserve({ ...o, preserveMode: false }, dst, st, false);
    return ok;
  }
  if (o.link || o.symlink) return yield* linkOne(o, src, dst, exists, backedUp);
  if (S_ISLNK(st.mode)) {
    const target = yield* readlink(src);
    if (typeof target === 'number') {
      yield* warnErrno(o.prog, `cannot read symbolic link ${quote(src)}`, target);
      return false;
    }
    if (exists) yield* unlink(dst);
    const r = yield* symlink(target, dst);
    if (r < 0) {
      yield* warnErrno(o.prog, `cannot create symbolic link ${quote(dst)}`, r);
      return false;
    }
    yield* preserve(o, dst, st, true);
  } else if (S_ISREG(st.mode) || !o.recursive) {
    if (!(yield* copyData(o, src, dst, st, exists))) return false;
  } else {
    // Devices and fifos would need mknod, which the kernel does not offer: copy the bytes.
    if (!(yield* copyData(o, src, dst, st, exists))) return false;
  }
  if (o.verbose) yield* o.out.put(`${o.verbosePrefix}${quote(src)} -> ${quote(dst)}${backedUp}\n`);
  return true;
}

/** cp -l / -s for a non-directory: link(2) or symlink(2) instead of a copy (-f replaces). */
function* linkOne(o: CopyOpts, src: string, dst: string, exists: boolean, backedUp: string): UserGen<boolean> {
  if (o.symlink && src[0] !== '/') {
    // copy.c: a relative target only makes sense in the current directory (same inode as ".").
    const slash = dst.lastIndexOf('/');
    const parent = slash < 0 ? '.' : dst.slice(0, slash) || '/';
    const here = yield* stat('.'), there = parent === '.' ? here : yield* stat(parent);
    if (typeof here === 'number' || typeof there === 'number' || here.ino !== there.ino || here.dev !== there.dev) {
      yield* warn(o.prog, `${quotef(dst)}: can make relative symbolic links only in current directory`);
      return false;
    }
  }
  if (exists && o.force) yield* unlink(dst);
  const r = o.symlink ? yield* symlink(src, dst) : yield* link(src, dst);
  if (r < 0) {
    yield* warnErrno(o.prog, `cannot create ${o.symlink ? 'symbolic' : 'hard'} link ${quote(dst)} to ${quote(src)}`, r);
    return false;
  }
  if (o.verbose) yield* o.out.put(`${o.verbosePrefix}${quote(src)} -> ${quote(dst)}${backedUp}\n`);
  return true;
}
