// Reading updates atime (file_accessed() -> touch_atime()), as the mount says.
// 6.6 fs/inode.c atime_needs_update() -> relatime_need_update(): every mount is relatime
// (/proc/mounts says so), so a read updates atime only when atime <= mtime, atime <= ctime, or
// the atime is a day (24*60*60 s) old or more; never to the same value.
// 2.6.20 fs/inode.c touch_atime(): MNT_RELATIME exists but no mount has it: every read updates.
// Regular files (shmem_file_read / shmem_file_read_iter), directories (vfs_readdir / iterate_dir)
// and exec's kernel_read() of the binary count; procfs and sysfs do not.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

const ST = 'stat -c "%X %Y" /tmp/f';

function run(profile: '2.6.20' | '6.6', script: string): string[] {
  const r = runSh(script, { profile, shell: 'bash', timeout: 2 * 86400e9 });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('atime on read', () => {
  it.each(['2.6.20', '6.6'] as const)('%s: cat after a write moves atime to now (atime <= mtime)', (profile) => {
    const [before, after] = run(profile, `echo hi > /tmp/f; sleep 1; ${ST}; cat /tmp/f >/dev/null; ${ST}`);
    const [a0, m0] = before.split(' ').map(Number);
    const [a1, m1] = after.split(' ').map(Number);
    expect(a0).toBe(m0);
    expect(a1).toBe(m1 + 1);
  });
  it('6.6 relatime: a second read with atime past mtime and ctime leaves atime alone', () => {
    const out = run('6.6', `echo hi > /tmp/f; sleep 1; cat /tmp/f >/dev/null; ${ST}; sleep 5; cat /tmp/f >/dev/null; ${ST}`);
    expect(out[1]).toBe(out[0]);
  });
  it('6.6 relatime: an atime a day old is updated, one a second younger is not', () => {
    const out = run('6.6', `echo hi > /tmp/f; sleep 1; cat /tmp/f >/dev/null; ${ST}; sleep 86399; cat /tmp/f >/dev/null; ${ST}; sleep 1; cat /tmp/f >/dev/null; ${ST}`);
    const at = out.map((l) => Number(l.split(' ')[0]));
    expect([at[1] - at[0], at[2] - at[0]]).toEqual([0, 86400]);
  });
  it('2.6.20 (no relatime): every read updates atime', () => {
    const out = run('2.6.20', `echo hi > /tmp/f; sleep 1; cat /tmp/f >/dev/null; ${ST}; sleep 5; cat /tmp/f >/dev/null; ${ST}`);
    expect(Number(out[1].split(' ')[0]) - Number(out[0].split(' ')[0])).toBe(5);
  });
  it.each(['2.6.20', '6.6'] as const)('%s: bash test -N (modified since last read) turns false after a read, true after a write', (profile) => {
    const t = 'if test -N /tmp/f; then echo N; else echo notN; fi';
    expect(run(profile, `echo hi > /tmp/f; sleep 1; touch -a -d @0 /tmp/f; ${t}; cat /tmp/f >/dev/null; ${t}; sleep 1; echo x >> /tmp/f; ${t}`))
      .toEqual(['N', 'notN', 'N']);
  });
  it.each(['2.6.20', '6.6'] as const)('%s: listing a directory updates its atime (iterate_dir)', (profile) => {
    const out = run(profile, 'mkdir /tmp/d; sleep 1; touch /tmp/d/x; sleep 1; ls /tmp/d >/dev/null; stat -c "%X %Y" /tmp/d');
    const [a, m] = out[0].split(' ').map(Number);
    expect(a).toBe(m + 1);
  });
  it.each(['2.6.20', '6.6'] as const)('%s: exec reads the binary: its atime moves', (profile) => {
    const out = run(profile, 'printf "#!/bin/sh\\necho ran\\n" > /tmp/s; chmod +x /tmp/s; sleep 1; /tmp/s; stat -c "%X %Y" /tmp/s');
    expect(out[0]).toBe('ran');
    const [a, m] = out[1].split(' ').map(Number);
    expect(a).toBe(m + 1);
  });
  it('6.6: modprobe\'s finit_module() reads the .ko (kernel_read_file()): its atime moves', () => {
    const out = run('6.6', 'f=$(modprobe -n -v loop | cut -d" " -f2); sleep 1; modprobe loop; echo $f; stat -c "%X %Y" $f');
    expect(out[0]).toMatch(/\/loop\.ko$/);
    const [a, m] = out[1].split(' ').map(Number);
    expect(a).toBeGreaterThan(m);
  });
});
