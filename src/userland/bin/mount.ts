// util-linux 2.38 mount and umount over mount(2)/umount2(2): the listing of /proc/mounts
// ("SRC on DIR type T (OPTS)"), libmount's error texts (mnt_context_get_{mount,umount}_excode)
// printed as "mount: TARGET: text." with the dmesg hint after a failed system call, and the
// MNT_EX_* exit codes (32 for a failed mount). There is no /etc/fstab, so a lone operand fails.
import {
  EACCES, EBUSY, EINVAL, EIO, EMFILE, ENODEV, ENOENT, ENOTBLK, ENOTDIR, ENXIO, EPERM, EROFS, strerror,
} from '../../uapi/errno.ts';
import { MNT_DETACH, MNT_FORCE, MS_BIND, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY, MS_REMOUNT, S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile, writeAll } from '../lib/io.ts';
import { geteuid, getcwd, lstat, mount as sysMount, readlink, stat, umount2 } from '../lib/sys.ts';
import { getoptLong } from '../text/getopt.ts';
import { Output, warn } from './common.ts';
import { L, helpText, versionText } from './opts.ts';

const MNT_EX_SUCCESS = 0, MNT_EX_USAGE = 1, MNT_EX_FAIL = 32;
const DMESG_HINT = '       dmesg(1) may have more information after failed mount system call.\n';

/** canonicalize_path(): absolute, symlinks resolved; null when a component is missing. */
function* realpath(path: string): UserGen<string | null> {
  let cwd = yield* getcwd();
  if (typeof cwd === 'number') cwd = '/';
  let todo = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/').filter(Boolean);
  let done = '';
  for (let hops = 0; todo.length; hops++) {
    if (hops > 40) return null;
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done = done.slice(0, done.lastIndexOf('/'));
      continue;
    }
    const next = `${done}/${part}`;
    const st = yield* lstat(next);
    if (typeof st === 'number') return null;
    if (S_ISLNK(st.mode)) {
      const t = yield* readlink(next);
      if (typeof t === 'number') return null;
      if (t.startsWith('/')) done = '';
      todo = [...t.split('/').filter(Boolean), ...todo];
      continue;
    }
    done = next;
  }
  return done || '/';
}

interface Mnt { src: string; dir: string; type: string; opts: string }

function* mounts(): UserGen<Mnt[]> {
  const t = yield* readFile('/proc/mounts');
  if (typeof t === 'number') return [];
  return t.split('\n').filter(Boolean).map((l) => {
    const [src, dir, type, opts] = l.split(' ');
    return { src, dir, type, opts };
  });
}

const MOUNT_LONG = {
  all: L('a'), fake: L('f'), 'internal-only': L('i'), 'show-labels': L('l'), 'no-mtab': L('n'), options: L('o', 'required'),
  'read-only': L('r'), rw: L('w'), 'read-write': L('w'), types: L('t', 'required'), verbose: L('v'), bind: L('B'), move: L('M'),
  help: L('h'), version: L('V'), source: L('source', 'required'), target: L('target', 'required'),
};

/** Mount flags named in -o; the rest goes to the filesystem as data. */
function parseOptions(list: string[]): { flags: number; data: string[] } {
  let flags = 0;
  const data: string[] = [];
  const bits: Record<string, [number, boolean]> = {
    ro: [MS_RDONLY, true], rw: [MS_RDONLY, false], nosuid: [MS_NOSUID, true], suid: [MS_NOSUID, false], nodev: [MS_NODEV, true],
    dev: [MS_NODEV, false], noexec: [MS_NOEXEC, true], exec: [MS_NOEXEC, false], remount: [MS_REMOUNT, true], bind: [MS_BIND, true],
  };
  for (const o of list.flatMap((x) => x.split(',')).filter(Boolean)) {
    const b = bits[o];
    if (b) flags = b[1] ? flags | b[0] : flags & ~b[0];
    else if (o !== 'defaults' && o !== 'relatime' && o !== 'noatime' && o !== 'auto' && o !== 'noauto') data.push(o);
  }
  return { flags, data };
}

/** The libmount text for a failed mount(2), as mnt_context_get_mount_excode() words it. */
function* mountErrorText(errno: number, src: string, tgt: string, type: string, flags: number): UserGen<string> {
  switch (errno) {
    case EPERM: {
      if ((yield* geteuid()) !== 0) return 'must be superuser to use mount';
      const st = yield* stat(tgt);
      return typeof st === 'number' || !S_ISDIR(st.mode) ? 'mount point is not a directory' : 'permission denied';
    }
    case EBUSY:
      if (flags & MS_REMOUNT) return 'mount point is busy';
      for (const m of yield* mounts()) if (m.src === src && src !== 'none') return `${src} already mounted on ${m.dir}`;
      return `${src} already mounted or mount point busy`;
    case ENOENT:
      if (typeof (yield* lstat(tgt)) === 'number') return 'mount point does not exist';
      if (typeof (yield* stat(tgt)) === 'number') return 'mount point is a symbolic link to nowhere';
      if (typeof (yield* stat(src)) === 'number') return `special device ${src} does not exist`;
      return `mount(2) system call failed: ${strerror(errno)}`;
    case ENOTDIR: {
      const st = yield* stat(tgt);
      if (typeof st === 'number' || !S_ISDIR(st.mode)) return 'mount point is not a directory';
      return `mount(2) system call failed: ${strerror(errno)}`;
    }
    case EINVAL:
      if (flags & MS_REMOUNT) return 'mount point not mounted or bad option';
      return `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`;
    case EMFILE: return 'mount table full';
    case EIO: return `can't read superblock on ${src}`;
    case ENODEV: return type ? `unknown filesystem type '${type}'` : 'unknown filesystem type';
    case ENOTBLK: return `${src} is not a block device`;
    case ENXIO: return `${src} is not a valid block device`;
    case EACCES: case EROFS:
      if (flags & MS_RDONLY) return `cannot mount ${src} read-only`;
      if (flags & MS_BIND) return `bind ${src} failed`;
      return `mount(2) system call failed: ${strerror(errno)}`;
    default: return `mount(2) system call failed: ${strerror(errno)}`;
  }
}

export function* mount({ argv }: ProgramArgs): UserGen {
  const out = new Output();
  const r = getoptLong(argv[0], argv, { short: 'aBcfFhilL:Mno:O:rRsU:vVwt:T:N:', long: MOUNT_LONG });
  if (!r.ok) {
    yield* writeAll(2, `${r.message}Try 'mount --help' for more information.\n`);
    return MNT_EX_USAGE;
  }
  let type = '';
  const opts: string[] = [];
  let verbose = false;
  let all = false;
  let fake = false;
  for (const { key, value = '' } of r.opts) {
    switch (key) {
      case 't': type = value; break;
      case 'o': opts.push(value); break;
      case 'r': opts.push('ro'); break;
      case 'w': opts.push('rw'); break;
      case 'B': opts.push('bind'); break;
      case 'v': verbose = true; break;
      case 'a': all = true; break;
      case 'f': fake = true; break;
      case 'h': yield* out.put(helpText('mount', argv[0])); return yield* out.finish('mount', 0);
      case 'V': yield* out.put(versionText('mount', argv[0])); return yield* out.finish('mount', 0);
      default: break;
    }
  }
  const ops = r.operands;
  if (all) return MNT_EX_SUCCESS; // nothing in /etc/fstab to mount
  if (!ops.length) {
    // print_all(): every mount, or those of the -t types.
    const types = type ? type.split(',') : null;
    for (const m of yield* mounts()) {
      if (types && !types.includes(m.type)) continue;
      yield* out.put(`${m.src} on ${m.dir} type ${m.type} (${m.opts})\n`);
    }
    return yield* out.finish('mount', MNT_EX_SUCCESS);
  }
  if (ops.length === 1) {
    yield* warn('mount', `${ops[0]}: can't find in /etc/fstab.`);
    return MNT_EX_USAGE;
  }
  if (ops.length > 2) {
    yield* warn('mount', 'bad usage');
    yield* writeAll(2, "Try 'mount --help' for more information.\n");
    return MNT_EX_USAGE;
  }
  const [src] = ops;
  const tgt = (yield* realpath(ops[1])) ?? ops[1];
  const { flags, data } = parseOptions(opts);
  const fail = function* (text: string, syscall: boolean, code: number): UserGen<number> {
    yield* warn('mount', `${tgt}: ${text}.`);
    if (syscall) yield* writeAll(2, DMESG_HINT);
    return code;
  };
  if (!type && !(flags & MS_BIND)) {
    // No type: libmount probes the source; without a device there is nothing to probe.
    const st = yield* stat(src);
    if (typeof st === 'number') return yield* fail(`special device ${src} does not exist`, true, MNT_EX_FAIL);
    return yield* fail(`wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`, true, MNT_EX_FAIL);
  }
  if (fake) return MNT_EX_SUCCESS;
  const rc = yield* sysMount(src, tgt, type, flags, data.join(','));
  if (rc < 0) return yield* fail(yield* mountErrorText(-rc, src, tgt, type, flags), true, MNT_EX_FAIL);
  if (verbose) yield* out.put(`mount: ${src} mounted on ${tgt}.\n`);
  return yield* out.finish('mount', MNT_EX_SUCCESS);
}

const UMOUNT_LONG = {
  all: L('a'), 'all-targets': L('A'), 'no-canonicalize': L('c'), 'detach-loop': L('d'), 'fake': L('fake'), force: L('f'),
  'internal-only': L('i'), 'no-mtab': L('n'), lazy: L('l'), 'test-opts': L('O', 'required'), recursive: L('R'),
  'read-only': L('r'), types: L('t', 'required'), verbose: L('v'), quiet: L('q'), help: L('h'), version: L('V'),
};

export function* umount({ argv }: ProgramArgs): UserGen {
  const out = new Output();
  const r = getoptLong(argv[0], argv, { short: 'aAcdfhilnRrO:qt:vVN:', long: UMOUNT_LONG });
  if (!r.ok) {
    yield* writeAll(2, `${r.message}Try 'umount --help' for more information.\n`);
    return MNT_EX_USAGE;
  }
  let flags = 0;
  let verbose = false;
  let quiet = false;
  for (const { key } of r.opts) {
    if (key === 'f') flags |= MNT_FORCE;
    else if (key === 'l') flags |= MNT_DETACH;
    else if (key === 'v') verbose = true;
    else if (key === 'q') quiet = true;
    else if (key === 'h') {
      yield* out.put(helpText('umount', argv[0]));
      return yield* out.finish('umount', 0);
    } else if (key === 'V') {
      yield* out.put(versionText('umount', argv[0]));
      return yield* out.finish('umount', 0);
    }
  }
  if (!r.operands.length) {
    yield* warn('umount', 'bad usage');
    yield* writeAll(2, "Try 'umount --help' for more information.\n");
    return MNT_EX_USAGE;
  }
  let status = 0;
  for (const arg of r.operands) {
    // A source name is looked up in the mount table; a directory is canonicalized.
    const table = yield* mounts();
    const bySrc = table.filter((m) => m.src === arg).pop();
    const real = yield* realpath(arg);
    const tgt = bySrc && !real ? bySrc.dir : real ?? arg;
    const shown = real && table.some((m) => m.dir === real) ? real : arg;
    const rc = yield* umount2(tgt, flags);
    if (rc === 0) {
      if (verbose) {
        const m = table.filter((x) => x.dir === tgt).pop();
        yield* out.put(`umount: ${tgt} (${m?.src ?? arg}) unmounted\n`);
      }
      continue;
    }
    const e = -rc;
    if (quiet && e === EINVAL) { status |= MNT_EX_FAIL; continue; }
    const text = e === EINVAL ? 'not mounted' : e === EBUSY ? 'target is busy' : e === ENOENT ? 'no mount point specified'
      : e === EPERM ? 'must be superuser to unmount' : e === EIO ? "can't write superblock" : e === ENXIO ? 'invalid block device'
        : e === EACCES ? 'block devices are not permitted on filesystem' : `umount(2) system call failed: ${strerror(e)}`;
    yield* out.flush();
    yield* warn('umount', `${shown}: ${text}.`);
    status |= MNT_EX_FAIL;
  }
  return yield* out.finish('umount', status);
}
