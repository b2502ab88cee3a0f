// Running the kmod programs inside a booted machine, without a shell: each call starts one
// process through the init/ harness (the path a usermode helper takes) and runs the machine
// until it exits.
import { fileSpecs, type ShOptions } from '../../src/init/testing.ts';
import { startProcess } from '../../src/init/run.ts';
import { Machine } from '../../src/init/machine.ts';
import { bytesToUtf8, utf8ToBytes } from '../../src/lib/bytes.ts';
import { kReadFile, kWriteFile } from '../../src/kernel/vfs_api.ts';
import type { Program, ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';

export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
}

export function boot(opts: Pick<ShOptions, 'files' | 'programs' | 'profile' | 'rootfs'> & { cmdline?: string; loaded?: string[] } = {}): Machine {
  return new Machine({
    config: { profile: opts.profile ?? '2.6.20', ...(opts.cmdline !== undefined ? { cmdline: opts.cmdline } : {}) },
    rootfs: opts.rootfs ?? 'default',
    files: fileSpecs(opts.files),
    programs: opts.programs,
    loaded: opts.loaded,
  }).boot();
}

/** The module directory of a booted machine. */
export const moddir = (m: Machine): string => `/lib/modules/${m.k.config.release}`;

/** Run argv[0] (an absolute path) with argv; returns its output and exit code. */
export function run(m: Machine, argv: string[], envp?: string[]): Ran {
  const r = startProcess(m.k, { path: argv[0], argv, envp, cwd: '/root' });
  m.run({ until: m.now + 600e9, maxEvents: 50_000_000, stopWhen: () => r.finished });
  if (!r.finished) throw new Error(`${argv.join(' ')} did not finish`);
  return { stdout: bytesToUtf8(r.stdout.data), stderr: bytesToUtf8(r.stderr.data), status: (r.status >> 8) & 0xff };
}

export function read(m: Machine, path: string): string | number {
  const c = kReadFile(m.k, path);
  return typeof c === 'number' ? c : bytesToUtf8(c);
}

export function write(m: Machine, path: string, text: string, mode = 0o644): void {
  kWriteFile(m.k, path, utf8ToBytes(text), mode);
}

/** Module names in /proc/modules, newest first. */
export function procModules(m: Machine): string[] {
  const c = read(m, '/proc/modules');
  return typeof c === 'number' ? [] : c.split('\n').filter((l) => l).map((l) => l.split(' ')[0]);
}

/** A test program: mount(2) of a filesystem type, printing the kernel's answer. */
export const mountProbe: Program = function* ({ argv }: ProgramArgs): UserGen {
  const r = (yield { nr: 'mount', source: 'none', target: '/mnt', fstype: argv[1], flags: 0, data: '' }) as number;
  yield { nr: 'write', fd: 1, data: `mount ${argv[1]}: ${r}\n` };
  return r === 0 ? 0 : 1;
};

/**
 * Two independent modules (kh-a, kh-b) on 2.6.20, modules.order and empty builtin lists, as
 * modules_install leaves them, indexed by our depmod: the tree the kmod-diff tests recorded
 * the real kmod against.
 */
export function twoModules(files: Record<string, string>, cmdline = ''): Machine {
  const R = '/lib/modules/2.6.20-khelper';
  const m = boot({
    rootfs: 'minimal',
    cmdline,
    files: {
      [`${R}/kernel/misc/kh-a.ko`]: 'license=GPL\ndepends=\nname=kh_a\n',
      [`${R}/kernel/misc/kh-b.ko`]: 'license=GPL\ndepends=\nname=kh_b\n',
      [`${R}/modules.order`]: 'kernel/misc/kh-a.ko\nkernel/misc/kh-b.ko\n',
      [`${R}/modules.builtin`]: '',
      [`${R}/modules.builtin.modinfo`]: '',
      ...files,
    },
  });
  const r = run(m, ['/sbin/depmod']);
  if (r.status !== 0) throw new Error(`depmod failed: ${r.stderr}`);
  return m;
}

