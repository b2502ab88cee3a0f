import { describe, expect, it } from 'vitest';
import { runSync } from './host.ts';
import { KmodCtx, KMOD_MODULE_BUILTIN } from './ctx.ts';
import { Logger } from './log.ts';
import { EnvVars } from './envvars.ts';
import { loadConfig } from './loadconfig.ts';
import { DIR, modprobe, rmmod, tree } from './testkit.ts';
import type { MemHost } from './memhost.ts';

function ctxOf(h: MemHost): KmodCtx {
  const log = new Logger(h, 'test');
  const config = runSync(loadConfig(h, log, DIR, null));
  return new KmodCtx(h, log, DIR, config, new EnvVars([]));
}

describe('libkmod context', () => {
  it('test-dependencies: three dependencies in different directories, names normalized', () => {
    const h = tree({});
    h.put(`${DIR}/modules.dep`, 'kernel/fs/mod-foo.ko: kernel/lib/mod-foo-c.ko kernel/mod-foo-b.ko updates/mod-foo-a.ko\n');
    for (const p of ['kernel/fs/mod-foo.ko', 'kernel/lib/mod-foo-c.ko', 'kernel/mod-foo-b.ko', 'updates/mod-foo-a.ko']) h.put(`${DIR}/${p}`, '');
    const ctx = ctxOf(h);
    const list = runSync(ctx.lookup('mod-foo'));
    if (typeof list === 'number') throw new Error('lookup failed');
    const deps = runSync(ctx.dependencies(list[0])).map((m) => m.name);
    expect(deps.sort()).toEqual(['mod_foo_a', 'mod_foo_b', 'mod_foo_c']);
  });

  it('test-new-module from_alias: a config alias ext4.* resolves the request ext4.*', () => {
    const h = tree({ ext4: [] }, { '/etc/modprobe.d/modprobe.conf': 'alias ext4.* ext4\n' });
    const list = runSync(ctxOf(h).lookup('ext4.*'));
    expect(typeof list === 'number' ? list : list.map((m) => m.name)).toEqual(['ext4']);
  });

  it('test-initstate: a module in modules.builtin is "builtin", by lookup or by name', () => {
    const h = tree({}, { [`${DIR}/modules.builtin`]: 'kernel/fs/ext4/ext4.ko\n' });
    const ctx = ctxOf(h);
    const list = runSync(ctx.lookup('ext4'));
    if (typeof list === 'number') throw new Error('lookup failed');
    expect(runSync(ctx.initstate(list[0]))).toBe(KMOD_MODULE_BUILTIN);
    expect(runSync(ctxOf(h).initstate(ctxOf(h).fromName('ext4')))).toBe(KMOD_MODULE_BUILTIN);
  });

  it('modprobe_module_from_abspath: modprobe /home/foo/mod-simple.ko loads it', () => {
    const h = tree({}, { '/home/foo/mod-simple.ko': '' });
    expect(modprobe(h, '/home/foo/mod-simple.ko').calls).toEqual(['finit mod_simple']);
  });

  it('without refcnt files: modprobe -r skips the delete silently; rmmod says unloading is not supported', () => {
    const h = tree({ m: [] });
    h.preload('m');
    h.noUnload = true;
    expect(modprobe(h, '-r', 'm')).toMatchObject({ status: 0, stderr: '', calls: [] });
    expect(rmmod(h, 'm')).toMatchObject({ status: 1, stderr: 'rmmod: ERROR: Module unloading is not supported\n' });
  });
});
