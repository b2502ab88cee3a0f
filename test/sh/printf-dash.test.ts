// The printf builtin where dash's bltin/printf.c and glibc decide: \e in formats and %b (Debian's
// dash takes it; \E it does not), strtod's ERANGE (overflow, and results rounded to zero or to a
// subnormal; an exact subnormal is no error), hex floats, and getint() truncating * widths and
// precisions to int. Recorded from host dash 0.5.12-2 as test/sh/dashcase.ts describes.
import { describe, expect, it } from 'vitest';
import { run } from './dashcase.ts';

describe('printf as dash 0.5.12 with glibc', () => {
  it('escapes, ERANGE, hex floats and int-truncated * fields', () => {
    const c = {
      name: 'printf_glibc',
      script: [
        "printf 'a\\eb\\Ec|' | od -An -c",
        "printf '%b|' 'x\\ey' | od -An -c",
        "printf '%f\\n' 1e400; echo \"rc=$?\"",
        "printf '%g %g %g\\n' 1e-310 0x1p-1074 0x3p-1075; echo \"rc=$?\"",
        "printf '%g %a\\n' 0x1.8p3 0x10; echo \"rc=$?\"",
        "printf '%*d|\\n' 99999999999999999999 5; echo \"rc=$?\"",
        "printf '%.*f|\\n' 99999999999999999999 5; echo \"rc=$?\"",
        "printf '%*d|%*d|\\n' -3 5 4294967299 6; echo \"rc=$?\"",
      ],
      stdout: [
        '   a 033   b   \\   E   c   |',
        '   x 033   y   |',
        'inf', 'rc=1',
        '1e-310 4.94066e-324 9.88131e-324', 'rc=1',
        '12 0x1p+4', 'rc=0',
        '5|', 'rc=1',
        '5.000000|', 'rc=1',
        '5  |  6|', 'rc=0',
        '',
      ].join('\n'),
      stderr: [
        '/tmp/dd/case.sh: 3: printf: 1e400: Numerical result out of range',
        '/tmp/dd/case.sh: 4: printf: 1e-310: Numerical result out of range',
        '/tmp/dd/case.sh: 4: printf: 0x3p-1075: Numerical result out of range',
        '/tmp/dd/case.sh: 6: printf: 99999999999999999999: Numerical result out of range',
        '/tmp/dd/case.sh: 7: printf: 99999999999999999999: Numerical result out of range',
        '',
      ].join('\n'),
      status: 0,
    };
    expect(run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
  });
  it('a * width past 16 MiB is cut there instead of building the string (dash writes it all)', () => {
    const r = run({ name: 'wide', script: ["printf '%*d|' 2147483647 5 | wc -c"], stdout: '', stderr: '', status: 0 });
    expect(r).toEqual({ stdout: `${2 ** 24 + 1}\n`, stderr: '', status: 0 });
  });
});
