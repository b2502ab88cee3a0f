// GNU grep 3.8's command line: options, their conflicts and its usage/diagnostic texts.
import { getoptLong } from './getopt.ts';
import type { LongOpt } from './getopt.ts';
import { helpText, versionText } from '../bin/opts.ts';

export interface GrepOptions {
  mode: 'G' | 'E' | 'F' | 'P';
  /** Patterns from -e and the first operand (each may hold several, one per line). */
  patterns: string[];
  /** -f files, to be read by the program and passed to grepCompile(). */
  patternFiles: string[];
  icase: boolean;
  invert: boolean;
  count: boolean;
  lineNumber: boolean;
  byteOffset: boolean;
  onlyMatching: boolean;
  /** -l: names of files with a selected line; -L: names of files without. */
  list: 'l' | 'L' | null;
  /** -H / -h; null: decided by the number of files (and -r). */
  withFilename: boolean | null;
  noMessages: boolean;
  quiet: boolean;
  lineRegexp: boolean;
  wordRegexp: boolean;
  recursive: boolean;
  /** -R follows every symlink; -r only those on the command line. */
  dereferenceRecursive: boolean;
  maxCount: number;
  after: number;
  before: number;
  /** -a: treat binary files as text. */
  text: boolean;
  /** -Z: a NUL after file names. */
  nullAfterName: boolean;
  /** -z: lines end in NUL, on input and output. */
  nullData: boolean;
  /** --label: how standard input is named. */
  label: string;
  /** --group-separator (null: --no-group-separator). */
  groupSeparator: string | null;
  /** -d ACTION, -D ACTION. */
  directories: 'read' | 'skip' | 'recurse';
  devices: 'read' | 'skip';
  /** --binary-files (-a is 'text', -I 'without-match'). */
  binaryFiles: 'binary' | 'text' | 'without-match';
  /** -T: a tab between the file/line/offset prefix and the line. */
  initialTab: boolean;
  /** --color=always: GREP_COLORS' defaults (fn=35 ln=32 bn=32 se=36 ms=mc=01;31). */
  color: boolean;
  /** --include / --exclude in order (include: true), and --exclude-dir. */
  fileFilters: { glob: string; include: boolean }[];
  dirFilters: string[];
}

export const GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const L = (key: string, has: LongOpt['has'] = 'none'): LongOpt => ({ key, has });
// In grep.c's order: glibc lists ambiguous abbreviations in table order.
const LONG: Record<string, LongOpt> = {
  'basic-regexp': L('G'), 'extended-regexp': L('E'), 'fixed-regexp': L('F'), 'fixed-strings': L('F'),
  'perl-regexp': L('P'), 'after-context': L('A', 'required'), 'before-context': L('B', 'required'),
  'binary-files': L('binary-files', 'required'), 'byte-offset': L('b'), context: L('C', 'required'),
  color: L('color', 'optional'), colour: L('color', 'optional'), count: L('c'),
  devices: L('D', 'required'), directories: L('d', 'required'), 'dereference-recursive': L('R'),
  exclude: L('exclude', 'required'), 'exclude-from': L('exclude-from', 'required'),
  'exclude-dir': L('exclude-dir', 'required'), file: L('f', 'required'), 'files-with-matches': L('l'),
  'files-without-match': L('L'), 'group-separator': L('group-separator', 'required'), help: L('help'),
  include: L('include', 'required'), 'ignore-case': L('i'), 'no-ignore-case': L('no-ignore-case'),
  'initial-tab': L('T'), label: L('label', 'required'), 'line-buffered': L('line-buffered'),
  'line-number': L('n'), 'line-regexp': L('x'), 'max-count': L('m', 'required'), 'no-filename': L('h'),
  'no-group-separator': L('no-group-separator'), 'no-messages': L('s'), null: L('Z'), 'null-data': L('z'),
  'only-matching': L('o'), quiet: L('q'), recursive: L('r'), regexp: L('e', 'required'),
  'invert-match': L('v'), silent: L('q'), text: L('a'), binary: L('U'), 'unix-byte-offsets': L('u'),
  version: L('V'), 'with-filename': L('H'), 'word-regexp': L('w'),
};

export type GrepParse =
  | { ok: true; opts: GrepOptions; files: string[]; warnings?: string }
  | { ok: false; stderr: string; status: number; stdout?: string };

function contextNumber(v: string): number | null {
  return /^\d+$/.test(v) ? Math.min(Number(v), Number.MAX_SAFE_INTEGER) : null;
}

/** grepParseArgs with the warnings the option loop printed as it went (-u), before any error. */
export function grepParseArgs(argv: readonly string[]): GrepParse {
  const warns: string[] = [];
  const r = parseArgs(argv, warns);
  const w = warns.join('');
  if (!w) return r;
  return r.ok ? { ...r, warnings: w } : { ...r, stderr: w + r.stderr };
}

function parseArgs(argv: readonly string[], warns: string[]): GrepParse {
  // grep notes --help and -V and acts on them after the loop: a bad option after them wins.
  const r = getoptLong('grep', argv, { short: '0123456789A:B:C:D:EFGHILPRTUVX:Zabcd:e:f:hiLlm:noqRrsuvwxyz', long: LONG });
  if (!r.ok) return { ok: false, stderr: r.message + GREP_USAGE, status: 2 };
  const o: GrepOptions = {
    mode: 'G', patterns: [], patternFiles: [], icase: false, invert: false, count: false,
    lineNumber: false, byteOffset: false, onlyMatching: false, list: null, withFilename: null,
    noMessages: false, quiet: false, lineRegexp: false, wordRegexp: false, recursive: false,
    dereferenceRecursive: false, maxCount: Infinity, after: -1, before: -1, text: false, nullAfterName: false,
    nullData: false, label: '(standard input)', groupSeparator: '--', directories: 'read', devices: 'read', binaryFiles: 'binary',
    fileFilters: [], dirFilters: [], initialTab: false, color: false,
  };
  let sawPattern = false;
  let matcherSet = false;
  let digitContext = '';
  let showVersion = false;
  let showHelp = false;
  for (const { key, value = '' } of r.opts) {
    if (/^\d$/.test(key)) {
      digitContext += key; // -5 means -C 5
      o.after = o.before = Number(digitContext);
      continue;
    }
    digitContext = '';
    switch (key) {
      case 'E': case 'F': case 'G': case 'P': case 'X': {
        // setmatcher(): -E is "egrep" and so on; -X names one (undocumented); a second, different
        // matcher is an error. The awk syntaxes (awk, gawk, posixawk) are not offered here.
        const names: Record<string, 'G' | 'E' | 'F' | 'P'> = { grep: 'G', egrep: 'E', fgrep: 'F', perl: 'P' };
        const m = key !== 'X' ? key : Object.hasOwn(names, value) ? names[value] : undefined;
        if (key === 'X' && ['awk', 'gawk', 'posixawk'].includes(value)) {
          return { ok: false, stderr: `grep: matcher ${value} is not supported here\n`, status: 2 };
        }
        if (m === undefined) return { ok: false, stderr: `grep: invalid matcher ${value}\n`, status: 2 };
        if (matcherSet && o.mode !== m) return { ok: false, stderr: 'grep: conflicting matchers specified\n', status: 2 };
        o.mode = m;
        matcherSet = true;
        break;
      }
      case 'e': o.patterns.push(value); sawPattern = true; break;
      case 'f': o.patternFiles.push(value); sawPattern = true; break;
      case 'i': case 'y': o.icase = true; break;
      case 'no-ignore-case': o.icase = false; break;
      case 'v': o.invert = true; break;
      case 'c': o.count = true; break;
      case 'n': o.lineNumber = true; break;
      case 'b': o.byteOffset = true; break;
      case 'o': o.onlyMatching = true; break;
      case 'l': case 'L': o.list = key; break;
      case 'H': o.withFilename = true; break;
      case 'h': o.withFilename = false; break;
      case 's': o.noMessages = true; break;
      case 'q': o.quiet = true; break;
      case 'x': o.lineRegexp = true; break;
      case 'w': o.wordRegexp = true; break;
      case 'r': o.recursive = true; o.directories = 'recurse'; break;
      case 'R': o.recursive = o.dereferenceRecursive = true; o.directories = 'recurse'; break;
      case 'a': o.text = true; o.binaryFiles = 'text'; break;
      case 'I': o.text = false; o.binaryFiles = 'without-match'; break;
      case 'Z': o.nullAfterName = true; break;
      case 'z': o.nullData = true; break;
      case 'label': o.label = value; break;
      case 'group-separator': o.groupSeparator = value; break;
      case 'no-group-separator': o.groupSeparator = null; break;
      case 'include': case 'exclude': o.fileFilters.push({ glob: value, include: key === 'include' }); break;
      case 'exclude-dir': o.dirFilters.push(value); break;
      case 'm': {
        if (!/^-?\d+$/.test(value)) return { ok: false, stderr: 'grep: invalid max count\n', status: 2 };
        const n = Number(value);
        o.maxCount = n < 0 ? Infinity : n;
        break;
      }
      case 'A': case 'B': case 'C': {
        const n = contextNumber(value);
        if (n === null) return { ok: false, stderr: `grep: ${value}: invalid context length argument\n`, status: 2 };
        if (key !== 'B') o.after = n;
        if (key !== 'A') o.before = n;
        break;
      }
      case 'V': showVersion = true; break;
      case 'help': showHelp = true; break;
      case 'd': {
        // XARGMATCH ("--directories"): an exact name or an unambiguous prefix.
        const valid = ['read', 'recurse', 'skip'] as const;
        const hits = valid.filter((v) => v.startsWith(value));
        const m = valid.find((v) => v === value) ?? (hits.length === 1 && value ? hits[0] : null);
        // ARGMATCH_DIE is grep's usage (EXIT_FAILURE): status 1, not 2.
        if (m === null) {
          return { ok: false, status: 1, stderr: `grep: ${hits.length > 1 && value ? 'ambiguous' : 'invalid'} argument '${value}' for '--directories'\n` +
            `Valid arguments are:\n${valid.map((v) => `  - '${v}'\n`).join('')}${GREP_USAGE}` };
        }
        o.directories = m;
        o.recursive = m === 'recurse';
        break;
      }
      // grep.c compares these two with strcmp().
      case 'D':
        if (value !== 'read' && value !== 'skip') return { ok: false, status: 2, stderr: 'grep: unknown devices method\n' };
        o.devices = value;
        break;
      case 'binary-files':
        if (value !== 'binary' && value !== 'text' && value !== 'without-match') return { ok: false, status: 2, stderr: 'grep: unknown binary-files type\n' };
        o.binaryFiles = value;
        o.text = value === 'text';
        break;
      case 'T': o.initialTab = true; break;
      case 'color': {
        // grep.c: a case-insensitive WHEN; anything else sets show_help (the help, status 0).
        // "auto" is taken as "never": the TextReq protocol does not say whether stdout is a terminal.
        const when = value.toLowerCase();
        if (['always', 'yes', 'force'].includes(when)) o.color = true;
        else if (['never', 'no', 'none', 'auto', 'tty', 'if-tty', ''].includes(when)) o.color = false;
        else showHelp = true;
        break;
      }
      case 'u': warns.push('grep: warning: --unix-byte-offsets (-u) is obsolete\n'); break;
      default:
        break; // accepted and ignored: -U, --line-buffered
    }
  }
  // After the option loop, version first (grep.c main()).
  if (showVersion) return { ok: false, stdout: versionText('grep', argv[0]), stderr: '', status: 0 };
  if (showHelp) return { ok: false, stdout: helpText('grep', argv[0]), stderr: '', status: 0 };
  const files = [...r.operands];
  if (!sawPattern) {
    if (!files.length) return { ok: false, stderr: GREP_USAGE, status: 2 };
    o.patterns.push(files.shift()!);
  }
  return { ok: true, opts: o, files };
}
