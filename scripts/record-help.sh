#!/usr/bin/env bash
# Record every user-land program's --help and --version from the real tools on this host
# (Debian 12: GNU coreutils 9.1, util-linux 2.38.1, procps-ng 4.0.2, psmisc, grep 3.8, sed 4.9,
# findutils 4.9, mawk, debianutils which, ncurses clear, libcap capsh), plus the option-handling
# cases in CASES below, each as `env -i LC_ALL=C PATH=/usr/bin:/bin:/usr/sbin:/sbin ARGV...`.
#
#   scripts/record-help.sh
#
# Writes
#   test/bin/golden/help-version.json   stdout, stderr and exit status of each run, byte for byte
#                                       (latin1 strings); the test compares our programs with it.
#   src/userland/bin/help_texts_gnu.ts  the --help texts and --version texts as a data module the
#                                       programs import, with GNU's shared footer (gnuFooter) and
#                                       version boilerplate (versionText) factored out.
#
# argv[0]: GNU prints program_name (argv[0]) in "Usage: %s" and util-linux its short name. Each
# program is run a second time with argv[0] = /x/MARKER (bash's exec -a); where the marker shows,
# the data module prints the program's argv[0] instead (whole, or its last part: SHORT_NAMED). The recording itself has argv[0] = the
# bare name, as execvp passes it and as our tests run the programs. Debian's which is a sh script:
# its $0 is the script's path whatever argv[0] says, so its "/usr/bin/which" stays literal.
set -euo pipefail
cd "$(dirname "$0")/.."
node --input-type=module - <<'NODE'
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

// PROGRAM_PATHS (src/init/layout.ts) without init, the shells, the kmod tools, and the
// playground's own man/help/crash/hotplug.
const PROGS = ['echo', 'cat', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'touch', 'ln', 'readlink', 'realpath', 'chmod',
  'true', 'yes', 'false', 'sleep', 'kill', 'ps', 'dmesg', 'uname', 'pwd', 'date', 'mount', 'umount', 'grep', 'sed',
  'head', 'tail', 'od', 'wc', 'sort', 'uniq', 'tr', 'cut', 'tee', 'xargs', 'env', 'test', '[', 'expr', 'seq', 'printf',
  'pstree', 'id', 'basename', 'dirname', 'stat', 'find', 'clear', 'which', 'awk', 'capsh', 'mktemp', 'whoami',
  'hostname', 'printenv', 'tac', 'rev', 'paste', 'nl', 'comm', 'fold', 'truncate', 'join', 'md5sum', 'sha256sum',
  'cksum', 'dd', 'du', 'df'];
// The option handling of the programs that parse only --help/--version (GNU's
// parse_gnu_standard_options_only / parse_long_options) or nothing at all. Runs that would not
// end (yes) go through sh and head.
const CASES = [
  ['yes', '--bogus'], ['yes', '-x'], ['yes', '--he'], ['yes', '--ver'], ['yes', '--version', '--help'],
  ['yes', '--help', '--version'], ['sh', '-c', 'yes -- -x | head -n 2'], ['sh', '-c', 'yes a --help | head -n 2'],
  ['sh', '-c', 'yes -- | head -n 2'], ['sh', '-c', 'yes a -- b | head -n 2'], ['yes', '--help', 'extra'],
  ['true', '--bogus'], ['true', '--help', 'extra'], ['true', '--he'], ['true', '--version', '--help'],
  ['false', '--bogus'], ['false', '--help', 'extra'], ['false', '--he'], ['false', '--version'],
  ['echo', '--bogus'], ['echo', '-x'], ['echo', '--help', 'extra'], ['echo', '--he'], ['echo', '--version', '--help'],
  ['echo', '-n', '--help'], ['echo', '--', '--help'],
  ['printenv', '--bogus'], ['printenv', '-x'], ['printenv', '--he'], ['printenv', '--version', '--help'],
  ['printenv', '--help', 'extra'], ['printenv', '--nu', 'NOPE'], ['printenv', '-i'], ['printenv', '-u', 'A'], ['printenv', '-u'],
  ['printenv', '-i', '--help'], ['printenv', '--help', '-i'],
  ['whoami', '--bogus'], ['whoami', '-x'], ['whoami', '--he'], ['whoami', '--version', '--help'], ['whoami', '--help', 'extra'],
  ['whoami', 'extra'], ['whoami', '--', 'extra'],
  ['hostname', '--bogus'], ['hostname', '-x'], ['hostname', '--he'], ['hostname', '--version', '--help'], ['hostname', '-h'],
  ['hostname', '-V'],
  ['sleep', '--bogus'], ['sleep', '-x'], ['sleep', '--he'], ['sleep', '--version', '--help'], ['sleep', '--help', 'extra'],
  ['sleep'], ['sleep', '-1'],
  ['pwd', '--bogus'], ['pwd', '-x'], ['pwd', '--he'], ['pwd', '--version', '--help'], ['pwd', '--help', 'extra'],
  ['uname', '--bogus'], ['uname', '--he'], ['uname', '--version', '--help'], ['uname', '--v'],
  ['basename', '--bogus'], ['basename', '--he'], ['dirname', '--bogus'], ['dirname', '--he'],
  ['id', '--bogus'], ['id', '--he'],
  ['printf', '--bogus'], ['printf', '--he'], ['printf', '--help', 'extra'], ['printf', '--version', '--help'],
  ['[', '--bogus'], ['[', '--he'], ['[', '--help', 'extra'], ['[', '--version', ']'], ['test', '--help'],
  ['expr', '--bogus'], ['expr', '--he'], ['expr', '--help', 'extra'], ['expr', '--version', '--help'],
  ['seq', '--he'], ['seq', '--bogus'], ['cat', '--he'], ['cat', '--bogus'], ['ls', '--bogus'], ['ls', '--he'],
  ['mkdir', '--he'], ['env', '--bogus'], ['env', '--he'], ['tee', '--he'], ['rm', '--he'],
  ['dd', '--he'], ['dd', '--bogus'], ['df', '--he'], ['du', '--he'],
  ['kill', '--he'], ['kill', '--bogus'], ['ps', '--bogus'], ['dmesg', '--he'], ['rev', '--he'], ['rev', '-h'],
  ['mount', '--he'], ['umount', '--he'], ['pstree', '--bogus'], ['pstree', '-V'], ['clear', '-V'],
  ['grep', '--he'], ['sed', '--he'], ['find', '--he'], ['find', '-help'], ['xargs', '--he'],
  ['capsh', '-h'], ['which', '-x'], ['awk', '-W', 'version'],
  // A --help or --version before a bad option wins: GNU handles each option as getopt_long
  // returns it. Abbreviations, arguments to options that take none, and "--".
  ['cat', '--help', '--bogus'], ['ls', '--version', '-!'], ['sleep', '--bogus', '--help'], ['whoami', 'a', '--help'],
  ['sh', '-c', 'yes --help --bogus | head -n 1'], ['yes', '--help=x'], ['sh', '-c', 'yes - -- | head -n 1'],
  ['sh', '-c', 'yes a b -- c | head -n 1'], ['sh', '-c', 'yes a -- --help | head -n 1'],
  ['uname', '--a', '--help'], ['printenv', '--help=x'], ['pwd', '-L', '--help'], ['dd', '--help', 'extra'],
  ['dd', 'bs=1', '--version'], ['mkdir', '--version', '--bogus'], ['true', '--help=x'], ['false', '--version', 'x'],
  ['echo', '-e', '--help'], ['echo', '--help', '-n'], ['printf', '--help=x'], ['printf', '--', '--help'],
  ['expr', '--help=x'], ['expr', '--', '--help'], ['expr', '--h'], ['expr', '--'],
  ['env', '-i', '--help'], ['env', '--', '--help'], ['tee', '--help', '--bogus'], ['head', '--ver'],
  ['sort', '--help', '--bogus'], ['wc', '--he'], ['uniq', '--ver'], ['tr', '--he'], ['cut', '--v'],
  ['seq', '--help', '--bogus'], ['grep', '--help', '--bogus'], ['grep', '-V'], ['grep', '--help', '-V'], ['grep', '--help', '-A', 'x'], ['sed', '--v'],
  ['xargs', '--version', '--bogus'], ['od', '--help', '--bogus'], ['stat', '--he'], ['readlink', '--he'],
  ['realpath', '--ver'], ['basename', '--help', 'x'], ['dirname', '--version', 'x'], ['id', '--version', 'x'],
  ['mktemp', '--he'], ['tac', '--he'], ['paste', '--he'], ['nl', '--he'], ['comm', '--he'], ['fold', '--he'],
  ['truncate', '--he'], ['join', '--he'], ['md5sum', '--he'], ['sha256sum', '--ver'], ['cksum', '--he'],
  ['chmod', '--he'], ['ln', '--he'], ['cp', '--he'], ['mv', '--he'], ['rmdir', '--he'], ['rm', '--help', '--bogus'],
  ['kill', '-V'], ['kill', '-h'], ['dmesg', '-V'], ['dmesg', '-h'], ['mount', '-V'], ['mount', '-h'],
  ['umount', '-V'], ['umount', '-h'], ['rev', '-V'], ['ps', '-V'], ['ps', 'V'], ['ps', '--version'],
  ['pstree', '--help'], ['find', '-version'], ['which', '--'], ['hostname', '--version', '--bogus'],
  // procps ps: --help takes a section ("=X", ":X" or the next argument) and exits at once.
  ['ps', '--help', 's'], ['ps', '--help', 'simple'], ['ps', '--help=l'], ['ps', '--help:o'], ['ps', '--help', 'threads'],
  ['ps', '--help', 'm'], ['ps', '--help', 'a'], ['ps', '--help', 'all'], ['ps', '--help', 'x'], ['ps', '--help='],
  ['ps', '--help', '-e'], ['ps', '--help', 's', '--bogus'], ['ps', '--he', 's'], ['ps', '-e', '--help', 'l'],
  // getopt_long's ambiguous prefixes: the matches that differ from the first, in the program's
  // long_options order (glibc process_long_option()).
  ['cat', '--s'], ['cat', '--n'], ['cp', '--a'], ['cp', '--p'], ['cp', '--c'], ['cp', '--n'], ['cp', '--r'], ['cp', '--s'],
  ['cp', '--v'], ['mv', '--n'], ['mv', '--s'], ['mv', '--v'], ['rm', '--v'], ['mkdir', '--v'], ['rmdir', '--v'], ['ln', '--s'],
  ['ln', '--n'], ['ln', '--v'], ['readlink', '--c'], ['readlink', '--v'], ['realpath', '--c'], ['realpath', '--r'],
  ['chmod', '--r'], ['chmod', '--v'], ['uname', '--k'], ['uname', '--h'], ['grep', '--e'], ['grep', '--f'], ['grep', '--b'],
  ['grep', '--r'], ['grep', '--i'], ['grep', '--n'], ['grep', '--w'], ['grep', '--l'], ['grep', '--d'], ['grep', '--c'],
  ['sed', '--s'], ['sed', '--f'], ['head', '--v'], ['tail', '--s'], ['tail', '--v'], ['od', '--s'], ['uniq', '--c'],
  ['uniq', '--s'], ['cut', '--c'], ['cut', '--o'], ['xargs', '--n'], ['xargs', '--e'], ['xargs', '--m'], ['xargs', '--v'],
  ['env', '--i'], ['env', '--d'], ['id', '--g'], ['stat', '--f'], ['mktemp', '--d'], ['nl', '--s'], ['nl', '--h'],
  ['nl', '--n'], ['join', '--h'], ['md5sum', '--t'], ['md5sum', '--s'], ['sha256sum', '--t'], ['sha256sum', '--s'],
  ['cksum', '--s'], ['du', '--n'], ['du', '--a'], ['du', '--b'], ['du', '--t'], ['du', '--d'], ['du', '--s'], ['du', '--h'],
  ['du', '--e'], ['df', '--h'], ['df', '--s'], ['df', '--p'], ['df', '--t'], ['sort', '--f'], ['sort', '--d'], ['sort', '--b'],
  ['sort', '--c'], ['sort', '--check=x'], ['sort', '--check='], ['sort', '--check=q', '/dev/null'], ['sort', '--check', '/dev/null'],
  // Short options that take an argument, or not: cp and mv -T (no argument) and -S SUFFIX.
  ['cp', '-T', '/nonexistent', '/tmp/y'], ['mv', '-T', '/nonexistent', '/tmp/y'], ['cp', '-S', '.b', '/nonexistent', '/tmp/y'],
  ['cksum', '--binary'], ['chmod', '--rec'], ['stat', '--cached=x', '/'], ['stat', '--cached=', '/'],
  ['ps', '--help', ''], ['ps', '--version', 'x'], ['ps', '-@'], ['ps', '--'], ['ps', '--1'], ['ps', '-'], ['ps', ''],
  ['ps', 'V', 'x'], ['ps', '-eV'], ['ps', '--version=1'], ['ps', '--help', 'constructor'],
];
const MARK = 'ARGV0MARK';
const ENV = { LC_ALL: 'C', PATH: '/usr/bin:/bin:/usr/sbin:/sbin' };

function runReal(argv, argv0 = argv[0]) {
  // bash's exec -a sets argv[0] as a program's main() sees it; env -i leaves nothing else.
  const r = spawnSync('env', ['-i', ...Object.entries(ENV).map(([k, v]) => `${k}=${v}`),
    'bash', '--norc', '-c', 'exec -a "$0" "$@"', argv0, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status ?? 128 };
}

const recorded = [];
const marked = {};
const shortNamed = new Set();
for (const prog of PROGS) {
  for (const opt of ['--help', '--version']) {
    const r = runReal([prog, opt]);
    recorded.push({ argv: [prog, opt], ...r });
    // argv[0] = /x/MARK: GNU shows it whole, util-linux, procps, grep and mawk its last part.
    const m = runReal([prog, opt], `/x/${MARK}`);
    const back = (s) => s.split(`/x/${MARK}`).join(prog).split(MARK).join(prog);
    if (back(m.stdout) !== r.stdout || back(m.stderr) !== r.stderr) throw new Error(`${prog} ${opt}: argv[0] is not all`);
    if (/(^|[^/])ARGV0MARK/.test(m.stdout + m.stderr)) shortNamed.add(prog);
    const one = (s) => s.split(`/x/${MARK}`).join(MARK);
    marked[`${prog} ${opt}`] = { ...m, stdout: one(m.stdout), stderr: one(m.stderr) };
  }
}
for (const argv of CASES) recorded.push({ argv, ...runReal(argv) });
writeFileSync('test/bin/golden/help-version.json',
  `{"cases": [\n${recorded.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n]}\n`);

// ---- the data module ----
const q1 = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/[^\x20-\x7e\\]/g,
  (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
const qt = (s) => `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n')
  .split(MARK).join('${p}')}\``;
const FOOTER = /GNU coreutils online help: <https:\/\/www\.gnu\.org\/software\/coreutils\/>\nReport any translation bugs to <https:\/\/translationproject\.org\/team\/>\nFull documentation <https:\/\/www\.gnu\.org\/software\/coreutils\/([^>]+)>\nor available locally via: info '\(coreutils\) ([^']+)'\n$/;
/** One text as TS: a line a string, argv[0] as ${p}, GNU's footer as gnuFooter(). */
function tsText(text) {
  let tail = '';
  const f = FOOTER.exec(text);
  if (f) {
    text = text.slice(0, f.index);
    tail = f[2] === `${f[1]} invocation` ? `gnuFooter(${q1(f[1])})` : `gnuFooter(${q1(f[1])}, ${q1(f[2])})`;
  }
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const parts = lines.map((l) => (l.includes(MARK) ? qt(l) : q1(l)));
  if (tail) parts.push(tail);
  return parts.length ? parts.join(' +\n    ') : "''";
}
const key = (k) => (/^[a-z]\w*$/.test(k) ? k : q1(k));
const helpEntries = [];
for (const prog of PROGS) {
  const m = marked[`${prog} --help`];
  // The usage text: on stdout, or on stderr for the tools that print it there (pstree, and
  // clear, which knows no --help: its usage follows "invalid option -- '-'").
  const text = m.stdout || m.stderr.slice(Math.max(0, m.stderr.indexOf('Usage:')));
  if (!text) continue;
  helpEntries.push(`  ${key(prog)}: (${text.includes(MARK) ? 'p' : '_p'}) =>\n    ${tsText(text)},`);
}
// ps --help SECTION: help.c's sections s, l, o, t, m; "a" is all of them, a blank line apart.
const PS_HEAD = '\nUsage:\n ps [options]\n\n';
const PS_FOOT = '\nFor more details see ps(1).\n';
const psBody = (s) => {
  const t = runReal(['ps', '--help', s]).stdout;
  if (!t.startsWith(PS_HEAD) || !t.endsWith(PS_FOOT)) throw new Error(`ps --help ${s}: not one section`);
  return t.slice(PS_HEAD.length, -PS_FOOT.length);
};
const psSections = Object.fromEntries(['s', 'l', 'o', 't', 'm'].map((s) => [s, psBody(s)]));
if (psBody('a') !== Object.values(psSections).join('\n')) throw new Error('ps --help a is not the sections joined');
const BOILER = (name) => `${name} (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\n` +
  'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
  'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n';
const authors = [];
const others = [];
for (const prog of PROGS) {
  const m = marked[`${prog} --version`];
  const w = /^\nWritten by (.*)\.\n$/s.exec(m.stdout.slice(BOILER(prog).length));
  if (m.stdout.startsWith(BOILER(prog)) && w) authors.push(`  ${key(prog)}: ${q1(w[1])},`);
  else if (m.status === 0 && (m.stdout || m.stderr)) {
    const text = m.stdout || m.stderr;
    others.push(`  ${key(prog)}: (${text.includes(MARK) ? 'p' : '_p'}) =>\n    ${tsText(text)},`);
  }
}
writeFileSync('src/userland/bin/help_texts_gnu.ts', `// GENERATED by scripts/record-help.sh from the real programs on Debian 12 (LC_ALL=C): do not edit.
// Every program's --help text, argv[0] (program_name, or util-linux's short name) as \`p\`;
// and what --version prints: versionText() (opts.ts) adds GNU coreutils' boilerplate to AUTHORS.
import { gnuFooter } from './gnu_help.ts';

export const GNU_HELP: Record<string, (p: string) => string> = {
${helpEntries.join('\n')}
};

/** ps --help SECTION (procps help.c): the text between "Usage: ps [options]" and "For more details". */
export const PS_HELP_SECTIONS: Record<string, string> = {
${Object.entries(psSections).map(([k, v]) => `  ${k}:\n    ${tsText(v)},`).join('\n')}
};

/** The programs that name themselves by argv[0]'s last part (program_invocation_short_name). */
export const SHORT_NAMED: ReadonlySet<string> = new Set([${[...shortNamed].map(q1).join(', ')}]);

/** The "Written by" names of each GNU coreutils program's --version. */
export const AUTHORS: Record<string, string> = {
${authors.join('\n')}
};

/** The --version texts that are not coreutils' boilerplate (on stderr for pstree). */
export const OTHER_VERSION: Record<string, (p: string) => string> = {
${others.join('\n')}
};
`);
console.log(`recorded ${recorded.length} runs; ${helpEntries.length} help texts, ${authors.length} + ${others.length} versions`);
NODE
