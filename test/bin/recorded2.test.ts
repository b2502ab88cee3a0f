// More cases recorded from the real tools (Debian 12: GNU coreutils 9.1, grep 3.8, sed 4.9, mawk
// 1.3.4, findutils 4.9) with LC_ALL=C, each run in /tmp/rec2/w holding FILES; the simulated
// machine must give the same stdout, stderr and exit status byte for byte. `why` names the
// behaviour each case pins down.
import { describe, expect, it } from 'vitest';
import { run } from './harness.ts';

interface Case { why: string; argv: string[]; stdin?: string; stdout: string; stderr: string; status: number }

const FILES: Record<string, string> = {
  "a.txt": "hello\nworld\n",
  "dup": "a\na\nb\nc\nc\nc\nd\na\n",
  "d/inner": "inner\n",
  "csv": "name,age,city\nalice,30,paris\nbob,25,rome\n",
};

const CASES: Case[] = [
  {"why":"head: a count over UINTMAX_MAX is EOVERFLOW in xdectoumax()","argv":["head","-n","99999999999999999999","a.txt"],"stdout":"","stderr":"head: invalid number of lines: '99999999999999999999': Value too large for defined data type\n","status":1},
  {"why":"head: the elide '-' is not part of the quoted number","argv":["head","-n","-x","a.txt"],"stdout":"","stderr":"head: invalid number of lines: 'x'\n","status":1},
  {"why":"head: a suffix past UINTMAX_MAX overflows too","argv":["head","-c","20E","a.txt"],"stdout":"","stderr":"head: invalid number of bytes: '20E': Value too large for defined data type\n","status":1},
  {"why":"tail: obsolete count too large: strtoumax's ERANGE","argv":["tail","-99999999999999999999","a.txt"],"stdout":"","stderr":"tail: invalid number: '-99999999999999999999': Numerical result out of range\n","status":1},
  {"why":"tail: -n '+N' overflow quotes the '+'","argv":["tail","-n","+99999999999999999999","a.txt"],"stdout":"","stderr":"tail: invalid number of lines: '+99999999999999999999': Value too large for defined data type\n","status":1},
  {"why":"tail: a leading '-' is skipped before the number","argv":["tail","-c","--5","a.txt"],"stdout":"","stderr":"tail: invalid number of bytes: '-5'\n","status":1},
  {"why":"wc: a directory reads with EISDIR, and wc() still writes its zero counts","argv":["wc","d","a.txt"],"stdout":"      0       0       0 d\n      2       2      12 a.txt\n      2       2      12 total\n","stderr":"wc: d: Is a directory\n","status":1},
  {"why":"uniq -D prints every line of each repeated group","argv":["uniq","-D","dup"],"stdout":"a\na\nc\nc\nc\n","stderr":"","status":0},
  {"why":"uniq --all-repeated=separate","argv":["uniq","--all-repeated=separate","dup"],"stdout":"a\na\n\nc\nc\nc\n","stderr":"","status":0},
  {"why":"uniq --group=both","argv":["uniq","--group=both","dup"],"stdout":"\na\na\n\nb\n\nc\nc\nc\n\nd\n\na\n\n","stderr":"","status":0},
  {"why":"uniq --group with a bad method: argmatch's list","argv":["uniq","--group=x","dup"],"stdout":"","stderr":"uniq: invalid argument 'x' for '--group'\nValid arguments are:\n  - 'prepend'\n  - 'append'\n  - 'separate'\n  - 'both'\nTry 'uniq --help' for more information.\n","status":1},
  {"why":"uniq -D -c is refused","argv":["uniq","-D","-c","dup"],"stdout":"","stderr":"uniq: printing all duplicated lines and repeat counts is meaningless\nTry 'uniq --help' for more information.\n","status":1},
  {"why":"sort -M: month abbreviations, unknown first","argv":["sort","-M"],"stdin":"Feb x\n jan\nDEC\nfoo\nmar\nSEPT\n","stdout":"foo\n jan\nFeb x\nmar\nSEPT\nDEC\n","stderr":"","status":0},
  {"why":"sort -m merges without sorting","argv":["sort","-m","a.txt","dup"],"stdout":"a\na\nb\nc\nc\nc\nd\na\nhello\nworld\n","stderr":"","status":0},
  {"why":"sort -g: conversion failures, then NaNs, then numbers","argv":["sort","-g"],"stdin":"1e2\ninf\n-inf\nnan\n0x1\nx\n\n-nan\n","stdout":"\nx\nnan\n-nan\n-inf\n0x1\n1e2\ninf\n","stderr":"","status":0},
  {"why":"sort: two orderings on one key are incompatible","argv":["sort","-k1n,1g","a.txt"],"stdout":"","stderr":"sort: options '-gn' are incompatible\n","status":2},
  {"why":"sort -c takes one file","argv":["sort","-c","a.txt","dup"],"stdout":"","stderr":"sort: extra operand 'dup' not allowed with -c\n","status":2},
];

const files: Record<string, string> = {};
for (const [name, content] of Object.entries(FILES)) files[`/tmp/rec2/w/${name}`] = content;
const ENV = ['LC_ALL=C', 'TZ=UTC', 'PATH=/usr/bin:/bin', 'HOME=/root'];

describe('core utilities match the recorded Debian 12 tools (second set)', () => {
  for (const c of CASES) {
    it(`${c.why}: ${c.argv.map((a) => JSON.stringify(a)).join(' ')}`, () => {
      const r = run(c.argv, { files, cwd: '/tmp/rec2/w', env: ENV, stdin: c.stdin ?? '' });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});
