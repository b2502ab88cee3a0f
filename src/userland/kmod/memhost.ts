// An in-memory KmodHost for unit tests of the kmod logic: a file map, a tiny module table with
// the sysfs and /proc/modules views libkmod reads, and a recorder for commands. It follows the
// kernel's rules only as far as the tools can observe them (EEXIST for a loaded module, ENOENT
// for a missing dependency, EWOULDBLOCK for a busy one); the real kernel is src/kernel.
// Its methods are generators only to fit KmodHost; none performs a syscall, so most never yield.
import type { Dirent, Stat, UserGen, Utsname } from '../../uapi/syscalls.ts';
import { EAGAIN as EWOULDBLOCK, EEXIST, EISDIR, ENOENT, ENOEXEC, ENOTDIR } from '../../uapi/errno.ts';
import { DT_DIR, DT_REG, O_TRUNC, S_IFDIR, S_IFREG } from '../../uapi/fcntl.ts';
import { moduleNameFromPath, parseKo, koValues } from '../../lib/ko.ts';
import type { KmodHost } from './host.ts';

export interface MemModule {
  name: string;
  size: number;
  refcnt: number;
  holders: string[];
  uses: string[];
  params: string;
  flags: number;
}

/** Resolve `.` and `..` components, as the kernel's path walk does. */
function norm(path: string): string {
  if (path.indexOf('/.') < 0 && path.indexOf('//') < 0) return path;
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return `/${out.join('/')}`;
}

export class MemHost implements KmodHost {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/']);
  /** Directory entries by directory, kept with files and dirs. */
  private readonly kids = new Map<string, Map<string, number>>([['/', new Map()]]);
  /** Newest first, like the kernel's list. */
  modules: MemModule[] = [];
  builtinSysfs = new Set<string>();
  /** A kernel without CONFIG_MODULE_UNLOAD has no refcnt files. */
  noUnload = false;
  stdout = '';
  stderr = '';
  consoleOut = '';
  release = '6.1.0';
  cwd = '/';
  stderrOpen = true;
  clock = 0;
  /** Every kernel-visible action, in order: `finit NAME PARAMS`, `delete NAME`, `system CMD`. */
  readonly calls: string[] = [];
  /** An init function's return value per module name (a failing init leaves nothing loaded). */
  readonly initResult = new Map<string, number>();
  /** Runs an install/remove command: returns the shell's exit code. */
  onSystem: (cmd: string, envp: readonly string[]) => number = () => 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(files)) this.put(p, c);
  }

  private entry(path: string, type: number | null): void {
    const slash = path.lastIndexOf('/');
    const parent = slash > 0 ? path.slice(0, slash) : '/';
    const k = this.kids.get(parent);
    if (!k) return;
    if (type === null) k.delete(path.slice(slash + 1));
    else k.set(path.slice(slash + 1), type);
  }

  put(path: string, content: string): void {
    this.mkdirs(path.slice(0, path.lastIndexOf('/')));
    this.files.set(path, content);
    this.entry(path, DT_REG);
  }

  remove(path: string): void {
    this.files.delete(path);
    this.entry(path, null);
  }

  mkdirs(dir: string): void {
    if (!dir || this.dirs.has(dir)) return;
    this.mkdirs(dir.slice(0, dir.lastIndexOf('/')));
    this.dirs.add(dir);
    this.kids.set(dir, new Map());
    this.entry(dir, DT_DIR);
  }

  find(name: string): MemModule | undefined {
    return this.modules.find((m) => m.name === name);
  }

  /** Mark modules live as a preloaded boot would (holders follow `uses`). */
  preload(name: string, uses: string[] = []): void {
    this.modules.unshift({ name, size: 16384, refcnt: 0, holders: [], uses, params: '', flags: 0 });
    for (const u of uses) {
      const d = this.find(u);
      if (d) {
        d.refcnt++;
        d.holders.push(name);
      }
    }
  }

  private sysfs(path: string): string | null | 'dir' {
    if (!path.startsWith('/sys/')) return null;
    const m = /^\/sys\/module\/([^/]+)(?:\/(initstate|refcnt|holders|coresize))?$/.exec(path);
    if (!m) return null;
    const mod = this.find(m[1]);
    if (!mod) return this.builtinSysfs.has(m[1]) && !m[2] ? 'dir' : null;
    if (!m[2] || m[2] === 'holders') return 'dir';
    if (m[2] === 'initstate') return 'live\n';
    if (m[2] === 'refcnt') return this.noUnload ? null : `${mod.refcnt}\n`;
    return `${mod.size}\n`;
  }

  procModules(): string {
    return this.modules
      .map((m) => `${m.name} ${m.size} ${m.refcnt} ${m.holders.length ? m.holders.map((h) => `${h},`).join('') : '-'} Live 0x0000000000000000\n`)
      .join('');
  }

  *readFile(path: string): UserGen<string | number> {
    path = norm(path);
    if (path === '/proc/modules') return this.procModules();
    const s = this.sysfs(path);
    if (s === 'dir') return -EISDIR;
    if (s !== null) return s;
    const c = this.files.get(path);
    if (c !== undefined) return c;
    return this.dirs.has(path) ? -21 : -ENOENT;
  }

  *stat(path: string): UserGen<Stat | number> {
    path = norm(path);
    const s = this.sysfs(path);
    const isDir = s === 'dir' || this.dirs.has(path);
    if (!isDir && s === null && !this.files.has(path)) return -ENOENT;
    const size = this.files.get(path)?.length ?? 0;
    return { dev: 1, ino: 1, mode: (isDir ? S_IFDIR : S_IFREG) | 0o644, nlink: 1, uid: 0, gid: 0, rdev: 0, size, blksize: 4096, blocks: 0, atime: 0, mtime: 0, ctime: 0 };
  }

  *listDir(path: string): UserGen<Dirent[] | number> {
    path = norm(path);
    const holders = /^\/sys\/module\/([^/]+)\/holders$/.exec(path);
    if (holders) {
      const mod = this.find(holders[1]);
      if (!mod) return -ENOENT;
      return mod.holders.map((h, i) => ({ name: h, ino: i + 2, type: 10 }));
    }
    if (this.files.has(path)) return -ENOTDIR;
    const k = this.kids.get(path);
    if (!k) return -ENOENT;
    return [...k].map(([name, type]) => ({ name, ino: 1, type }));
  }

  *getcwd(): UserGen<string | number> {
    return this.cwd;
  }

  *uname(): UserGen<Utsname> {
    return { sysname: 'Linux', nodename: 'khelper', release: this.release, version: '#1', machine: 'i686', domainname: '(none)' };
  }

  *insertModule(path: string, params: string, flags: number): UserGen<number> {
    path = norm(path);
    const content = this.files.get(path);
    if (content === undefined) return -ENOENT;
    const ko = parseKo(content);
    if (!ko.ok) return -ENOEXEC;
    const name = ko.image.name ?? moduleNameFromPath(path);
    this.calls.push(`finit ${name}${params ? ` ${params}` : ''}`);
    if (this.find(name)) return -EEXIST;
    const uses = koValues(ko.image, 'depends').flatMap((d) => d.split(',')).filter((d) => d);
    if (uses.some((u) => !this.find(u))) return -ENOENT;
    const r = this.initResult.get(name) ?? 0;
    if (r < 0) return r;
    this.modules.unshift({ name, size: 16384, refcnt: 0, holders: [], uses, params, flags });
    for (const u of uses) {
      const d = this.find(u);
      if (d) {
        d.refcnt++;
        d.holders.push(name);
      }
    }
    return 0;
  }

  *deleteModule(name: string, flags: number): UserGen<number> {
    this.calls.push(`delete ${name}`);
    const mod = this.find(name);
    if (!mod) return -ENOENT;
    if (mod.holders.length) return -EWOULDBLOCK;
    if (mod.refcnt > 0 && !(flags & O_TRUNC)) return -EWOULDBLOCK;
    this.modules = this.modules.filter((m) => m !== mod);
    for (const u of mod.uses) {
      const d = this.find(u);
      if (d) {
        d.refcnt--;
        d.holders = d.holders.filter((h) => h !== name);
      }
    }
    return 0;
  }

  *system(cmd: string, envp: readonly string[]): UserGen<number> {
    this.calls.push(`system ${cmd}`);
    return (this.onSystem(cmd, envp) & 0xff) << 8;
  }

  *write(fd: number, data: string): UserGen<number> {
    if (fd === 1) this.stdout += data;
    else if (fd === 2) this.stderr += data;
    return data.length;
  }

  *console(data: string): UserGen<void> {
    this.consoleOut += `${data}\r\n`;
  }

  *fdOpen(fd: number): UserGen<boolean> {
    return fd !== 2 || this.stderrOpen;
  }

  *nowMs(): UserGen<number> {
    return this.clock;
  }

  *sleepMs(ms: number): UserGen<number> {
    this.clock += ms;
    return 0;
  }

  *writeFile(path: string, data: string): UserGen<number> {
    this.put(path, data);
    return 0;
  }

  *rename(from: string, to: string): UserGen<number> {
    const c = this.files.get(from);
    if (c === undefined) return -ENOENT;
    this.remove(from);
    this.put(to, c);
    return 0;
  }

  *mkdirP(path: string): UserGen<number> {
    this.mkdirs(path);
    return 0;
  }
}
