// GNU options the core utilities gained after their --help texts were recorded (ls -I/--hide/-B,
// -v, --time-style, --block-size, -Z, --author, --zero, ...; date, sort, grep, cp, mv, rm and
// the others): cases recorded from the real tools by test/bin/record-options.mjs (Debian 12:
// coreutils 9.1, grep 3.8, sed 4.9; LC_ALL=C TZ=UTC, as root) in golden/options-more.json, each
// replayed in the simulated machine after the same setup commands (touch -d to fix times,
// truncate, ln -s): stdout, stderr and exit status byte for byte. `why` names the behaviour.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boot, run } from './harness.ts';

interface Case {
  why: string; argv: string[]; setup?: string[][]; stdin?: string; stdout: string; stderr: string; status: number;
  /** "no-rt": the host's realtime signals (34..64) are left out; this kernel has signals 1..31 only. */
  filter?: 'no-rt';
}
const rec = JSON.parse(readFileSync(new URL('./golden/options-more.json', import.meta.url), 'utf8')) as
  { dir: string; files: Record<string, string>; cases: Case[] };
const ENV = ['PATH=/usr/bin:/bin', 'LC_ALL=C', 'TZ=UTC', 'HOME=/root'];

function machine() {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(rec.files)) files[`${rec.dir}/${name}`] = content;
  return boot({ files });
}

describe('options recorded from coreutils 9.1 / grep 3.8', () => {
  for (const c of rec.cases) {
    it(`${c.why}: ${c.argv.map((a) => JSON.stringify(a)).join(' ')}`, () => {
      const m = machine();
      for (const s of c.setup ?? []) run(s, { machine: m, cwd: rec.dir, env: ENV });
      const r = run(c.argv, { machine: m, cwd: rec.dir, env: ENV, stdin: c.stdin ?? '' });
      const stderr = c.filter === 'no-rt' ? c.stderr.replace(/^RTM.*\n/gm, '') : c.stderr;
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout: c.stdout, stderr, status: c.status });
    });
  }
});

describe('what a recording cannot pin down', () => {
  it('ls --hyperlink links file://NODENAME/ABSOLUTE, %-escaped, around the name only (as ls 9.1 on host "vm")', () => {
    const m = machine();
    const host = run(['uname', '-n'], { machine: m }).stdout.trim();
    // Recorded there: \e]8;;file://vm/tmp/hl/a%20b\aa b\e]8;;\a for a file 'a b' in /tmp/hl.
    const r = run(['ls', '--hyperlink', 'a.o', 'dd'], { machine: m, cwd: rec.dir, env: ENV });
    const link = (p: string, n: string) => `\x1b]8;;file://${host}${p}\x07${n}\x1b]8;;\x07`;
    expect(r.stdout).toBe(`${link(`${rec.dir}/a.o`, 'a.o')}\n\n${link(`${rec.dir}/dd`, 'dd')}:\n${link(`${rec.dir}/dd/e`, 'e')}\n`);
    expect(run(['ls', '--hyperlink=always', 'ctl\x01z'], { machine: m, cwd: rec.dir, env: ENV }).stdout).toContain('/ctl%01z\x07');
  });

  it('ls --time=birth prints ? as wide as the old time format (no birth times here)', () => {
    const r = run(['ls', '-l', '--time=birth', 'a.o'], { files: { [`${rec.dir}/a.o`]: '' }, cwd: rec.dir, env: ENV });
    expect(r.stdout).toBe('-rw-r--r-- 1 root root 0            ? a.o\n');
  });
});

describe('tail --retry (needs time to pass, so not a recording)', () => {
  it('-F and --retry -f wait for a missing file and follow it once it appears (as tail 9.1 on Debian 12)', async () => {
    const { runSh } = await import('../../src/init/testing.ts');
    // Recorded there: sh -c 'tail -F /tmp/nx & sleep 1; echo hi > /tmp/nx; sleep 2; kill $!'
    const a = runSh("tail -F /tmp/nx & sleep 1; echo hi > /tmp/nx; sleep 2; kill $!", { timeout: 60e9 });
    expect([a.stdout, a.stderr]).toEqual(['hi\n',
      "tail: cannot open '/tmp/nx' for reading: No such file or directory\ntail: '/tmp/nx' has appeared;  following new file\n"]);
    const b = runSh("tail --retry -f /tmp/nx & sleep 1; echo hi > /tmp/nx; sleep 2; kill $!", { timeout: 60e9 });
    expect([b.stdout, b.stderr]).toEqual(['hi\n', "tail: warning: --retry only effective for the initial open\n" +
      "tail: cannot open '/tmp/nx' for reading: No such file or directory\ntail: '/tmp/nx' has appeared;  following new file\n"]);
  });
});

describe('cp -x (needs a mount; recorded by hand with a tmpfs on Debian 12)', () => {
  it('a directory on another filesystem is made, empty; without -x it is copied', async () => {
    const { runSh } = await import('../../src/init/testing.ts');
    // There: mkdir -p xs/m; mount -t tmpfs tmpfs xs/m; ...; cp -rxv xs xd printed these three lines
    // (m before g in its readdir order) and xd/m held nothing.
    const r = runSh('cd /root; mkdir -p xs/m; mount -t tmpfs tmpfs xs/m; echo x > xs/m/f; echo y > xs/g; cp -rxv xs xd; ls -a xd/m; cat xd/g; cp -r xs xe; cat xe/m/f');
    expect(r.stdout.split('\n').slice(0, 3).sort()).toEqual(["'xs' -> 'xd'", "'xs/g' -> 'xd/g'", "'xs/m' -> 'xd/m'"]);
    expect(r.stdout.split('\n').slice(3).join('\n')).toBe('.\n..\ny\nx\n');
  });
});

describe('what is refused rather than done differently', () => {
  const refused = (argv: string[], stdin = '') => {
    const r = run(argv, { cwd: '/root', env: ENV, stdin });
    return [r.stdout, r.stderr, r.code];
  };
  it('sed --debug, date --debug on a date other than @SECONDS, grep -X awk', () => {
    expect(refused(['sed', '--debug', 'p'], 'a\n')).toEqual(['', 'sed: option --debug is not supported here\n', 1]);
    expect(refused(['date', '--debug', '-d', 'tomorrow'])).toEqual(['', 'date: option --debug is not supported here with this -d (only @SECONDS is traced)\n', 1]);
    expect(refused(['grep', '-X', 'awk', 'a'], 'a\n')).toEqual(['', 'grep: matcher awk is not supported here\n', 2]);
  });
});
