import { describe, expect, it } from 'vitest';
import { DIR, loaded, modprobe, tree } from './testkit.ts';
import { backoff } from './modprobe-remove.ts';

const conf = (text: string) => ({ '/etc/modprobe.d/t.conf': text });

describe('modprobe -r', () => {
  it('fact 17: a name that resolves to nothing: Module X not found.', () => {
    expect(modprobe(tree({}), '-r', 'nosuch')).toMatchObject({ status: 1, stderr: 'modprobe: FATAL: Module nosuch not found.\n' });
  });

  it('fact 17: known but not loaded is a silent success; with --first-time it is an error', () => {
    const h = tree({ m: [] });
    expect(modprobe(h, '-r', 'm')).toMatchObject({ status: 0, stderr: '', calls: [] });
    expect(modprobe(h, '-r', '--first-time', 'm')).toMatchObject({ status: 1, stderr: 'modprobe: FATAL: Module m is not in kernel.\n' });
  });

  it('fact 17 / fact 21: a built-in module cannot be removed', () => {
    const h = tree({}, { [`${DIR}/modules.builtin`]: 'kernel/fs/tinyfs/tinyfs.ko\n' });
    expect(modprobe(h, '-r', 'tinyfs')).toMatchObject({ status: 1, stderr: 'modprobe: FATAL: Module tinyfs is builtin.\n' });
  });

  it('fact 17: a module in use: Module X is in use. (with the period)', () => {
    const h = tree({ lib: [], user: ['lib'] });
    h.preload('lib');
    h.preload('user', ['lib']);
    expect(modprobe(h, '-r', 'lib')).toMatchObject({ status: 1, stderr: 'modprobe: FATAL: Module lib is in use.\n', calls: [] });
  });

  it('fact 17: a remove command runs and nothing else happens', () => {
    const h = tree({ dep: [], m: ['dep'] }, conf('remove m /bin/echo bye $CMDLINE_OPTS\noptions m x=1\n'));
    h.preload('dep');
    h.preload('m', ['dep']);
    const r = modprobe(h, '-r', '-v', 'm');
    expect(r.stdout).toBe('remove /bin/echo bye \n');
    expect(r.calls).toEqual(['system /bin/echo bye ']);
    expect(loaded(h)).toEqual(['m', 'dep']);
  });

  it('fact 17: a failing remove command is FATAL', () => {
    const h = tree({ m: [] }, conf('remove m /bin/false\n'));
    h.onSystem = () => 1;
    expect(modprobe(h, '-r', 'm')).toMatchObject({ status: 1, stderr: 'modprobe: FATAL: Error running remove command for m\n' });
  });

  it('fact 17: one deepest-first pass removes dependencies whose refcount is now 0 (case 24 leaves ringlib)', () => {
    const h = tree({ ringlib: [], vidbuf: ['ringlib'], camcore: ['vidbuf', 'ringlib'] });
    modprobe(h, 'camcore');
    const r = modprobe(h, '-r', '-v', 'camcore');
    expect(r.stdout).toBe('rmmod camcore\nrmmod vidbuf\n');
    expect(loaded(h)).toEqual(['ringlib']);
  });

  it('fact 17: sibling dependencies are all removed, in reverse modules.dep order (case 23)', () => {
    const h = tree({ a: [], b: [], top: ['a', 'b'] });
    modprobe(h, 'top');
    expect(modprobe(h, '-r', '-v', 'top').stdout).toBe('rmmod top\nrmmod b\nrmmod a\n');
    expect(loaded(h)).toEqual([]);
  });

  it('fact 17: post-softdeps are removed before the module, pre-softdeps after it (case 35)', () => {
    const h = tree({ camlite: [], fwloader: [], camstats: [] }, conf('softdep camlite pre: fwloader post: camstats\n'));
    modprobe(h, 'camlite');
    expect(modprobe(h, '-r', '-v', 'camlite').stdout).toBe('rmmod camstats\nrmmod camlite\nrmmod fwloader\n');
  });

  it('the kernel refusing the delete: could not remove', () => {
    const h = tree({ m: [] });
    h.preload('m');
    const orig = h.deleteModule.bind(h);
    h.deleteModule = function* (name: string, flags: number) {
      yield* orig('nothing', flags);
      return name === 'm' ? -1 : 0;
    };
    expect(modprobe(h, '-r', 'm')).toMatchObject({ status: 1, stderr: "modprobe: ERROR: could not remove 'm': Operation not permitted\n" });
  });

  it('--remove-holders removes the holders first (and implies -r in the dev tree)', () => {
    const h = tree({ lib: [], user: ['lib'] });
    h.preload('lib');
    h.preload('user', ['lib']);
    const r = modprobe(h, '--remove-holders', '-v', 'lib');
    expect(r.stdout).toBe('rmmod user\nrmmod lib\n');
    expect(loaded(h)).toEqual([]);
  });

  it('-w skips the refcount check and retries a busy module with backoff until the deadline', () => {
    const h = tree({ lib: [] });
    h.preload('lib');
    h.find('lib')!.refcnt = 1;
    const r = modprobe(h, '-r', '-w', '10', 'lib');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("modprobe: ERROR: could not remove 'lib': Resource temporarily unavailable\n");
    expect(r.calls.filter((c) => c === 'delete lib').length).toBe(4);
    expect(h.clock).toBe(10);
  });

  it('get_backoff_delta_msec doubles the delay and caps it at the time left', () => {
    expect(backoff(100, 0, 1)).toEqual({ until: 2, delta: 2 });
    expect(backoff(100, 90, 16)).toEqual({ until: 98, delta: 8 });
    expect(backoff(100, 100, 4)).toEqual({ until: 100, delta: 0 });
  });

  it('-r with -a removes every argument; -r -n shows without removing', () => {
    const h = tree({ a: [], b: [] });
    modprobe(h, '-a', 'a', 'b');
    expect(modprobe(h, '-r', '-n', 'a', 'b')).toMatchObject({ stdout: 'rmmod a\nrmmod b\n', calls: [] });
    expect(modprobe(h, '-r', 'a', 'b').status).toBe(0);
    expect(loaded(h)).toEqual([]);
  });
});
