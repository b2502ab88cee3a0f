// od against GNU coreutils od 9.1: every expected output below was recorded by running the same
// script with /usr/bin/od under dash on Debian 12 (glibc 2.36, x86-64, LC_ALL=C) and pasted here.
// The input bytes (NUL, DEL, 0x80-0xff, newlines) are made by printf in the simulated shell.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';

// init/layout.ts does not install od yet: the tests put its image at /usr/bin/od themselves.
const files = { '/usr/bin/od': { content: nativeImage('od'), mode: '755' } };

interface Recorded { name: string; script: string; stdout: string; stderr: string; status: number }

const RECORDED: Recorded[] = [
  {
    name: 'default format: -t o2, octal offsets, 16 bytes a line, final offset',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od m",
    stdout:
      '0000000 062510 066154 026157 073440 071157 062154 005041 000400\n' +
      '0000020 100177 177776 061141 000143\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-c: printable characters, C escapes, octal for the rest',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -c m",
    stdout:
      '0000000   H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020 177 200 376 377   a   b   c\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-a: named characters, high bit ignored',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -a m",
    stdout:
      '0000000   H   e   l   l   o   ,  sp   w   o   r   l   d   !  nl nul soh\n' +
      '0000020 del nul   ~ del   a   b   c\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-b: octal bytes',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -b m",
    stdout:
      '0000000 110 145 154 154 157 054 040 167 157 162 154 144 041 012 000 001\n' +
      '0000020 177 200 376 377 141 142 143\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'traditional shorthands -d -i -l -o -s -x',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; for o in -d -i -l -o -s -x; do od $o m; done",
    stdout:
      '0000000 25928 27756 11375 30496 29295 25708  2593   256\n' +
      '0000020 32895 65534 25185    99\n' +
      '0000027\n' +
      '0000000  1819043144  1998597231  1684828783    16779809\n' +
      '0000020      -98177     6513249\n' +
      '0000027\n' +
      '0000000  8583909746840200520    72068732572955247\n' +
      '0000020    27974195740573823\n' +
      '0000027\n' +
      '0000000 062510 066154 026157 073440 071157 062154 005041 000400\n' +
      '0000020 100177 177776 061141 000143\n' +
      '0000027\n' +
      '0000000  25928  27756  11375  30496  29295  25708   2593    256\n' +
      '0000020 -32641     -2  25185     99\n' +
      '0000027\n' +
      '0000000 6548 6c6c 2c6f 7720 726f 646c 0a21 0100\n' +
      '0000020 807f fffe 6261 0063\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'undocumented shorthands -B -D -H -O -X -h',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; for o in -B -D -H -O -X -h; do od $o m; done",
    stdout:
      '0000000 062510 066154 026157 073440 071157 062154 005041 000400\n' +
      '0000020 100177 177776 061141 000143\n' +
      '0000027\n' +
      '0000000 1819043144 1998597231 1684828783   16779809\n' +
      '0000020 4294869119    6513249\n' +
      '0000027\n' +
      '0000000 6c6c6548 77202c6f 646c726f 01000a21\n' +
      '0000020 fffe807f 00636261\n' +
      '0000027\n' +
      '0000000 15433062510 16710026157 14433071157 00100005041\n' +
      '0000020 37777500177 00030661141\n' +
      '0000027\n' +
      '0000000 6c6c6548 77202c6f 646c726f 01000a21\n' +
      '0000020 fffe807f 00636261\n' +
      '0000027\n' +
      '0000000 6548 6c6c 2c6f 7720 726f 646c 0a21 0100\n' +
      '0000020 807f fffe 6261 0063\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-t x1z -t c: columns widened to the widest type, printable trailer',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -t x1z -t c m",
    stdout:
      '0000000  48  65  6c  6c  6f  2c  20  77  6f  72  6c  64  21  0a  00  01  >Hello, world!...<\n' +
      '          H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020  7f  80  fe  ff  61  62  63                                      >....abc<\n' +
      '        177 200 376 377   a   b   c\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-tcz -tx2 -td4 -w8: three types aligned, 8 bytes a line',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -tcz -tx2 -td4 -w8 m",
    stdout:
      '0000000   H   e   l   l   o   ,       w  >Hello, w<\n' +
      '           6548    6c6c    2c6f    7720\n' +
      '             1819043144      1998597231\n' +
      '0000010   o   r   l   d   !  \\n  \\0 001  >orld!...<\n' +
      '           726f    646c    0a21    0100\n' +
      '             1684828783        16779809\n' +
      '0000020 177 200 376 377   a   b   c      >....abc<\n' +
      '           807f    fffe    6261    0063\n' +
      '                 -98177         6513249\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-A d, -A x, -A n',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -A d -t x1 m; od -Ax -tu2 m; od -An -to1 m",
    stdout:
      '0000000 48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 0a 00 01\n' +
      '0000016 7f 80 fe ff 61 62 63\n' +
      '0000023\n' +
      '000000 25928 27756 11375 30496 29295 25708  2593   256\n' +
      '000010 32895 65534 25185    99\n' +
      '000017\n' +
      ' 110 145 154 154 157 054 040 167 157 162 154 144 041 012 000 001\n' +
      ' 177 200 376 377 141 142 143\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-t d1 -t u1: signed and unsigned bytes',
    script: "printf '\\000\\001\\177\\200\\201\\376\\377' | od -t d1 -t u1",
    stdout:
      '0000000    0    1  127 -128 -127   -2   -1\n' +
      '           0    1  127  128  129  254  255\n' +
      '0000007\n',
    stderr: '',
    status: 0,
  },
  {
    name: '8-byte integers: o8 u8 d8 x8 (dL uL)',
    script: "printf '\\377\\377\\377\\377\\377\\377\\377\\377\\001\\000\\000\\000\\000\\000\\000\\200' | od -t o8 -t u8 -t dL -t x8",
    stdout:
      '0000000 1777777777777777777777 1000000000000000000001\n' +
      '          18446744073709551615    9223372036854775809\n' +
      '                            -1   -9223372036854775807\n' +
      '              ffffffffffffffff       8000000000000001\n' +
      '0000020\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'dC dS dI and uC uS uI, x without a size is x4',
    script: "printf '\\200\\001\\377\\177\\000\\200\\376\\377' | od -t dC -t dS -t dI -t uS -t x",
    stdout:
      '0000000 -128    1   -1  127    0 -128   -2   -1\n' +
      '              384     32767    -32768        -2\n' +
      '                 2147418496              -98304\n' +
      '              384     32767     32768     65534\n' +
      '                   7fff0180            fffe8000\n' +
      '0000010\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'floats: fF fD fL give the shortest digits that read back',
    script: "printf '\\000\\000\\200\\077\\000\\000\\040\\300\\030\\055\\104\\124\\373\\041\\011\\100' | od -t fF -t fD; printf '\\000\\000\\000\\000\\000\\000\\000\\200\\377\\077\\000\\000\\000\\000\\000\\000' | od -tfL -f -e",
    stdout:
      '0000000               1            -2.5   3.3702806e+12        2.142699\n' +
      '                     -8.000001892447472               3.141592653589793\n' +
      '0000020\n' +
      '0000000                                                               1\n' +
      '                      0              -0      2.2957e-41               0\n' +
      '                                     -0                     8.0943e-320\n' +
      '0000020\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'float specials: zero, -0, inf, nan, subnormal',
    script: "printf '\\000\\000\\000\\000\\000\\000\\000\\200\\000\\000\\200\\177\\000\\000\\300\\377\\001\\000\\000\\000' | od -t fF",
    stdout:
      '0000000               0              -0             inf            -nan\n' +
      '0000020           1e-45\n' +
      '0000024\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'repeated lines collapse into one *',
    script: "head -c 64 /dev/zero > z; printf 'x' >> z; od z; od -c z",
    stdout:
      '0000000 000000 000000 000000 000000 000000 000000 000000 000000\n' +
      '*\n' +
      '0000100 000170\n' +
      '0000101\n' +
      '0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n' +
      '*\n' +
      '0000100   x\n' +
      '0000101\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-v shows every line',
    script: 'head -c 48 /dev/zero | od -v -tx2',
    stdout:
      '0000000 0000 0000 0000 0000 0000 0000 0000 0000\n' +
      '0000020 0000 0000 0000 0000 0000 0000 0000 0000\n' +
      '0000040 0000 0000 0000 0000 0000 0000 0000 0000\n' +
      '0000060\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-j and -N, with hex and octal numbers',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od -j 3 -N 5 -c m; od -j 0x10 -c m; od -j 010 -N 0x2 -tx1 m",
    stdout:
      '0000003   l   o   ,       w\n' +
      '0000010\n' +
      '0000020 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      '0000010 6f 72\n' +
      '0000012\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-N with a b suffix (512) and KiB-style suffixes',
    script: "head -c 1100 /dev/zero | tr '\\000' A > big; od -N 1b -tx1 big; od -j 1KiB -c big; od -j 1kB -c big",
    stdout:
      '0000000 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41\n' +
      '*\n' +
      '0001000\n' +
      '0002000   A   A   A   A   A   A   A   A   A   A   A   A   A   A   A   A\n' +
      '*\n' +
      '0002100   A   A   A   A   A   A   A   A   A   A   A   A\n' +
      '0002114\n' +
      '0001750   A   A   A   A   A   A   A   A   A   A   A   A   A   A   A   A\n' +
      '*\n' +
      '0002110   A   A   A   A\n' +
      '0002114\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-w: -w4, -w alone is 32, widths that do not fit warn',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -w4 -tx1 m; od -w -tx1 m; od -w3 -tx2 m; od -w0 m; echo "status $?"',
    stdout:
      '0000000 48 65 6c 6c\n' +
      '0000004 6f 2c 20 77\n' +
      '0000010 6f 72 6c 64\n' +
      '0000014 21 0a 00 01\n' +
      '0000020 7f 80 fe ff\n' +
      '0000024 61 62 63\n' +
      '0000027\n' +
      '0000000 48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 0a 00 01 7f 80 fe ff 61 62 63\n' +
      '0000027\n' +
      '0000000 6548\n' +
      '0000002 6c6c\n' +
      '0000004 2c6f\n' +
      '0000006 7720\n' +
      '0000010 726f\n' +
      '0000012 646c\n' +
      '0000014 0a21\n' +
      '0000016 0100\n' +
      '0000020 807f\n' +
      '0000022 fffe\n' +
      '0000024 6261\n' +
      '0000026 0063\n' +
      '0000027\n' +
      '0000000 062510\n' +
      '0000002 066154\n' +
      '0000004 026157\n' +
      '0000006 073440\n' +
      '0000010 071157\n' +
      '0000012 062154\n' +
      '0000014 005041\n' +
      '0000016 000400\n' +
      '0000020 100177\n' +
      '0000022 177776\n' +
      '0000024 061141\n' +
      '0000026 000143\n' +
      '0000027\n' +
      'status 0\n',
    stderr:
      'od: warning: invalid width 3; using 2 instead\n' +
      'od: warning: invalid width 0; using 2 instead\n',
    status: 0,
  },
  {
    name: 'several files and - are one stream; - read twice is empty',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; printf 'AB' | od -c m - m -",
    stdout:
      '0000000   H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020 177 200 376 377   a   b   c   A   B   H   e   l   l   o   ,    \n' +
      '0000040   w   o   r   l   d   !  \\n  \\0 001 177 200 376 377   a   b   c\n' +
      '0000060\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'a missing file is reported, the others dumped, status 1',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -c nofile m nofile2; echo "status $?"',
    stdout:
      '0000000   H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      'status 1\n',
    stderr:
      'od: nofile: No such file or directory\n' +
      'od: nofile2: No such file or directory\n',
    status: 0,
  },
  {
    name: 'a directory: read error, and standard input named as such',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; mkdir d; od -c d m; echo "status $?"; od < d; echo "status $?"',
    stdout:
      '0000000   H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      'status 1\n' +
      '0000000\n' +
      'status 1\n',
    stderr:
      'od: d: Is a directory\n' +
      "od: 'standard input': Is a directory\n",
    status: 0,
  },
  {
    name: 'empty input: just the offset, or nothing with -An',
    script: 'od </dev/null; od -An </dev/null; echo "status $?"',
    stdout:
      '0000000\n' +
      'status 0\n',
    stderr: '',
    status: 0,
  },
  {
    name: '--endian=big swaps each datum',
    script: "printf 'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc' > m; od --endian=big -tx2 -tx4 m; od --endian=little -tx2 m",
    stdout:
      '0000000 4865 6c6c 6f2c 2077 6f72 6c64 210a 0001\n' +
      '         48656c6c  6f2c2077  6f726c64  210a0001\n' +
      '0000020 7f80 feff 6162 6300\n' +
      '         7f80feff  61626300\n' +
      '0000027\n' +
      '0000000 6548 6c6c 2c6f 7720 726f 646c 0a21 0100\n' +
      '0000020 807f fffe 6261 0063\n' +
      '0000027\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-S: NUL-terminated strings of at least N printable bytes',
    script: "printf 'ab\\000abc\\000\\001defgh\\000ijk' > s; od -S3 s; od -S 2 -Ad s; od --strings -An s",
    stdout:
      '0000003 abc\n' +
      '0000010 defgh\n' +
      '0000000 ab\n' +
      '0000003 abc\n' +
      '0000008 defgh\n' +
      'abc\n' +
      'defgh\n',
    stderr: '',
    status: 0,
  },
  {
    name: '-S with -N: the limit cuts a string, printed without its NUL (its offset may wrap)',
    script: "printf 'ab\\000abc\\000\\001defgh\\000ijk' > s; od -S2 -N6 s; od -N2 -S1 s",
    stdout:
      '0000000 ab\n' +
      '0000002 abc\n' +
      '1777777777777777777777 ab\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'a bare suffix is one of it (-j k); after a sign it is not a number',
    script: 'head -c 1030 /dev/zero | tr \'\\000\' A > big; od -j k -c big; od -j +k big; echo "status $?"',
    stdout:
      '0002000   A   A   A   A   A   A\n' +
      '0002006\n' +
      'status 1\n',
    stderr:
      "od: invalid -j argument '+k'\n",
    status: 0,
  },
  {
    name: 'old-style offset operands: +OFFSET, OFFSET after a file, .-decimal, b',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -c m +10; od -c m 10; od -c m 12.; od -c m +1b; echo "status $?"',
    stdout:
      '0000010   o   r   l   d   !  \\n  \\0 001 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      '0000010   o   r   l   d   !  \\n  \\0 001 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      '0000000   H   e   l   l   o   ,       w   o   r   l   d   !  \\n  \\0 001\n' +
      '0000020 177 200 376 377   a   b   c\n' +
      '0000027\n' +
      'status 1\n',
    stderr:
      'od: 12.: No such file or directory\n' +
      'od: cannot skip past end of combined input\n',
    status: 0,
  },
  {
    name: '--traditional: FILE OFFSET LABEL',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od --traditional -tx1 m 10 20; od --traditional -An -tx1 m 10 20; od --traditional m a b; echo "status $?"',
    stdout:
      '0000010 (0000020) 6f 72 6c 64 21 0a 00 01 7f 80 fe ff 61 62 63\n' +
      '0000027 (0000037)\n' +
      '(0000010) 6f 72 6c 64 21 0a 00 01 7f 80 fe ff 61 62 63\n' +
      '(0000027)\n' +
      'status 1\n',
    stderr:
      "od: extra operand 'a'\n" +
      'od: compatibility mode supports at most one file\n' +
      "Try 'od --help' for more information.\n",
    status: 0,
  },
  {
    name: '-N reads no further than asked: the rest of a pipe is left',
    script: "printf 'abcdef\\n' | (od -N2 -c; cat)",
    stdout:
      '0000000   a   b\n' +
      '0000002\n' +
      'cdef\n',
    stderr: '',
    status: 0,
  },
  {
    name: 'invalid option, type strings and address radix: exact messages, status 1',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -Q m; echo "status $?"; od -t q m; echo "status $?"; od -t x3 m; echo "status $?"; od -t d16 -t fH m; echo "status $?"; od -t f2 m; echo "status $?"; od -A q m; echo "status $?"; od -tq -Q; echo "status $?"',
    stdout:
      'status 1\n' +
      'status 1\n' +
      'status 1\n' +
      'status 1\n' +
      'status 1\n' +
      'status 1\n' +
      'status 1\n',
    stderr:
      "od: invalid option -- 'Q'\n" +
      "Try 'od --help' for more information.\n" +
      "od: invalid character 'q' in type string 'q'\n" +
      "od: invalid type string 'x3';\n" +
      "this system doesn't provide a 3-byte integral type\n" +
      "od: invalid type string 'd16';\n" +
      "this system doesn't provide a 16-byte integral type\n" +
      "od: invalid character 'H' in type string 'fH'\n" +
      "od: invalid type string 'f2';\n" +
      "this system doesn't provide a 2-byte floating point type\n" +
      "od: invalid output address radix 'q'; it must be one character from [doxn]\n" +
      "od: invalid character 'q' in type string 'q'\n" +
      "od: invalid option -- 'Q'\n" +
      "Try 'od --help' for more information.\n",
    status: 0,
  },
  {
    name: 'bad numbers: suffix, sign, overflow, past the end',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -j 1x m; od --read-bytes=5y m; od -j -1 m; od -N 99999999999999999999 m; od -wx m; od -j 100 m; echo "status $?"; od -N 18446744073709551615 -j 2 m; echo "status $?"',
    stdout:
      'status 1\n' +
      'status 1\n',
    stderr:
      "od: invalid suffix in -j argument '1x'\n" +
      "od: invalid suffix in --read-bytes argument '5y'\n" +
      "od: invalid -j argument '-1'\n" +
      "od: -N argument '99999999999999999999' too large\n" +
      "od: invalid -w argument 'x'\n" +
      'od: cannot skip past end of combined input\n' +
      'od: skip-bytes + read-bytes is too large\n',
    status: 0,
  },
  {
    name: '--endian needs little or big',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od --endian=middle m; echo "status $?"; od --endian= m; echo "status $?"',
    stdout:
      'status 1\n' +
      'status 1\n',
    stderr:
      "od: invalid argument 'middle' for '--endian'\n" +
      'Valid arguments are:\n' +
      "  - 'little'\n" +
      "  - 'big'\n" +
      "Try 'od --help' for more information.\n" +
      "od: ambiguous argument '' for '--endian'\n" +
      'Valid arguments are:\n' +
      "  - 'little'\n" +
      "  - 'big'\n" +
      "Try 'od --help' for more information.\n",
    status: 0,
  },
  {
    name: '-S takes no type; --traditional takes one file',
    script: 'printf \'Hello, world!\\n\\000\\001\\177\\200\\376\\377abc\' > m; od -S3 -tx1 m; echo "status $?"; od --traditional m m m; echo "status $?"',
    stdout:
      'status 1\n' +
      'status 1\n',
    stderr:
      'od: no type may be specified when dumping strings\n' +
      "od: extra operand 'm'\n" +
      'od: compatibility mode supports at most one file\n' +
      "Try 'od --help' for more information.\n",
    status: 0,
  },
  {
    name: '/dev/full: "write error" at the end of each input once stdout failed, then close_stdout\'s',
    script: 'seq 1 3000 > r; od r r > /dev/full; echo "status $?"; echo x | od > /dev/full; echo "status $?"',
    stdout:
      'status 1\n' +
      'status 1\n',
    stderr:
      'od: write error\n' +
      'od: write error\n' +
      'od: write error: No space left on device\n' +
      'od: write error: No space left on device\n',
    status: 0,
  },
  {
    name: '--version',
    script: 'od --version',
    stdout:
      'od (GNU coreutils) 9.1\n' +
      'Copyright (C) 2022 Free Software Foundation, Inc.\n' +
      'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
      'This is free software: you are free to change and redistribute it.\n' +
      'There is NO WARRANTY, to the extent permitted by law.\n' +
      '\n' +
      'Written by Jim Meyering.\n',
    stderr: '',
    status: 0,
  },
];

describe('od matches GNU coreutils od 9.1', () => {
  for (const c of RECORDED) {
    it(c.name, () => {
      const r = runSh(c.script, { files });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});

describe('od in the machine', () => {
  it('an endless input does not freeze the machine: od is preempted and can be killed', () => {
    const r = runSh('od -v /dev/zero > /dev/null & sleep 0.2; kill $!; wait $!; echo "status $?"', { files });
    expect(r.stdout).toBe('status 143\n');
  });
  it('formatting charges virtual CPU beyond the read: 1 MiB as -t x1 costs at least 10 ms of user time', () => {
    const r = runSh('head -c 1048576 /dev/urandom > f; time -p od -v -tx1 f > /dev/null', { files, shell: 'bash' });
    expect(Number(/user ([\d.]+)/.exec(r.stderr)?.[1])).toBeGreaterThanOrEqual(0.01);
  });
});
