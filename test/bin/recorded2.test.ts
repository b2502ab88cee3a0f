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
  "b.txt": "line1\nline2\nline3\nline4\nline5\nline6\nline7\nline8\nline9\nline10\nline11\nline12\n",
  "g/d/c.txt": "hello\n",
  "g/d/e.log": "hello\n",
  "g/d/sub/f.txt": "hello\n",
  "bin": "x\u0000y\n",
  "words": "  indented\tline  \nthe end\n",
  "q/sp ace": "",
  "q/q\"d": "",
  "q/t\tb": "",
  "list0": "a.txt\u0000dup\u0000",
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
  {"why":"tr: string2 may hold only the case classes when translating","argv":["tr","[:lower:]","[:digit:]"],"stdin":"abc\n","stdout":"","stderr":"tr: when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'\n","status":1},
  {"why":"tr: [:upper:] in string2 needs a case class at the same place in string1","argv":["tr","a","[:upper:]"],"stdin":"abc\n","stdout":"","stderr":"tr: misaligned [:upper:] and/or [:lower:] construct\n","status":1},
  {"why":"tr: a backslash at the end is kept, with unquote()'s warning","argv":["tr","a","\\"],"stdin":"ab\n","stdout":"\\b\n","stderr":"tr: warning: an unescaped backslash at end of string is not portable\n","status":0},
  {"why":"tr: \\400 is \\40 then '0', with the ambiguous-octal warning","argv":["tr","\\400","x"],"stdin":"a b0\n","stdout":"axbx\n","stderr":"tr: warning: the ambiguous octal escape \\400 is being\n\tinterpreted as the 2-byte sequence \\040, 0\n","status":0},
  {"why":"tr: [c*n] with a count is allowed in string1","argv":["tr","[a*3]","x"],"stdin":"abcA\n","stdout":"xbcA\n","stderr":"","status":0},
  {"why":"tr: a non-numeric [c*n] count","argv":["tr","a","[b*x]"],"stdin":"abc\n","stdout":"","stderr":"tr: invalid repeat count 'x' in [c*n] construct\n","status":1},
  {"why":"tr: [::] names no class","argv":["tr","-d","[::]"],"stdin":"abc\n","stdout":"","stderr":"tr: missing character class name '[::]'\n","status":1},
  {"why":"tr: complemented classes must map to one byte","argv":["tr","-c","[:lower:]","xy"],"stdin":"abc1\n","stdout":"","stderr":"tr: when translating with complemented character classes,\nstring2 must map all characters in the domain to one\n","status":1},
  {"why":"tr: [=c=] may not appear in string2 when translating","argv":["tr","abc","[=a=]"],"stdin":"abc\n","stdout":"","stderr":"tr: [=c=] expressions may not appear in string2 when translating\n","status":1},
  {"why":"tr: range endpoints print as octal escapes","argv":["tr","\\n-\\001","x"],"stdin":"abc\n","stdout":"","stderr":"tr: range-endpoints of '\\012-\\001' are in reverse collating sequence order\n","status":1},
  {"why":"tr: [c*] in string2 only when translating","argv":["tr","-ds","a","[b*]"],"stdin":"abc\n","stdout":"","stderr":"tr: the [c*] construct may appear in string2 only when translating\n","status":1},
  {"why":"seq: NaN is refused","argv":["seq","1","nan"],"stdout":"","stderr":"seq: invalid 'not-a-number' argument: 'nan'\nTry 'seq --help' for more information.\n","status":1},
  {"why":"seq: C hex operands","argv":["seq","0x10","0x12"],"stdout":"16\n17\n18\n","stderr":"","status":0},
  {"why":"seq: an exponent sets the precision, not %g","argv":["seq","1e6","1e6","3e6"],"stdout":"1000000\n2000000\n3000000\n","stderr":"","status":0},
  {"why":"seq: exponent precision","argv":["seq","1.25e1","0.5e-1","1.3e1"],"stdout":"12.50\n12.55\n12.60\n12.65\n12.70\n12.75\n12.80\n12.85\n12.90\n12.95\n13.00\n","stderr":"","status":0},
  {"why":"seq: a format with an unknown conversion","argv":["seq","-f","%d","3"],"stdout":"","stderr":"seq: format '%d' has unknown %d directive\n","status":1},
  {"why":"seq: a format with two directives","argv":["seq","-f","a%gb%g","3"],"stdout":"","stderr":"seq: format 'a%gb%g' has too many % directives\n","status":1},
  {"why":"seq: a format ending in %","argv":["seq","-f","%5","3"],"stdout":"","stderr":"seq: format '%5' ends in %\n","status":1},
  {"why":"seq: -f with -w","argv":["seq","-w","-f","%g","3"],"stdout":"","stderr":"seq: format string may not be specified when printing equal width strings\nTry 'seq --help' for more information.\n","status":1},
  {"why":"seq: a zero increment is refused before LAST is read","argv":["seq","1","0","x"],"stdout":"","stderr":"seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n","status":1},
  {"why":"seq: -w takes no width from a hex operand","argv":["seq","-w","0x8","0x10"],"stdout":"8\n9\n10\n11\n12\n13\n14\n15\n16\n","stderr":"","status":0},
  {"why":"grep: -A0 still separates groups with --","argv":["grep","-A0","line[36]","b.txt"],"stdout":"line3\n--\nline6\n","stderr":"","status":0},
  {"why":"grep: --group-separator","argv":["grep","--group-separator=XX","-A1","line[36]","b.txt"],"stdout":"line3\nline4\nXX\nline6\nline7\n","stderr":"","status":0},
  {"why":"grep: --no-group-separator","argv":["grep","--no-group-separator","-A1","line[36]","b.txt"],"stdout":"line3\nline4\nline6\nline7\n","stderr":"","status":0},
  {"why":"grep: -o prints no context lines but groups its matches by them","argv":["grep","-o","-A1","line[36]","b.txt"],"stdout":"line3\n--\nline6\n","stderr":"","status":0},
  {"why":"grep: -o -v prints the matches of the context lines","argv":["grep","-o","-v","-n","-C1","line3","b.txt"],"stdout":"3-line3\n","stderr":"","status":0},
  {"why":"grep: '[' alone is glibc's REG_BADPAT","argv":["grep","[","a.txt"],"stdout":"","stderr":"grep: Invalid regular expression\n","status":2},
  {"why":"grep: [:alpha:] outside a bracket is dfa's error","argv":["grep","[:alpha:]","a.txt"],"stdout":"","stderr":"grep: character class syntax is [[:space:]], not [:space:]\n","status":2},
  {"why":"sed: [:alpha:] outside a bracket panics with status 4","argv":["sed","s/[:alpha:]/x/","a.txt"],"stdout":"","stderr":"sed: character class syntax is [[:space:]], not [:space:]\n","status":4},
  {"why":"grep: -d skip drops directory operands","argv":["grep","-d","skip","hello","g","a.txt"],"stdout":"a.txt:hello\n","stderr":"","status":0},
  {"why":"grep: a bad -d action is argmatch's usage (status 1)","argv":["grep","-d","foo","x","a.txt"],"stdout":"","stderr":"grep: invalid argument 'foo' for '--directories'\nValid arguments are:\n  - 'read'\n  - 'recurse'\n  - 'skip'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n","status":1},
  {"why":"grep: -I reads a binary file as one without a match","argv":["grep","-I","-c","y","bin"],"stdout":"0\n","stderr":"","status":1},
  {"why":"grep: -z reads and writes NUL-terminated lines","argv":["grep","-z","b"],"stdin":"a\u0000b\nc\u0000","stdout":"b\nc\u0000","stderr":"","status":0},
  {"why":"grep: --label names standard input","argv":["grep","--label=foo","-H","h"],"stdin":"hi\n","stdout":"foo:hi\n","stderr":"","status":0},
  {"why":"grep: --include filters the files of a recursive walk","argv":["grep","-r","--include=*.log","hello","g/d"],"stdout":"g/d/e.log:hello\n","stderr":"","status":0},
  {"why":"grep: --exclude-dir skips directories by name","argv":["grep","-r","--exclude-dir=sub","--exclude=*.log","hello","g"],"stdout":"g/d/c.txt:hello\n","stderr":"","status":0},
  {"why":"grep: --exclude on the command line matches any tail after a '/'","argv":["grep","--exclude=c.txt","hello","g/d/c.txt","a.txt"],"stdout":"a.txt:hello\n","stderr":"","status":0},
  {"why":"grep: -E then -F conflict","argv":["grep","-E","-F","hello","a.txt"],"stdout":"","stderr":"grep: conflicting matchers specified\n","status":2},
  {"why":"grep -P: \\d and -o","argv":["grep","-oP","\\d+"],"stdin":"a1b22\n","stdout":"1\n22\n","stderr":"","status":0},
  {"why":"grep -P: \\K keeps the greedy prefix out of the match","argv":["grep","-oP","^\\w+\\s*=\\s*\\K.*"],"stdin":"k1=v1\nk2 = v2\n","stdout":"v1\nv2\n","stderr":"","status":0},
  {"why":"grep -P: lookarounds","argv":["grep","-oP","(?<=a)X(?=b)"],"stdin":"aXb cXd\n","stdout":"X\n","stderr":"","status":0},
  {"why":"grep -P: one pattern only","argv":["grep","-P","-e","a","-e","b","a.txt"],"stdout":"","stderr":"grep: the -P option only supports a single pattern\n","status":2},
  {"why":"grep -P: PCRE2's message for an unclosed group","argv":["grep","-P","(","a.txt"],"stdout":"","stderr":"grep: missing closing parenthesis\n","status":2},
  {"why":"sed: \\t inside a bracket is a tab (normalize_text())","argv":["sed","s/^[ \\t]*//;s/[ \\t]*$//","words"],"stdout":"indented\tline\nthe end\n","stderr":"","status":0},
  {"why":"sed: [\\n] matches a newline","argv":["sed","N;s/[\\n]/X/","a.txt"],"stdout":"helloXworld\n","stderr":"","status":0},
  {"why":"awk: mawk decodes escapes inside brackets too","argv":["awk","{gsub(/[\\t.]/,\"_\")}1"],"stdin":"a\tb.c\\d\n","stdout":"a_b_c\\d\n","stderr":"","status":0},
  {"why":"sed: 'a\\' ending the script appends nothing","argv":["sed","1a\\","a.txt"],"stdout":"hello\nworld\n","stderr":"","status":0},
  {"why":"sed: 'a\\' text continues in the next -e, also after a trailing backslash","argv":["sed","-e","1a\\","-e","foo\\","-e","bar","-e","s/world/W/","a.txt"],"stdout":"hello\nfoo\nbar\nW\n","stderr":"","status":0},
  {"why":"sed: v with a newer version fails","argv":["sed","v 4.10","a.txt"],"stdout":"","stderr":"sed: -e expression #1, char 6: expected newer version of sed\n","status":1},
  {"why":"sed: v takes an address","argv":["sed","1v","a.txt"],"stdout":"hello\nworld\n","stderr":"","status":0},
  {"why":"xargs: -n 0 is below parse_num()'s minimum","argv":["xargs","-n","0","echo"],"stdout":"","stderr":"xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n","status":1},
  {"why":"xargs: long options through getopt_long","argv":["xargs","--max-args=2","echo"],"stdin":"a b\nc\n","stdout":"a b\nc\n","stderr":"","status":0},
  {"why":"xargs: -i (optional {} replacement) after -n drops -n with a warning","argv":["xargs","-n1","-i","echo","[{}]"],"stdin":"a b\nc\n","stdout":"[a b]\n[c]\n","stderr":"xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value\n","status":0},
  {"why":"xargs: -L after -I drops -I with a warning","argv":["xargs","-I{}","-L2","echo"],"stdin":"a b\nc\n","stdout":"a b c\n","stderr":"xargs: warning: options --replace and -L are mutually exclusive, ignoring previous --replace value\n","status":0},
  {"why":"xargs: -e without an argument","argv":["xargs","-e","echo"],"stdin":"a b\nc\n","stdout":"a b c\n","stderr":"","status":0},
  {"why":"xargs: -a reads the items from a file","argv":["xargs","-a","a.txt","-n1","echo"],"stdout":"hello\nworld\n","stderr":"","status":0},
  {"why":"xargs: -a with a missing file","argv":["xargs","-a","missing","echo"],"stdout":"","stderr":"xargs: Cannot open input file 'missing': No such file or directory\n","status":1},
  {"why":"xargs: an unknown long option","argv":["xargs","--foo"],"stdout":"","stderr":"xargs: unrecognized option '--foo'\nTry 'xargs --help' for more information.\n","status":1},
  {"why":"ls -Q: c quoting style","argv":["ls","-Q","q"],"stdout":"\"q\\\"d\"\n\"sp ace\"\n\"t\\tb\"\n","stderr":"","status":0},
  {"why":"ls -b: escape style escapes the space in names","argv":["ls","-b","q"],"stdout":"q\"d\nsp\\ ace\nt\\tb\n","stderr":"","status":0},
  {"why":"ls -bR: directory headers keep their spaces","argv":["ls","-bR","q"],"stdout":"q:\nq\"d\nsp\\ ace\nt\\tb\n","stderr":"","status":0},
  {"why":"find -regex: emacs syntax, whole path","argv":["find","g","-regex",".*/\\(c\\|x\\)\\.[a-z]+"],"stdout":"g/d/c.txt\n","stderr":"","status":0},
  {"why":"find -regextype posix-extended","argv":["find","g","-regextype","posix-extended","-regex",".*/(c|x)\\.txt"],"stdout":"g/d/c.txt\n","stderr":"","status":0},
  {"why":"find -iregex","argv":["find","g/d","-iregex",".*/C\\.TXT"],"stdout":"g/d/c.txt\n","stderr":"","status":0},
  {"why":"find: an unknown -regextype","argv":["find",".","-regextype","foo"],"stdout":"","stderr":"find: Unknown regular expression type 'foo'; valid types are 'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'.\n","status":1},
  {"why":"find: a bad -regex","argv":["find",".","-regex","\\("],"stdout":"","stderr":"find: failed to compile regular expression '\\(': Unmatched ( or \\(\n","status":1},
  {"why":"sed: a failed read (a directory) is read error on, a panic with status 4","argv":["sed","p","a.txt","g","a.txt"],"stdout":"hello\nhello\nworld\nworld\n","stderr":"sed: read error on g: Is a directory\n","status":4},
  {"why":"awk: a failed read is mawk's read error","argv":["awk","1","a.txt","g"],"stdout":"hello\nworld\n","stderr":"awk: read error (Is a directory)\n","status":2},
  {"why":"sort: a failed read is read failed","argv":["sort","a.txt","g"],"stdout":"","stderr":"sort: read failed: g: Is a directory\n","status":2},
  {"why":"uniq: a failed read is error reading","argv":["uniq","g"],"stdout":"","stderr":"uniq: error reading 'g'\n","status":1},
  {"why":"find --version","argv":["find","--version"],"stdout":"find (GNU findutils) 4.9.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\nFeatures enabled: D_TYPE O_NOFOLLOW(enabled) LEAF_OPTIMISATION FTS(FTS_CWDFD) CBO(level=2) \n","stderr":"","status":0},
  {"why":"sort: an end field of 0","argv":["sort","-k1,0","a.txt"],"stdout":"","stderr":"sort: field number is zero: invalid field specification '1,0'\n","status":2},
  {"why":"sort: stray character in a key","argv":["sort","-k1,2.0x","a.txt"],"stdout":"","stderr":"sort: stray character in field spec: invalid field specification '1,2.0x'\n","status":2},
  {"why":"sort: nothing after ','","argv":["sort","-k1,","a.txt"],"stdout":"","stderr":"sort: invalid number after ',': invalid count at start of ''\n","status":2},
  {"why":"tail: -n +2 then -c 3 keeps from_start","argv":["tail","-n","+2","-c","3","a.txt"],"stdout":"llo\nworld\n","stderr":"","status":0},
  {"why":"wc --files0-from a pipe: width 1, a total","argv":["wc","--files0-from=-"],"stdin":"a.txt\u0000dup\u0000","stdout":"2 2 12 a.txt\n8 8 16 dup\n10 10 28 total\n","stderr":"","status":0},
  {"why":"wc --files0-from a regular file: widths from the sizes","argv":["wc","--files0-from=list0"],"stdout":" 2  2 12 a.txt\n 8  8 16 dup\n10 10 28 total\n","stderr":"","status":0},
  {"why":"wc --files0-from: a zero-length name","argv":["wc","-l","--files0-from=-"],"stdin":"a.txt\u0000\u0000missing\u0000","stdout":"2 a.txt\n2 total\n","stderr":"wc: -:2: invalid zero-length file name\nwc: missing: No such file or directory\n","status":1},
  {"why":"wc --files0-from with an operand","argv":["wc","--files0-from=list0","a.txt"],"stdout":"","stderr":"wc: extra operand 'a.txt'\nfile operands cannot be combined with --files0-from\nTry 'wc --help' for more information.\n","status":1},
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
