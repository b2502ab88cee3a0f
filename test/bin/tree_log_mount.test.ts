// pstree (psmisc 23.6), dmesg (util-linux 2.38, outputs recorded with `dmesg -F` on the same
// buffer), mount and umount (util-linux 2.38 messages and exit codes, recorded on Debian 12).
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';
import { printk } from '../../src/kernel/printk.ts';
import { newCtl, renderSyslog } from '../../src/userland/bin/dmesg.ts';
import { boot, run, spawn } from './harness.ts';

describe('pstree', () => {
  it('draws the tree under init, children sorted by name', () => {
    const m = boot();
    spawn(m, ['sleep', '100']);
    m.run({ until: m.now + 1e6 });
    expect(run(['pstree'], { machine: m }).stdout).toBe('init-+-scenario---sleep\n     `-scenario---pstree\n');
  });
  it('-p shows pids and does not compact', () => {
    const m = boot();
    const s = spawn(m, ['sleep', '100']);
    m.run({ until: m.now + 1e6 });
    const out = run(['pstree', '-p'], { machine: m }).stdout;
    expect(out.split('\n')[0]).toBe(`init(1)-+-scenario(${s.pid - 1})---sleep(${s.pid})`);
  });
  it('compacts identical subtrees as N*[...]', () => {
    const r = runSh('sleep 100 & sleep 100 & sleep 100 & sleep 0.1; pstree $$; :');
    expect(r.stdout).toBe('sh-+-pstree\n   `-3*[sleep]\n');
  });
  it('-a shows arguments, one process per line', () => {
    const r = runSh('sleep 100 & sleep 0.1; pstree -a $$; :');
    const pid = /pstree -a (\d+)/.exec(r.stdout)![1];
    expect(r.stdout).toBe(`sh -c sleep 100 & sleep 0.1; pstree -a $$; : sh\n  |-pstree -a ${pid}\n  \`-sleep 100\n`);
  });
  it('-n sorts by pid, -c keeps duplicates', () => {
    const r = runSh('sleep 100 & sleep 100 & sleep 0.1; pstree -c $$; :');
    expect(r.stdout).toBe('sh-+-pstree\n   |-sleep\n   `-sleep\n');
    const n = runSh('sleep 100 & sleep 0.1; pstree -n $$; :');
    expect(n.stdout).toBe('sh-+-sleep\n   `-pstree\n');
  });
  it('truncates at COLUMNS with +', () => {
    const r = runSh('sleep 100 & sleep 0.1; COLUMNS=12 pstree $$; :');
    expect(r.stdout).toBe('sh-+-pstree\n   `-sleep\n');
    const t = runSh('sleep 100 & sleep 0.1; COLUMNS=8 pstree $$; :');
    expect(t.stdout).toBe('sh-+-ps+\n   `-sl+\n');
  });
  it('an unknown user is an error', () => {
    const r = run(['pstree', 'nobody']);
    expect(r.stderr).toBe('No such user name: nobody\n');
    expect(r.code).toBe(1);
  });
});

const BUF = '<5>[    0.000000] Linux version 6.6.0\n<6>[    0.000521] Run /sbin/init as init process\n' +
  '<3>[    1.250000] floppy0: no floppy controllers found\n<4>[   12.500001] request_module fs-foo succeeded, but still no fs?\n' +
  '<14>[   13.000000] fake-modprobe: asked for -q -- fs-vfat\n<7>[  123.456789] debug \x01 ctl\n<0>[99999.999999] panic here\n';

describe('dmesg formatting (recorded with dmesg -F)', () => {
  const render = (f: (c: ReturnType<typeof newCtl>) => void): string => {
    const c = newCtl();
    f(c);
    return renderSyslog(BUF, c);
  };
  it('default', () => {
    expect(render(() => undefined)).toBe('[    0.000000] Linux version 6.6.0\n[    0.000521] Run /sbin/init as init process\n' +
      '[    1.250000] floppy0: no floppy controllers found\n[   12.500001] request_module fs-foo succeeded, but still no fs?\n' +
      '[   13.000000] fake-modprobe: asked for -q -- fs-vfat\n[  123.456789] debug \\x01 ctl\n[99999.999999] panic here\n');
  });
  it('-x decodes facility and level', () => {
    expect(render((c) => { c.decode = true; }).split('\n').slice(0, 5)).toEqual(['kern  :notice: [    0.000000] Linux version 6.6.0',
      'kern  :info  : [    0.000521] Run /sbin/init as init process', 'kern  :err   : [    1.250000] floppy0: no floppy controllers found',
      'kern  :warn  : [   12.500001] request_module fs-foo succeeded, but still no fs?', 'user  :info  : [   13.000000] fake-modprobe: asked for -q -- fs-vfat']);
  });
  it('-d shows deltas (a first time of 0 counts as unset)', () => {
    expect(render((c) => { c.delta = true; }).split('\n').slice(0, 3)).toEqual(['[    0.000000 <    0.000000>] Linux version 6.6.0',
      '[    0.000521 <    0.000000>] Run /sbin/init as init process', '[    1.250000 <    1.249479>] floppy0: no floppy controllers found']);
  });
  it('-l filters levels, -u userspace', () => {
    expect(render((c) => { c.levels = new Set([3, 4]); })).toBe('[    1.250000] floppy0: no floppy controllers found\n' +
      '[   12.500001] request_module fs-foo succeeded, but still no fs?\n');
    expect(render((c) => { c.facs = new Set([1]); })).toBe('[   13.000000] fake-modprobe: asked for -q -- fs-vfat\n');
  });
});

describe('dmesg on the machine', () => {
  const withLog = () => {
    const m = boot();
    m.k.printk.records = [];
    printk(m.k, 3, 'floppy0: no floppy controllers found');
    printk(m.k, 6, 'loop: module loaded');
    return m;
  };
  it('reads the log through syslog(2)', () => {
    const r = run(['dmesg', '-t'], { machine: withLog() });
    expect(r.stdout).toBe('floppy0: no floppy controllers found\nloop: module loaded\n');
  });
  it('-r prints the raw records; -x decodes', () => {
    const m = withLog();
    expect(run(['dmesg', '-r'], { machine: m }).stdout).toMatch(/^<3>\[ +\d+\.\d{6}\] floppy0: no floppy controllers found\n<6>\[ +\d+\.\d{6}\] loop: module loaded\n$/);
    expect(run(['dmesg', '-x', '-t'], { machine: m }).stdout).toBe('kern  :err   : floppy0: no floppy controllers found\nkern  :info  : loop: module loaded\n');
  });
  it('-c prints then clears; -C clears silently', () => {
    const m = withLog();
    expect(run(['dmesg', '-c', '-t'], { machine: m }).stdout).toBe('floppy0: no floppy controllers found\nloop: module loaded\n');
    expect(run(['dmesg'], { machine: m }).stdout).toBe('');
    printk(m.k, 6, 'again');
    expect(run(['dmesg', '-C'], { machine: m }).stdout).toBe('');
    expect(run(['dmesg'], { machine: m }).stdout).toBe('');
  });
  it('-n sets the console level (1..8 or a name)', () => {
    const m = boot();
    expect(run(['dmesg', '-n', '1'], { machine: m }).code).toBe(0);
    expect(m.k.printk.consoleLoglevel).toBe(1);
    run(['dmesg', '-n', 'err'], { machine: m });
    expect(m.k.printk.consoleLoglevel).toBe(4);
    const r = run(['dmesg', '-n', '9'], { machine: m });
    expect(r.stderr).toBe("dmesg: unknown level '9'\n");
    expect(r.code).toBe(1);
  });
  it('bad levels and options', () => {
    expect(run(['dmesg', '-l', 'foo']).stderr).toBe("dmesg: unknown level 'foo'\n");
    expect(run(['dmesg', '-Z']).stderr).toBe("dmesg: invalid option -- 'Z'\nTry 'dmesg --help' for more information.\n");
  });
});

describe('mount and umount', () => {
  it('lists /proc/mounts as util-linux does', () => {
    const out = run(['mount']).stdout;
    expect(out).toContain('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n');
    expect(out.split('\n')[0]).toBe('rootfs on / type rootfs (rw,relatime)');
    expect(run(['mount', '-t', 'proc']).stdout).toBe('proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n');
  });
  it('an unknown type: util-linux message, dmesg hint, status 32', () => {
    const r = run(['mount', '-t', 'foofs', 'x', '/mnt']);
    expect(r.stderr).toBe("mount: /mnt: unknown filesystem type 'foofs'.\n       dmesg(1) may have more information after failed mount system call.\n");
    expect(r.code).toBe(32);
  });
  it('the target is canonicalized in messages', () => {
    const r = run(['mount', '-t', 'foofs', 'x', 'mnt'], { cwd: '/' });
    expect(r.stderr.split('\n')[0]).toBe("mount: /mnt: unknown filesystem type 'foofs'.");
  });
  it('a missing mount point', () => {
    const r = run(['mount', '-t', 'tmpfs', 'none', '/nonexist']);
    expect(r.stderr).toBe('mount: /nonexist: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n');
    expect(r.code).toBe(32);
  });
  it('autoloads a filesystem module, lists it, unmounts it', () => {
    const m = boot();
    const r = run(['mount', '-v', '-t', 'vfat', 'none', '/mnt'], { machine: m });
    expect(r.stdout).toBe('mount: none mounted on /mnt.\n');
    expect(run(['mount'], { machine: m }).stdout).toContain('none on /mnt type vfat (rw,relatime)\n');
    expect(run(['umount', '-v', '/mnt'], { machine: m }).stdout).toBe('umount: /mnt (none) unmounted\n');
    const again = run(['umount', '/mnt'], { machine: m });
    expect(again.stderr).toBe('umount: /mnt: not mounted.\n');
    expect(again.code).toBe(32);
  });
  it('usage errors', () => {
    let r = run(['mount', 'mnt']);
    expect(r.stderr).toBe("mount: mnt: can't find in /etc/fstab.\n");
    expect(r.code).toBe(1);
    r = run(['mount', 'a', 'b', 'c']);
    expect(r.stderr).toBe("mount: bad usage\nTry 'mount --help' for more information.\n");
    expect(r.code).toBe(1);
    r = run(['umount', '/nonexist']);
    expect(r.stderr).toBe('umount: /nonexist: no mount point specified.\n');
    expect(r.code).toBe(32);
  });
  it('without -t and without a device', () => {
    const r = run(['mount', 'none', '/mnt']);
    expect(r.stderr).toBe('mount: /mnt: special device none does not exist.\n       dmesg(1) may have more information after failed mount system call.\n');
    expect(r.code).toBe(32);
  });
});
