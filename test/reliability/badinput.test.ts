// Bad input, each answered with a message a person understands and nothing else lost: scenario
// documents (the message names the field), paths with "..", NUL or too long, bad modprobe.d
// lines (kmod's own messages), scripts with syntax errors (dash's messages and line numbers),
// binary junk (cat passes it, exec gets -ENOEXEC, a junk module is "Invalid module format"),
// invalid sysctl writes (-EINVAL: dash's "echo: I/O error"), and a full filesystem (-ENOSPC).
import { describe, expect, it } from 'vitest';
import { O_RDONLY } from '../../src/uapi/fcntl.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { UserGen } from '../../src/uapi/syscalls.ts';
import { open, stat, write } from '../../src/userland/lib/sys.ts';
import { kReadFile } from '../../src/kernel/vfs_api.ts';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { runSh } from '../../src/init/testing.ts';
import { LIMITS } from '../../src/init/scenario/schema.ts';
import { parseScenario, ScenarioError } from '../../src/init/scenario/parse.ts';
import { machineFor, runScenario } from '../../src/init/scenario/run.ts';
import { boot, runUntil } from './harness.ts';

function rejection(text: string): string {
  try {
    parseScenario(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  return 'accepted';
}

describe('scenario documents: one ScenarioError naming the field', () => {
  const cases: [string, string, string][] = [
    ['empty text', '', 'not valid JSON: Unexpected end of JSON input'],
    ['truncated', '{"version":1,', 'not valid JSON: Expected double-quoted property name in JSON at position 13'],
    ['not an object', '[]', 'expected a JSON object (a scenario), got an array'],
    ['no version', '{}', 'version: missing; expected 1 (the scenario format version)'],
    ['future version', '{"version":2}', 'version: this scenario uses format version 2, made by a newer khelper; this one reads versions up to 1'],
    ['version as a string', '{"version":"1"}', 'version: expected a positive integer, got "1"'],
    ['unknown field', '{"version":1,"bogus":1}', 'bogus: unknown field "bogus"'],
    ['__proto__ is just an unknown field', '{"version":1,"__proto__":{"x":1}}', '__proto__: unknown field "__proto__"'],
    ['steps not an array', '{"version":1,"steps":"x"}', 'steps: expected an array, got "x"'],
    ['step of the wrong type', '{"version":1,"steps":[{"sh":1}]}', 'steps[0].sh: expected string, got 1'],
    ['step kind unknown', '{"version":1,"steps":[{"run":"x"}]}', 'steps[0]: unknown step kind "run"; expected exactly one of sh, requestModule, callUsermodehelper, callUsermodehelperPipe, sysctl, advance'],
    ['two step kinds', '{"version":1,"steps":[{"sh":"a","advance":"1s"}]}', 'steps[0]: more than one step kind (sh, advance); expected exactly one of sh, requestModule, callUsermodehelper, callUsermodehelperPipe, sysctl, advance'],
    ['threads 0', '{"version":1,"steps":[{"requestModule":"x","threads":0}]}', 'steps[0].threads: expected threads >= 1, got 0'],
    ['threads 1.5', '{"version":1,"steps":[{"requestModule":"x","threads":1.5}]}', 'steps[0].threads: expected an integer (threads), got 1.5'],
    ['a duration that is not one', '{"version":1,"steps":[{"advance":"forever"}]}', 'steps[0].advance: expected a duration such as "5s", "250ms", "10us" or "100ns", got "forever"'],
    ['a path with ..', '{"version":1,"files":{"/a/../b":"x"}}', 'files./a/../b: expected a path without "." or ".." components, got "/a/../b"'],
    ['a relative path', '{"version":1,"files":{"etc/x":"x"}}', 'files.etc/x: expected an absolute path (starting with /), got "etc/x"'],
    ['a mode that is not octal', '{"version":1,"files":{"/a":{"content":"x","mode":"999"}}}', 'files./a.mode: expected an octal mode such as "0755", got "999"'],
    ['an unknown profile', '{"version":1,"kernel":{"profile":"5.0"}}', 'kernel.profile: expected one of "2.6.20", "2.6.21", "6.6", got "5.0"'],
    ['a release that could be a path', '{"version":1,"kernel":{"release":"../../x"}}', 'kernel.release: expected a release such as "2.6.20-khelper", got "../../x"'],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: ${message}`, () => {
      expect(rejection(text)).toBe(message);
    });
  }

  it('a path with a NUL byte is refused and the message says so', () => {
    expect(rejection('{"version":1,"files":{"/a\\u0000b":"x"}}')).toMatch(/^files\.\/a\0b: expected a path without NUL bytes/);
  });

  it('oversized: a document over 2 MiB, and a file over 512 KiB, say their size and the limit', () => {
    const big = JSON.stringify({ version: 1, description: 'x'.repeat(LIMITS.documentBytes) });
    expect(rejection(big)).toBe(`the scenario is ${big.length} bytes; the limit is ${LIMITS.documentBytes}`);
    const file = JSON.stringify({ version: 1, files: { '/a': 'x'.repeat(LIMITS.fileBytes + 1) } });
    expect(rejection(file)).toBe(`files./a: expected at most ${LIMITS.fileBytes} characters, got a ${LIMITS.fileBytes + 1}-character string`);
  });

  it('deeply nested JSON in the free-form "view" is accepted or refused, never a stack overflow escaping', () => {
    const deep = `{"version":1,"view":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    let err: unknown = null;
    try {
      parseScenario(deep);
    } catch (e) {
      err = e;
    }
    expect(err === null || err instanceof ScenarioError).toBe(true);
  });

  it('a file that cannot be created (under a regular file) is a ScenarioError naming it, not a crash', () => {
    const s = parseScenario(JSON.stringify({ version: 1, files: { '/etc/passwd/x': 'y' } }));
    expect(() => machineFor(s)).toThrow(new ScenarioError('files["/etc/passwd/x"]', 'cannot be created: Not a directory'));
  });

  it('a bad sysctl step answers -errno per key and the scenario goes on', () => {
    const r = runScenario(parseScenario(JSON.stringify({ version: 1, steps: [
      { sysctl: { 'kernel.threads-max': 'abc', 'kernel.nosuch': '1' } }, { sh: 'cat /proc/sys/kernel/threads-max' },
    ] })));
    expect(r.steps[0]).toEqual({ rets: { 'kernel.threads-max': -22, 'kernel.nosuch': -2 } });
    expect(r.steps[1]).toEqual({ exitCode: 0, stdout: '2048\n', stderr: '' });
  });
});

describe('paths as the kernel sees them (C strings, PATH_MAX, NAME_MAX, ".." at the root)', () => {
  function* probe(): UserGen {
    const out: unknown[] = [];
    out.push(yield* open('/etc/passwd\0junk', O_RDONLY));
    out.push(yield* open('', O_RDONLY));
    const st = yield* stat('/../../etc/../../etc/passwd');
    out.push(typeof st === 'number' ? st : 'ok');
    out.push(yield* open(`/${'a/'.repeat(3000)}`, O_RDONLY));
    out.push(yield* open(`/${'a'.repeat(256)}`, O_RDONLY));
    yield* write(1, JSON.stringify(out));
    return 0;
  }
  it('NUL ends the path; "" is ENOENT; ".." stops at /; > PATH_MAX or a > NAME_MAX component is ENAMETOOLONG', () => {
    const m = new Machine({ programs: { probe }, files: { '/bin/probe': { content: nativeImage('probe'), mode: 0o755 } } }).boot();
    const r = startProcess(m.k, { path: '/bin/probe', argv: ['probe'] });
    expect(runUntil(m, () => r.finished, 1000)).toBe(true);
    const [fd, empty, dotdot, longPath, longName] = JSON.parse(r.stdout.data) as unknown[];
    expect(fd).toBeGreaterThanOrEqual(3);
    expect([empty, dotdot, longPath, longName]).toEqual([-2, 'ok', -36, -36]);
  });
});

describe('bad modprobe.d lines: kmod\'s messages, the rest of the configuration still used', () => {
  it('each bad line is named with its file and line number; modprobe goes on', () => {
    const conf = ['blah foo', 'alias', 'options', 'install dummy', 'alias mydummy dummy', 'include /etc/other', '\x01\x02\xff junk'].join('\n');
    const r = runSh('modprobe -n -v mydummy; echo rc=$?', { files: { '/etc/modprobe.d/bad.conf': conf } });
    const p = 'libkmod: ERROR: kmod_config_parse: /etc/modprobe.d/bad.conf';
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `${p} line 1: ignoring bad line starting with 'blah'`,
      `${p} line 2: ignoring bad line starting with 'alias'`,
      `${p} line 3: ignoring bad line starting with 'options'`,
      `${p} line 4: ignoring bad line starting with 'install'`,
      `${p}: command include is deprecated and not parsed anymore`,
      `${p} line 7: ignoring bad line starting with '\x01\x02\xff'`,
    ]);
    expect(r.stdout).toBe(`insmod /lib/modules/2.6.20-khelper/kernel/drivers/net/dummy.ko \nrc=0\n`);
  });
});

describe('scripts with syntax errors: dash\'s message with the line of the error', () => {
  const cases: [string, string, string][] = [
    ['an unclosed if (line 4: end of file)', 'echo a\nif true; then\necho b\n', 'sh: 4: Syntax error: end of file unexpected (expecting "fi")\n'],
    ['a stray ) on line 3', 'echo a\n\n  )', 'sh: 3: Syntax error: ")" unexpected\n'],
    ['an unterminated quote', 'echo a\necho "x\n', 'sh: 3: Syntax error: Unterminated quoted string\n'],
    ['a missing }', 'echo ${x', 'sh: 1: Syntax error: Missing \'}\'\n'],
    ['a bad arithmetic expression', 'echo $((1+))', 'sh: 1: arithmetic expression: expecting primary: "1+"\n'],
  ];
  for (const [what, script, stderr] of cases) {
    it(what, () => {
      const r = runSh(script);
      expect(r.stderr).toBe(stderr);
      expect(r.status).toBe(2);
    });
  }
  it('a script file names itself: "/root/s.sh: 2: Syntax error: ..."; commands before the error ran', () => {
    const r = runSh('echo a\nfor x in; do', { asFile: '/root/s.sh' });
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toBe('/root/s.sh: 2: Syntax error: end of file unexpected (expecting "done")\n');
  });
});

describe('binary junk', () => {
  const allBytes = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
  it('cat passes every byte value through unchanged', () => {
    const m = boot('2.6.20', { files: { '/root/junk': { content: allBytes.repeat(3), mode: 0o644 } } });
    const r = runSh('cat /root/junk > /root/copy; echo rc=$?', { machine: m });
    expect(r.stdout).toBe('rc=0\n');
    expect(kReadFile(m.k, '/root/copy')).toBe(allBytes.repeat(3));
  });
  it('exec of an executable junk file is -ENOEXEC, so dash runs it as a script (and says "not found")', () => {
    const r = runSh("printf 'zzz\\001\\002junk\\n' > /tmp/j; chmod +x /tmp/j; /tmp/j; echo rc=$?");
    expect(r.stdout).toBe('rc=127\n');
    expect(r.stderr).toBe('/tmp/j: 1: zzz\u0001\u0002junk: not found\n');
  });
  it('insmod of a junk .ko: "Invalid module format"; modprobe of one: "Exec format error"; the system goes on', () => {
    const r = runSh([
      "printf 'junk' > /tmp/j.ko; insmod /tmp/j.ko; echo rc=$?",
      "mkdir -p /lib/modules/2.6.20-khelper/extra; printf '\\177ELFjunk' > /lib/modules/2.6.20-khelper/extra/junk.ko",
      'depmod -a; modprobe junk; echo rc=$?; modprobe dummy; echo rc=$?; lsmod | cut -d" " -f1',
    ].join('\n'));
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=0\nModule\ndummy\n');
    expect(r.stderr).toBe([
      'insmod: ERROR: could not insert module /tmp/j.ko: Invalid module format',
      'depmod: ERROR: failed to load symbols from /lib/modules/2.6.20-khelper/extra/junk.ko: Exec format error',
      "modprobe: ERROR: could not insert 'junk': Exec format error", '',
    ].join('\n'));
    expect(r.machine.k.oopses).toEqual([]);
  });
});

describe('invalid sysctl writes', () => {
  it('threads-max "abc": -EINVAL, dash prints "sh: 1: echo: echo: I/O error", the value is unchanged', () => {
    for (const profile of ['2.6.20', '6.6'] as const) {
      const r = runSh('echo abc > /proc/sys/kernel/threads-max; echo rc=$?; cat /proc/sys/kernel/threads-max', { profile });
      expect(r.stdout).toBe('rc=1\n2048\n');
      expect(r.stderr).toBe('sh: 1: echo: echo: I/O error\n');
    }
  });
  it('an empty write is -EINVAL too', () => {
    const r = runSh('echo > /proc/sys/kernel/threads-max; echo rc=$?');
    expect(r.stdout).toBe('rc=1\n');
  });
});

describe('a full filesystem', () => {
  it('writes fail with "No space left on device"; the rest keeps working and freeing space lets writes in again', () => {
    const m = boot('2.6.20', { config: { fsQuota: 256 * 1024 } });
    const r = runSh([
      'cat /dev/zero > /root/fill; echo rc=$?',
      'echo small > /root/f; echo rc=$?; mkdir /root/d; echo rc=$?',
      'cat /dev/zero > /root/more; echo rc=$?',
      'rm /root/fill /root/more; cat /dev/zero > /tmp/fill; echo rc=$?; rm /tmp/fill; echo again > /root/g; cat /root/f /root/g',
    ].join('\n'), { machine: m });
    expect(r.stdout).toBe('rc=1\nrc=0\nrc=0\nrc=1\nrc=1\nsmall\nagain\n');
    expect(r.stderr).toBe('cat: write error: No space left on device\n'.repeat(3));
    const sb = m.k.rootSb;
    expect(sb.used).toBeLessThanOrEqual(sb.quota);
    expect(m.k.oopses).toEqual([]);
  });
});
