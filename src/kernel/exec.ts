// fs/exec.c + fs/binfmt_script.c: do_execve() with its error codes, #! scripts, our native
// programs (binfmt_native stands in for binfmt_elf) and, for an unknown format, the
// request_module("binfmt-%04x") retry that 2.6.20 through 6.13 make.
import { E2BIG, EACCES, ELOOP, ENOEXEC } from '../uapi/errno.ts';
import { MS_NOEXEC, S_IFMT, S_IFREG } from '../uapi/fcntl.ts';
import { NATIVE_MAGIC } from '../uapi/syscalls.ts';
import { complete } from './completion.ts';
import { closeOnExec, copyFiles } from './file.ts';
import type { Kernel } from './kernel.ts';
import { flushSignalHandlers } from './signal.ts';
import { PF_KTHREAD } from './task.ts';
import type { KGen, Task } from './task.ts';
import { EV } from './trace.ts';
import { lookup } from './vfs.ts';
import type { Inode } from './vfs.ts';
import { requestModuleAny } from './autoload.ts';
import { touchAtime } from './ramfs.ts';

const BINPRM_BUF_SIZE = 128;
/** 2.6.20: MAX_ARG_PAGES (32) pages for argv+envp; later kernels: a quarter of the stack limit. */
const MAX_ARG_STRLEN = 32 * 4096;

interface Binprm {
  filename: string;
  interp: string;
  argv: string[];
  envp: readonly string[];
  buf: string;
  inode: Inode;
  /** Scripts seen so far (2.6.20 allows one: sh_bang; later kernels BINPRM_MAX_RECURSION). */
  depth: number;
}

const printable = (c: number): boolean => c === 9 || c === 10 || (c >= 0x20 && c <= 0x7e);

/** open_exec(): a regular file with an execute bit, not on a noexec mount. */
function openExec(k: Kernel, t: Task, path: string): Inode | number {
  const nd = lookup(k, t, path);
  if (typeof nd === 'number') return nd;
  const inode = nd.inode;
  if ((inode.mode & S_IFMT) !== S_IFREG) return -EACCES;
  if (!(inode.mode & 0o111)) return -EACCES;
  if (inode.sb.flags & MS_NOEXEC) return -EACCES;
  if (t.cred.euid !== 0) {
    const m = inode.mode;
    const ok = t.cred.euid === inode.uid ? m & 0o100 : t.cred.egid === inode.gid ? m & 0o010 : m & 0o001;
    if (!ok) return -EACCES;
  }
  return inode;
}

function argSize(k: Kernel, t: Task, argv: readonly string[], envp: readonly string[]): number {
  let total = 0;
  for (const s of argv) {
    if (s.length + 1 > MAX_ARG_STRLEN) return -E2BIG;
    total += s.length + 1 + 8;
  }
  for (const s of envp) {
    if (s.length + 1 > MAX_ARG_STRLEN) return -E2BIG;
    total += s.length + 1 + 8;
  }
  const limit = k.legacy ? 32 * 4096 : Math.max(32 * 4096, Math.floor(t.signal.rlim[3].cur / 4));
  return total > limit ? -E2BIG : 0;
}

/** load_script(): "#!interp [arg]" -> exec interp with [interp, arg?, filename, argv[1..]]. */
function* loadScript(k: Kernel, t: Task, b: Binprm): KGen<number> {
  if (b.buf[0] !== '#' || b.buf[1] !== '!') return -ENOEXEC;
  if (k.legacy ? b.depth > 0 : b.depth > 4) return k.legacy ? -ENOEXEC : -ELOOP;
  let line = b.buf.slice(2, BINPRM_BUF_SIZE - 1);
  const nl = line.indexOf('\n');
  if (nl >= 0) line = line.slice(0, nl);
  line = line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, '');
  const z = line.indexOf('\0');
  if (z >= 0) line = line.slice(0, z);
  if (!line) return -ENOEXEC;
  const m = /^([^ \t]+)[ \t]*(.*)$/.exec(line)!;
  const iName = m[1];
  const iArg = m[2] || null;
  const argv = [iName, ...(iArg !== null ? [iArg] : []), b.interp, ...b.argv.slice(1)];
  const inode = openExec(k, t, iName);
  if (typeof inode === 'number') return inode;
  touchAtime(k, inode);
  const next: Binprm = { ...b, argv, interp: iName, buf: inode.data.slice(0, BINPRM_BUF_SIZE), inode, depth: b.depth + 1 };
  return yield* searchBinaryHandler(k, t, next);
}

/** binfmt_native: our stand-in for an ELF binary; the name after the magic picks the program. */
function loadNative(k: Kernel, t: Task, b: Binprm): number {
  if (!b.buf.startsWith(NATIVE_MAGIC)) return -ENOEXEC;
  const end = b.buf.indexOf('\n', NATIVE_MAGIC.length);
  const name = b.buf.slice(NATIVE_MAGIC.length, end < 0 ? undefined : end);
  const prog = k.programs.get(name);
  if (!prog) return -ENOEXEC;
  flushOldExec(k, t, b);
  t.execPending = prog({ argv: b.argv, envp: b.envp });
  return 0;
}

/** flush_old_exec() + setup_new_exec(): the point of no return. */
function flushOldExec(k: Kernel, t: Task, b: Binprm): void {
  if (t.files.users > 1) {
    t.files.users--;
    t.files = copyFiles(k, t.files);
  }
  const base = b.filename.slice(b.filename.lastIndexOf('/') + 1);
  t.comm = base.slice(0, 15);
  t.mm = true;
  t.flags &= ~PF_KTHREAD;
  closeOnExec(k, t);
  flushSignalHandlers(t, false);
  t.argv = b.argv;
  t.envp = b.envp;
  t.exe = b.interp;
  // cap_bprm_set_creds() for root: pP' = (pI & fI) | (fP & bset) with fI = fP = all, pE' = pP'.
  // 2.6.20 cap_bprm_apply_creds() computes the same (cap_bset is the global bounding set) but
  // skips init: "For init, we want to retain the capabilities set in the init_task struct".
  if (t.cred.euid === 0 && !(k.legacy && t.pid === 1)) {
    const c = t.cred;
    const p0 = (c.capInheritable[0] | c.capBset[0]) >>> 0, p1 = (c.capInheritable[1] | c.capBset[1]) >>> 0;
    // Credentials are replaced whole; when nothing changes (the usual case) the old ones stay.
    if (c.capPermitted[0] !== p0 || c.capPermitted[1] !== p1 || c.capEffective[0] !== p0 || c.capEffective[1] !== p1) {
      t.cred = { ...c, capPermitted: [p0, p1], capEffective: [p0, p1] };
    }
  }
  if (t.vforkDone) {
    complete(k, t.vforkDone);
    t.vforkDone = null;
  }
}

function* searchBinaryHandler(k: Kernel, t: Task, b: Binprm): KGen<number> {
  for (let attempt = 0; attempt < 2; attempt++) {
    let r = loadNative(k, t, b);
    if (r !== -ENOEXEC) return r;
    r = yield* loadScript(k, t, b);
    if (r !== -ENOEXEC) return r;
    if (attempt === 1 || !k.config.kmod) break;
    const c = (i: number) => (b.buf.charCodeAt(i) || 0) & 0xff;
    if (printable(c(0)) && printable(c(1)) && printable(c(2)) && printable(c(3))) break;
    const id = (c(2) | (c(3) << 8)).toString(16).padStart(4, '0');
    const ret = yield* requestModuleAny(k, `binfmt-${id}`, true);
    if (k.modern && ret < 0) break;
  }
  return -ENOEXEC;
}

/**
 * do_execve(): 0 on success (t.execPending holds the new program; the caller returns to user
 * mode), or -errno with the old image intact.
 */
export function* doExecve(k: Kernel, path: string, argv: readonly string[], envp: readonly string[], src = 0): KGen<number> {
  const t = k.current;
  k.sched.charge(k.config.costs.exec);
  const inode = openExec(k, t, path);
  if (typeof inode === 'number') return execRet(k, t, path, argv, envp, src, inode);
  const size = argSize(k, t, argv, envp);
  if (size < 0) return execRet(k, t, path, argv, envp, src, size);
  // prepare_binprm()'s kernel_read() is a read of the file: its atime.
  touchAtime(k, inode);
  // prepare_binprm() zeroes the buffer first: an empty file reads as four NUL bytes.
  const buf = inode.data.slice(0, BINPRM_BUF_SIZE).padEnd(4, '\0');
  const b: Binprm = { filename: path, interp: path, argv: [...argv], envp, buf, inode, depth: 0 };
  const r = yield* searchBinaryHandler(k, t, b);
  return execRet(k, t, path, argv, envp, src, r < 0 ? r : 0);
}

/** The sched_process_exec event, success or failure, and the return value. */
function execRet(k: Kernel, t: Task, path: string, argv: readonly string[], envp: readonly string[], src: number, ret: number): number {
  const tr = k.trace;
  if (tr.begin(EV.sched_process_exec, k.sched.now, t, src)) tr.s(path).i(t.pid).i(t.pid).ss(argv).ss(envp).i(ret);
  return ret;
}
