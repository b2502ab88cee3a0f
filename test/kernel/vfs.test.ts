// Path walk and open details of fs/namei.c and fs/proc/fd.c that shells and coreutils lean on;
// the expected texts are what bash 5.2 and coreutils 9.1 print on Linux 6.1 (Debian 12).
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

const sh = (script: string, profile: '2.6.20' | '6.6' = '6.6') => runSh(script, { shell: 'bash', profile });

describe('namei: trailing slashes (LOOKUP_DIRECTORY)', () => {
  it('a regular file named with a trailing slash is ENOTDIR for open, stat and unlink', () => {
    const r = sh('echo x > f; cat f/; ls f/; rm f/; ls f');
    expect(r.stderr).toBe([
      'cat: f/: Not a directory',
      "ls: cannot access 'f/': Not a directory",
      "rm: cannot remove 'f/': Not a directory",
      '',
    ].join('\n'));
    expect(r.stdout).toBe('f\n');
  });
  it('creating a file with a trailing slash is EISDIR (open_last_lookups); mkdir accepts it', () => {
    const r = sh('echo x > new/; echo "rc=$?"; mkdir d/ && ls -d d');
    expect(r.stderr).toBe('bash: line 1: new/: Is a directory\n');
    expect(r.stdout).toBe('rc=1\nd\n');
  });
  it('a symlink to a directory with a trailing slash resolves to the directory', () => {
    const r = sh('mkdir -p d; touch d/a; ln -s d l; ls l/; ln -s f lf; cat lf/');
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toBe('cat: lf/: No such file or directory\n');
  });
});

describe('/proc/<pid>/fd magic links and /dev/fd', () => {
  it('/dev/stdin, /dev/stdout and /dev/fd are the udev symlinks', () => {
    const r = sh('readlink /dev/stdin /dev/stdout /dev/stderr /dev/fd');
    expect(r.stdout).toBe('/proc/self/fd/0\n/proc/self/fd/1\n/proc/self/fd/2\n/proc/self/fd\n');
  });
  it('opening /proc/self/fd/N of a pipe opens the same pipe (fifo_open), not the text pipe:[N]', () => {
    const r = sh('echo hello | cat /dev/stdin; echo via | cat /proc/self/fd/0');
    expect(r.stdout).toBe('hello\nvia\n');
    expect(r.stderr).toBe('');
  });
  it('process substitution through /dev/fd reads the other command', () => {
    const r = sh('cat <(echo one) <(echo two)');
    expect(r.stdout).toBe('one\ntwo\n');
  });
  it('writing to /dev/stdout when stdout is a file truncates that file (O_TRUNC on the file itself)', () => {
    const r = sh('echo old-contents > out; { echo new > /dev/stdout; } > out; cat out');
    expect(r.stdout).toBe('new\n');
  });
  it('a closed descriptor has no /proc entry', () => {
    const r = sh('cat /dev/fd/7');
    expect(r.stderr).toBe('cat: /dev/fd/7: No such file or directory\n');
  });
});

describe('tty and limits', () => {
  it('/dev/tty without a controlling terminal is ENXIO', () => {
    const r = sh('echo hi > /dev/tty');
    expect(r.stderr).toBe('bash: line 1: /dev/tty: No such device or address\n');
  });
  it('default rlimits are INIT_RLIMITS: memlock 8 MiB on 6.6, 32 KiB on 2.6.20; nice and rtprio 0', () => {
    expect(sh('ulimit -l; ulimit -e; ulimit -r; ulimit -q; ulimit -Hn').stdout).toBe('8192\n0\n0\n819200\n4096\n');
    expect(sh('ulimit -l; ulimit -Hn', '2.6.20').stdout).toBe('32\n1024\n');
  });
  it('ulimit -i (sigpending) equals ulimit -u (max_threads/2), as fork_init() sets both', () => {
    const [i, u] = sh('ulimit -i; ulimit -u').stdout.trim().split('\n');
    expect(i).toBe(u);
    expect(Number(i)).toBeGreaterThan(0);
  });
  it('st_blocks counts whole pages of file data; directories have none (tmpfs)', () => {
    const r = sh('printf x > one; head -c 5000 /dev/zero > two; mkdir d; stat -c "%b %n" one two d');
    expect(r.stdout).toBe('8 one\n16 two\n0 d\n');
  });
});
