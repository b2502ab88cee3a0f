// fs/exec.c do_coredump() (2.6.20) and fs/coredump.c (6.6) for a task killed by a core signal:
// core_pattern with its % specifiers, a "|program" pattern run through the pipe helper
// (2.6.20: call_usermodehelper_pipe with no argv or envp; 6.6: argv split from the pattern,
// empty envp, RLIMIT_CORE 1 in the helper), files otherwise, and 0x80 in the status once dumped.
import { O_CREAT, O_NOFOLLOW, O_WRONLY, S_IFREG } from '../uapi/fcntl.ts';
import { RLIMIT_CORE, RLIM_INFINITY, KERN_INFO, KERN_WARNING } from '../uapi/resource.ts';
import { doExit } from './exit.ts';
import { File, fput } from './file.ts';
import type { Kernel } from './kernel.ts';
import { callUsermodehelperPipe } from './kmod.ts';
import { printk } from './printk.ts';
import { regFileOps } from './ramfs.ts';
import { setRlimit } from './task.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { callUsermodehelperExec, callUsermodehelperSetup, UMH_WAIT_EXEC } from './umh.ts';
import { lookup } from './vfs.ts';
import { createPipe } from './pipe.ts';
import { fdInstallAt } from './file.ts';
import { writeAllBlocking } from './sys_rw.ts';

/** ELF's min_coredump: one page. */
const MIN_COREDUMP = 4096;

/** A small, recognisable ELF core image (the layout of a real one is not modelled). */
function coreImage(k: Kernel, sig: number): string {
  const t = k.current;
  const head = `\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x04\0>\0CORE pid=${t.pid} comm=${t.comm} sig=${sig}\n`;
  return head + '\0'.repeat(8192 - head.length);
}

/** format_corename(): expand the % specifiers of core_pattern. */
export function formatCorename(k: Kernel, pattern: string, sig: number): string {
  const t = k.current;
  const lim = t.signal.rlim[RLIMIT_CORE].cur;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '%' || i + 1 >= pattern.length) {
      out += c;
      continue;
    }
    const s = pattern[++i];
    switch (s) {
      case '%': out += '%'; break;
      case 'p': case 'P': case 'i': case 'I': out += String(t.pid); break;
      case 'u': out += String(t.cred.uid); break;
      case 'g': out += String(t.cred.gid); break;
      case 's': out += String(sig); break;
      case 't': out += String(k.bootTime + Math.floor(k.sched.now / 1e9)); break;
      case 'h': out += k.sysctl.hostname; break;
      case 'e': out += t.comm; break;
      case 'E': out += t.exe.replace(/\//g, '!'); break;
      case 'c': out += lim >= RLIM_INFINITY ? '18446744073709551615' : String(lim); break;
      case 'd': out += '1'; break;
      default: break;
    }
  }
  return out;
}

/** do_coredump(): true if a core was written (the exit status then gets 0x80). */
function* doCoredump(k: Kernel, sig: number): KGen<boolean> {
  const t = k.current;
  const pattern = k.sysctl.corePattern;
  const limit = t.signal.rlim[RLIMIT_CORE].cur;
  const corename = formatCorename(k, pattern, sig);
  const ispipe = corename.startsWith('|');
  const tr = k.trace;
  const traced = (ret: number): void => {
    if (tr.begin(EV.coredump, k.sched.now, t)) tr.i(sig).s(corename).i(ret);
  };
  let file: File | null = null;
  if (k.legacy) {
    if (limit < MIN_COREDUMP) return false;
    if (ispipe) {
      const [ret, w] = yield* callUsermodehelperPipe(k, corename.slice(1), [], []);
      traced(ret);
      if (ret) {
        printk(k, KERN_INFO, `Core dump to ${corename} pipe failed`);
        return false;
      }
      file = w;
    }
  } else if (ispipe) {
    if (limit === 1) {
      printk(k, KERN_WARNING, `Process ${t.pid}(${t.comm}) has RLIMIT_CORE set to 1`);
      printk(k, KERN_WARNING, 'Aborting core');
      return false;
    }
    const argv = corename.slice(1).split(/[ \t]+/).filter(Boolean);
    if (!argv.length) return false;
    let writeEnd: File | null = null;
    const info = callUsermodehelperSetup(k, argv[0], argv, [], (kk) => {
      // umh_pipe_setup(): the read end becomes fd 0 and RLIMIT_CORE is 1 (catches recursion).
      const [r, w] = createPipe(kk);
      writeEnd = w;
      fdInstallAt(kk, kk.current, 0, r, false);
      setRlimit(kk.current, RLIMIT_CORE, { cur: 1, max: 1 });
      return 0;
    });
    const ret = yield* callUsermodehelperExec(k, info, UMH_WAIT_EXEC);
    traced(ret);
    if (ret) {
      printk(k, KERN_INFO, `Core dump to |${corename.slice(1)} pipe failed`);
      if (writeEnd) fput(k, writeEnd);
      return false;
    }
    file = writeEnd;
  }
  if (!ispipe) {
    if (limit < MIN_COREDUMP) return false;
    const nd = lookup(k, t, corename, { parent: true, follow: false });
    if (typeof nd === 'number' || !nd.dir.dirOps?.create) return false;
    let inode = nd.inode;
    if (!inode) {
      const r = nd.dir.dirOps.create(k, nd.dir, nd.name, S_IFREG | 0o600);
      if (typeof r === 'number') return false;
      inode = r;
    }
    file = new File(inode, regFileOps, O_WRONLY | O_CREAT | O_NOFOLLOW, corename);
    inode.data = '';
    traced(0);
  }
  if (!file) return false;
  // elf_core_dump() reports "dumped" once it has started, even if the pipe's reader went away.
  yield* writeAllBlocking(k, file, coreImage(k, sig).slice(0, limit >= RLIM_INFINITY || ispipe ? undefined : limit));
  fput(k, file);
  return true;
}

/** The end of a task killed by sig: a core dump for core signals, then do_exit(sig [| 0x80]). */
export function* doCoredumpAndExit(k: Kernel, sig: number, core = false): KGen<never> {
  let dumped = false;
  if (core) dumped = yield* doCoredump(k, sig);
  return yield* doExit(k, sig | (dumped ? 0x80 : 0));
}
