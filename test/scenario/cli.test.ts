// The CLI as a user runs it: `node bin/khelper.js ...` (what `npx khelper` runs).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [join(ROOT, 'bin/khelper.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'khelper-cli-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('khelper CLI', () => {
  it('--version and --help exit 0', () => {
    expect(cli(['--version']).stdout).toMatch(/^khelper \d+\.\d+\.\d+\n$/);
    const h = cli(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('run FILE|-');
  });
  it('runs a scenario from a file and prints JSON with steps, dmesg, modules and trace', () => {
    const p = file('ok.json', JSON.stringify({ version: 1, kernel: { modprobePath: '' }, steps: [{ requestModule: 'foo' }] }));
    const r = cli(['run', p, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.steps).toEqual([{ rets: [0] }]);
    expect(Object.keys(out)).toEqual(['steps', 'dmesg', 'modules', 'trace']);
    expect(out.trace.some((e: { event: string }) => e.event === 'module_request')).toBe(true);
  });
  it('reads standard input with -, and writes --out', () => {
    const out = join(dir, 'trace.txt');
    const r = cli(['run', '-', '--trace', 'ftrace', '--out', out], JSON.stringify({ version: 1, steps: [{ requestModule: 'x' }] }));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/reqmod-0-\d+ +\[000\] +\d+\.\d{6}: module_request: name=x wait=1 src=kmod.c:64/);
  });
  it('is byte-for-byte deterministic', () => {
    const p = file('det.json', JSON.stringify({ version: 1, steps: [{ requestModule: 'a', threads: 3 }, { sh: 'echo hi' }] }));
    const a = cli(['run', p]);
    const b = cli(['run', p]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
  it.each([
    ['bad JSON', '{"version": 1,', /^khelper: .*bad\.json: not valid JSON/],
    ['unknown field', '{"version": 1, "kernal": {}}', /^khelper: .*: kernal: unknown field "kernal"\n$/],
    ['wrong type', '{"version": 1, "steps": [{"requestModule": "x", "threads": "9"}]}', /^khelper: .*: steps\[0\]\.threads: expected number, got "9"\n$/],
  ])('rejects %s with exit 2 and one line naming the field', (_n, text, re) => {
    const r = cli(['run', file('bad.json', text)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
  it('rejects a missing file, an unknown example and an unknown option with exit 2', () => {
    expect(cli(['run', join(dir, 'nope.json')])).toMatchObject({ status: 2, stderr: expect.stringMatching(/no such file\n$/) });
    expect(cli(['run', '--example', 'no-such-example'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^khelper: unknown example "no-such-example"/) });
    expect(cli(['run', '--bogus'])).toMatchObject({ status: 2, stderr: 'khelper: unknown option --bogus (see khelper --help)\n' });
  });
  it('a reader that goes away ends the output quietly (EPIPE), as with a Unix tool', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/khelper.js run --example selftest-kmod | head -c 20`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^# The kernel's kmod /);
    expect(r.stderr).toBe('');
  });
});
