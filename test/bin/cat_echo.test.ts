// cat, echo, true, false against GNU coreutils 9.1 outputs recorded on Debian 12 (LC_ALL=C).
import { describe, expect, it } from 'vitest';
import { run } from './harness.ts';

const T1 = 'a\n\n\n\nb\tc\x01\x7f\xff\x80\n';
const files = { '/root/t1': T1, '/root/d/x': 'x\n' };

describe('cat', () => {
  it('copies files and stdin in order', () => {
    const r = run(['cat', 't1', '-', 't1'], { files, stdin: 'IN\n' });
    expect(r.stdout).toBe(`${T1}IN\n${T1}`);
    expect(r.code).toBe(0);
  });
  it('reads stdin with no operands', () => {
    expect(run(['cat'], { stdin: 'hello' }).stdout).toBe('hello');
  });
  it('reports a missing file and a directory, goes on, exits 1', () => {
    const r = run(['cat', 't1', 'nofile', 'd'], { files });
    expect(r.stdout).toBe(T1);
    expect(r.stderr).toBe('cat: nofile: No such file or directory\ncat: d: Is a directory\n');
    expect(r.code).toBe(1);
  });
  it('names itself by argv[0]', () => {
    expect(run(['/bin/cat', 'nofile']).stderr).toBe('/bin/cat: nofile: No such file or directory\n');
  });
  it('quotes odd names as quotef does', () => {
    const r = run(['cat', 'a b', "it's", 'a:b', 'a\tb']);
    expect(r.stderr).toBe("cat: 'a b': No such file or directory\ncat: \"it's\": No such file or directory\n" +
      "cat: 'a:b': No such file or directory\ncat: 'a'$'\\t''b': No such file or directory\n");
  });
  it('-A shows ends, tabs and non-printing bytes', () => {
    expect(run(['cat', '-A', 't1'], { files }).stdout).toBe('a$\n$\n$\n$\nb^Ic^A^?M-^?M-^@$\n');
  });
  it('-ET leaves other bytes alone', () => {
    expect(run(['cat', '-ET', 't1'], { files }).stdout).toBe('a$\n$\n$\n$\nb^Ic\x01\x7f\xff\x80$\n');
  });
  it('-bs numbers non-blank lines and squeezes blank runs', () => {
    expect(run(['cat', '-bs', 't1'], { files }).stdout).toBe('     1\ta\n\n     2\tb\tc\x01\x7f\xff\x80\n');
  });
  it('-ns numbers across files', () => {
    expect(run(['cat', '-ns', 't1', 't1'], { files }).stdout).toBe(
      '     1\ta\n     2\t\n     3\tb\tc\x01\x7f\xff\x80\n     4\ta\n     5\t\n     6\tb\tc\x01\x7f\xff\x80\n');
  });
  it('rejects an unknown option with usage status 1', () => {
    const r = run(['cat', '-z']);
    expect(r.stderr).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
    expect(r.code).toBe(1);
    expect(run(['cat', '--foo']).stderr).toBe("cat: unrecognized option '--foo'\nTry 'cat --help' for more information.\n");
  });
  it('--version names GNU coreutils 9.1', () => {
    expect(run(['cat', '--version']).stdout.split('\n')[0]).toBe('cat (GNU coreutils) 9.1');
  });
});

describe('echo', () => {
  it('joins arguments with spaces', () => {
    expect(run(['echo', 'a', 'b  c']).stdout).toBe('a b  c\n');
  });
  it('-n drops the newline; options only lead', () => {
    expect(run(['echo', '-n', '-e', '-x']).stdout).toBe('-x');
    expect(run(['echo', 'a', '-n']).stdout).toBe('a -n\n');
  });
  it('-e decodes escapes like GNU echo', () => {
    expect(run(['echo', '-e', 'a\\x41\\0101\\c b']).stdout).toBe('aAA');
    expect(run(['echo', '-e', '\\101\\1012']).stdout).toBe('AA2\n');
    expect(run(['echo', '-e', '\\0']).stdout).toBe('\0\n');
    expect(run(['echo', '-e', '\\x']).stdout).toBe('\\x\n');
    expect(run(['echo', '-e', '\\e\\q']).stdout).toBe('\x1b\\q\n');
  });
  it('-E (default) leaves backslashes', () => {
    expect(run(['echo', '-eE', 'a\\tb']).stdout).toBe('a\\tb\n');
  });
  it('--help only as the sole argument', () => {
    expect(run(['echo', '--help', 'x']).stdout).toBe('--help x\n');
    expect(run(['echo', '--help']).stdout).toMatch(/^Usage: echo \[SHORT-OPTION\]/);
  });
});

describe('true/false', () => {
  it('exit 0 and 1 whatever the arguments', () => {
    expect(run(['true', '--foo']).code).toBe(0);
    expect(run(['false', 'x']).code).toBe(1);
    expect(run(['false', '--help']).code).toBe(1);
  });
});
