// capsh, crash, man, help, which, tee and tail -f in the machine; the GNU/util-linux/libcap
// texts they print were checked against the real tools on Debian 12.
import { describe, expect, it } from 'vitest';
import { kReadFile, kWriteFile } from '../../src/kernel/vfs_api.ts';
import { runSh } from '../../src/init/testing.ts';
import { capToText } from '../../src/userland/bin/capsh.ts';
import { boot, run, spawn } from './harness.ts';

const ALL = Array.from({ length: 41 }, (_, i) => i);

describe('capsh', () => {
  it('cap_to_text: the prevailing flags, then the exceptions (libcap)', () => {
    expect(capToText({ effective: ALL, permitted: ALL, inheritable: [], bounding: ALL })).toBe('=ep');
    const less = ALL.filter((c) => c !== 24);
    expect(capToText({ effective: less, permitted: less, inheritable: [], bounding: ALL })).toBe('=ep cap_sys_resource-ep');
    expect(capToText({ effective: [], permitted: [], inheritable: [], bounding: ALL })).toBe('=');
    expect(capToText({ effective: [13], permitted: [13], inheritable: [], bounding: ALL })).toBe('cap_net_raw=ep');
  });
  it('--print shows the state as capsh 2.66 does', () => {
    const lines = run(['capsh', '--print']).stdout.split('\n');
    expect(lines[0]).toBe('Current: =ep');
    expect(lines[1].startsWith('Bounding set =cap_chown,cap_dac_override,cap_dac_read_search,')).toBe(true);
    expect(lines[1].endsWith(',cap_bpf,cap_checkpoint_restore')).toBe(true);
    expect(lines).toContain('uid=0(root) euid=0(root)');
    expect(lines).toContain('gid=0(root)');
  });
  it('--drop removes from the bounding set, then -- runs /bin/bash -c CMD', () => {
    const script = 'grep CapBnd /proc/self/status; tr "\\0" " " < /proc/$$/cmdline; echo';
    const r = run(['capsh', '--drop=cap_sys_module,CAP_NET_RAW', '--', '-c', script]);
    // argv[0] is the shell's path, as capsh's execve(argv[i], argv + i) leaves it.
    expect(r.stdout).toBe(`CapBnd:\t000001fffffedfff\n/bin/bash -c ${script} \n`);
    expect(r.code).toBe(0);
  });
  it('a dropped CAP_SYS_MODULE makes module loading fail', () => {
    const r = run(['capsh', '--drop=cap_sys_module', '--', '-c', 'modprobe loop; echo "status $?"']);
    expect(r.stderr).toContain('Operation not permitted');
    expect(r.stdout).toBe('status 1\n');
  });
  it('an unknown capability', () => {
    const r = run(['capsh', '--drop=cap_foo']);
    expect(r.stderr).toBe('capability [cap_foo] is unknown to libcap\n');
    expect(r.code).toBe(1);
  });
  it('an unknown argument prints the usage on stdout, status 1; no argument exits 0', () => {
    const r = run(['capsh', '--bogus']);
    expect(r.stdout.split('\n')[0]).toBe('usage: capsh [args ...]');
    expect(r.code).toBe(1);
    expect(run(['capsh']).code).toBe(0);
  });
});

describe('crash', () => {
  it('dies of SIGSEGV, or SIGABRT with --abort', () => {
    const r = run(['crash']);
    expect(r.signal).toBe(11);
    expect(run(['crash', '--abort']).signal).toBe(6);
  });
  it('the shell reports it', () => {
    const r = runSh('crash; echo "status $?"');
    expect(r.stdout).toBe('status 139\n');
  });
});

describe('man and help', () => {
  it('formats a kmod page to the width', () => {
    const out = run(['man', 'modprobe'], { env: ['MANWIDTH=80'] }).stdout.split('\n');
    expect(out[0]).toBe('MODPROBE(8)                         modprobe                         MODPROBE(8)');
    expect(out).toContain('NAME');
    expect(out).toContain('       modprobe - Add and remove modules from the Linux Kernel');
    expect(out.every((l) => l.length <= 80)).toBe(true);
    expect(out[out.length - 2]).toBe(`kmod${' '.repeat(80 - 4 - 11)}MODPROBE(8)`);
  });
  it('has a page for each kmod tool and modprobe.d(5)', () => {
    for (const page of ['modprobe', 'insmod', 'rmmod', 'lsmod', 'modinfo', 'depmod']) expect(run(['man', page]).code).toBe(0);
    expect(run(['man', '5', 'modprobe.d']).stdout.split('\n')[0]).toMatch(/^MODPROBE\.D\(5\) +modprobe\.d +MODPROBE\.D\(5\)$/);
  });
  it('man-db messages and status 16', () => {
    let r = run(['man']);
    expect(r.stderr).toBe("What manual page do you want?\nFor example, try 'man man'.\n");
    expect(r.code).toBe(1);
    r = run(['man', 'nosuch']);
    expect(r.stderr).toBe('No manual entry for nosuch\n');
    expect(r.code).toBe(16);
    expect(run(['man', '9', 'modprobe']).stderr).toBe('No manual entry for modprobe in section 9\n');
    expect(run(['man', '-f', 'zzz']).stderr).toBe('zzz: nothing appropriate.\n');
  });
  it('whatis lines', () => {
    expect(run(['man', '-f', 'lsmod']).stdout).toBe('lsmod (8)            - Show the status of modules in the Linux Kernel\n');
  });
  it('an installed page in /usr/share/man wins', () => {
    const m = boot();
    kWriteFile(m.k, '/usr/share/man/man1/hello.1', 'HELLO(1)\n  says hello\n');
    expect(run(['man', 'hello'], { machine: m }).stdout).toBe('HELLO(1)\n  says hello\n');
  });
  it('help explains the console and lists the commands', () => {
    const out = run(['help']).stdout;
    expect(out).toContain('request_module()');
    expect(out).toMatch(/Commands in \/sbin:\n.*modprobe/);
  });
});

describe('which', () => {
  it('prints the first match in PATH; -a all of them', () => {
    expect(run(['which', 'ls', 'modprobe']).stdout).toBe('/bin/ls\n/sbin/modprobe\n');
    expect(run(['which', '-a', 'lsmod']).stdout).toBe('/sbin/lsmod\n/bin/lsmod\n');
  });
  it('status 1 when one is missing, and for no names', () => {
    const r = run(['which', 'ls', 'nosuch']);
    expect(r.stdout).toBe('/bin/ls\n');
    expect(r.code).toBe(1);
    expect(run(['which']).code).toBe(1);
  });
  it('a bad option: getopts message and usage on stdout, status 2', () => {
    const r = run(['which', '-x', 'ls']);
    expect(r.stderr).toBe('Illegal option -x\n');
    expect(r.stdout).toBe('Usage: /usr/bin/which [-a] args\n');
    expect(r.code).toBe(2);
  });
});

describe('tee and tail -f', () => {
  it('tee writes every file and standard output; -a appends', () => {
    const m = boot({ files: { '/root/old': 'old\n' } });
    expect(run(['tee', 'a', 'b'], { machine: m, stdin: 'x\n' }).stdout).toBe('x\n');
    run(['tee', '-a', 'old'], { machine: m, stdin: 'new\n' });
    expect(kReadFile(m.k, '/root/a')).toBe('x\n');
    expect(kReadFile(m.k, '/root/b')).toBe('x\n');
    expect(kReadFile(m.k, '/root/old')).toBe('old\nnew\n');
  });
  it('tail -f prints what is appended later, polling in virtual time', () => {
    const m = boot({ files: { '/root/log': 'one\ntwo\n' } });
    const t = spawn(m, ['tail', '-f', '-n', '1', 'log']);
    m.run({ until: m.now + 1.5e9 });
    expect(t.stdout.data).toBe('two\n');
    kWriteFile(m.k, '/root/log', 'one\ntwo\nthree\n');
    m.run({ until: m.now + 2e9 });
    expect(t.stdout.data).toBe('two\nthree\n');
    expect(t.finished).toBe(false);
  });
  it('tail -f --pid stops when the process is gone', () => {
    const m = boot({ files: { '/root/log': 'x\n' } });
    const s = spawn(m, ['sleep', '3']);
    m.run({ until: m.now + 1e6 });
    const t = spawn(m, ['tail', '-f', `--pid=${s.pid}`, 'log']);
    m.run({ stopWhen: () => t.finished, until: m.now + 10e9 });
    expect(t.finished).toBe(true);
    expect(t.stdout.data).toBe('x\n');
  });
});

describe('tail', () => {
  it('parse_obsolete_option(): "-c N" is the option with its argument; "-5", "+3" and "-3c" are the obsolete forms', () => {
    const r = runSh('seq 1 30 | tail -c 6; seq 1 30 | tail -5 | tr "\\n" " "; echo; seq 1 5 | tail +3 | tr "\\n" " "; echo; seq 1 30 | tail -3c');
    expect(r.stdout).toBe('29\n30\n26 27 28 29 30 \n3 4 5 \n30\n');
  });
  it('keeps only the lines it prints: the last lines of 300,000 come out right', () => {
    const r = runSh('seq 1 300000 | tail -n 2; seq 1 300000 | tail -c 7');
    expect(r.stdout).toBe('299999\n300000\n300000\n');
  });
});

describe('yes and ls of /proc/self/fd', () => {
  it('yes | head ends through SIGPIPE (yes is not in the layout: installed here)', () => {
    const files = { '/usr/bin/yes': { content: '\x7fELF\x02\x01\x01khelper-native:yes\n', mode: '755' } };
    const r = runSh('yes | head -n 3; yes ab cd | head -n 1', { files });
    expect(r.stdout).toBe('y\ny\ny\nab cd\n');
    expect(r.status).toBe(0);
  });
  it('ls keeps the directory open while it stats the entries, as readdir users do', () => {
    const r = run(['ls', '/proc/self/fd']);
    expect(r.stdout).toBe('0\n1\n2\n3\n');
    expect(r.stderr).toBe('');
  });
});
