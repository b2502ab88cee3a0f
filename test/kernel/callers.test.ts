// The kernel's own callers of request_module(): char devices (char-major-M-N, then char-major-M
// when the first returned > 0), socket families (net-pf-N) and filesystems (get_fs_type).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { O_RDWR } from '../../src/uapi/fcntl.ts';
import { AF_INET6, SOCK_STREAM } from '../../src/uapi/resource.ts';
import { mount, open, socket } from '../../src/userland/lib/sys.ts';
import { writeAll } from '../../src/userland/lib/io.ts';
import { events } from './helpers.ts';

function* probe({ argv }: ProgramArgs): UserGen {
  let r: number;
  if (argv[1] === 'open') r = yield* open(argv[2], O_RDWR);
  else if (argv[1] === 'socket') r = yield* socket(Number(argv[2]), SOCK_STREAM);
  else r = yield* mount('none', '/mnt', argv[2]);
  yield* writeAll(1, `${r}\n`);
  return 0;
}

function run(profile: '2.6.20' | '6.6', argv: string[], files: Record<string, string> = {}) {
  const m = new Machine({
    config: { profile }, programs: { probe },
    files: { '/bin/probe': { content: nativeImage('probe'), mode: 0o755 }, ...Object.fromEntries(Object.entries(files).map(([p, c]) => [p, { content: c, mode: 0o644 }])) },
  }).boot();
  const p = startProcess(m.k, { path: '/bin/probe', argv: ['probe', ...argv] });
  m.run({ stopWhen: () => p.finished, until: m.now + 60e9 });
  expect(m.k.oopses).toEqual([]);
  return { m, out: Number(p.stdout.data.trim()), requests: events(m, 'module_request').map((e) => e.name) };
}

describe('request_module callers', () => {
  it('opening a char device with no driver asks for char-major-M-N and the open succeeds once ppdev loaded', () => {
    const r = run('2.6.20', ['open', '/dev/parport0']);
    expect(r.requests).toEqual(['char-major-99-0']);
    expect(r.out).toBeGreaterThanOrEqual(0);
    expect([...r.m.k.modules.byName.keys()]).toEqual(['ppdev']);
  });

  it('char-major-M is asked for only when char-major-M-N returned > 0 (base_probe), and the open fails with -ENXIO', () => {
    const r = run('6.6', ['open', '/dev/parport0'], { '/etc/modprobe.d/no.conf': 'install ppdev /bin/false\n' });
    expect(r.requests).toEqual(['char-major-99-0', 'char-major-99']);
    expect(r.out).toBe(-6);
  });

  it('socket(AF_INET6) asks for net-pf-10 (ipv6 through its alias)', () => {
    const r = run('2.6.20', ['socket', String(AF_INET6)]);
    expect(r.requests).toEqual(['net-pf-10']);
    expect(r.out).toBeGreaterThanOrEqual(0);
    const none = run('2.6.20', ['socket', '41']);
    expect(none.requests).toEqual(['net-pf-41']);
    expect(none.out).toBe(-97);
  });

  it('get_fs_type: 2.6.20 asks for the type name, 6.6 for fs-<type>; an unknown type is -ENODEV', () => {
    expect(run('2.6.20', ['mount', 'vfat'])).toMatchObject({ requests: ['vfat'], out: 0 });
    expect(run('6.6', ['mount', 'vfat'])).toMatchObject({ requests: ['fs-vfat'], out: 0 });
    expect(run('6.6', ['mount', 'zzfs'])).toMatchObject({ requests: ['fs-zzfs'], out: -19 });
  });

  it('6.6 warns once when modprobe succeeded but the filesystem is still unknown', () => {
    const r = run('6.6', ['mount', 'ghostfs'], { '/etc/modprobe.d/ghost.conf': 'install fs-ghostfs /bin/true\n' });
    expect(r.out).toBe(-19);
    expect(r.m.k.printk.records.filter((x) => x.text === 'request_module fs-ghostfs succeeded, but still no fs?')).toHaveLength(1);
  });
});
