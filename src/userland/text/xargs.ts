// GNU findutils xargs' input splitting and command batching as pure functions; the program
// wrapper runs the commands (fork/exec/wait) and combines their statuses with xargsStatus().
//
//   const p = xargsParseArgs(argv)                 // errors: p.stderr, exit p.status
//   const s = xargsSplit(stdinText, p.opts)        // s.error: message after running s.lines
//   for (const cmd of xargsBatches(p.command, s, p.opts)) run cmd (-t: echo to stderr)

import { getoptLong } from './getopt.ts';

export interface XargsOptions {
  /** 'blank': blanks/newlines separate, quotes and backslash escape; else the one delimiter. */
  delimiter: 'blank' | string;
  eof: string | null;
  maxArgs: number | null;
  maxLines: number | null;
  replace: string | null;
  noRunIfEmpty: boolean;
  verbose: boolean;
  maxChars: number;
  /** -a FILE: the items come from FILE, and the commands keep xargs' standard input. */
  argFile: string | null;
}

export type XargsParse =
  | { ok: true; opts: XargsOptions; command: string[]; warnings: string }
  | { ok: false; stderr: string; status: number; stdout?: string };

const TRY = "Try 'xargs --help' for more information.\n";

function unescapeDelim(d: string): string | null {
  const map: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\0': '\0', '\\\\': '\\', '\\a': '\x07', '\\b': '\b', '\\f': '\f', '\\r': '\r', '\\v': '\v' };
  if (d.length === 1) return d;
  if (d in map) return map[d];
  if (/^\\x[0-9a-fA-F]{1,2}$/.test(d)) return String.fromCharCode(parseInt(d.slice(2), 16));
  if (/^\\[0-7]{1,3}$/.test(d)) return String.fromCharCode(parseInt(d.slice(1), 8) & 0xff);
  return null;
}

/** parse_num(): strtol() of the whole string, at least `min`; null with the message. */
function parseNum(v: string, opt: string, min: number): number | string {
  if (!/^[ \t\n\v\f\r]*[-+]?\d+$/.test(v)) return `xargs: invalid number "${v}" for -${opt} option\n${TRY}`;
  const n = Number(v.trim());
  if (n < min) return `xargs: value ${v} for -${opt} option should be >= ${min}\n${TRY}`;
  return n;
}

const LONG_OPTS = {
  null: { key: '0', has: 'none' }, 'arg-file': { key: 'a', has: 'required' }, delimiter: { key: 'd', has: 'required' },
  eof: { key: 'e', has: 'optional' }, replace: { key: 'I', has: 'optional' }, 'max-lines': { key: 'l', has: 'optional' },
  'max-args': { key: 'n', has: 'required' }, 'open-tty': { key: 'o', has: 'none' }, interactive: { key: 'p', has: 'none' },
  'no-run-if-empty': { key: 'r', has: 'none' }, 'max-chars': { key: 's', has: 'required' }, verbose: { key: 't', has: 'none' },
  'show-limits': { key: 'S', has: 'none' }, exit: { key: 'x', has: 'none' }, 'max-procs': { key: 'P', has: 'required' },
  'process-slot-var': { key: 'slot', has: 'required' }, version: { key: 'v', has: 'none' }, help: { key: 'h', has: 'none' },
} as const;

/** xargs.c's main(): getopt_long with "+0a:E:e::i::I:l::L:n:oprs:txP:d:", in order. */
export function xargsParseArgs(argv: readonly string[]): XargsParse {
  const o: XargsOptions = { delimiter: 'blank', eof: null, maxArgs: null, maxLines: null, replace: null, noRunIfEmpty: false, verbose: false, maxChars: 131072, argFile: null };
  const r = getoptLong('xargs', argv, { short: '+0a:E:e::i::I:l::L:n:oprs:txP:d:', long: LONG_OPTS, stopAtOperand: true });
  if (!r.ok) return { ok: false, stderr: r.message + TRY, status: 1 };
  let warnings = '';
  // warn_mutually_exclusive(): the later option wins, the earlier one is dropped.
  const exclusive = (earlier: string, later: string): void => {
    warnings += `xargs: warning: options ${earlier} and ${later} are mutually exclusive, ignoring previous ${earlier} value\n`;
  };
  for (const { key, value } of r.opts) {
    switch (key) {
      case '0': o.delimiter = '\0'; break;
      case 'a': o.argFile = value!; break;
      case 'd': {
        const d = unescapeDelim(value!);
        if (d === null) return { ok: false, stderr: `xargs: invalid input delimiter specification ${value}: the delimiter must be either a single character or an escape sequence starting with \\.\n`, status: 1 };
        o.delimiter = d;
        break;
      }
      case 'E': o.eof = value!; break;
      case 'e': o.eof = value ?? null; break;
      case 'i': case 'I':
        if (o.maxArgs !== null) { exclusive('--max-args', '--replace/-I/-i'); o.maxArgs = null; }
        if (o.maxLines !== null) { exclusive('--max-lines', '--replace/-I/-i'); o.maxLines = null; }
        o.replace = value ?? '{}';
        break;
      case 'l': case 'L': {
        const n = value === undefined ? 1 : parseNum(value, key, 1);
        if (typeof n === 'string') return { ok: false, stderr: warnings + n, status: 1 };
        const name = key === 'L' ? '-L' : '--max-lines/-l';
        if (o.maxArgs !== null) { exclusive('--max-args', name); o.maxArgs = null; }
        if (o.replace !== null) { exclusive('--replace', name); o.replace = null; }
        o.maxLines = n;
        break;
      }
      case 'n': {
        const n = parseNum(value!, 'n', 1);
        if (typeof n === 'string') return { ok: false, stderr: warnings + n, status: 1 };
        if (o.maxLines !== null) { exclusive('--max-lines', '--max-args/-n'); o.maxLines = null; }
        o.maxArgs = n;
        break;
      }
      case 's': {
        const n = parseNum(value!, 's', 1);
        if (typeof n === 'string') return { ok: false, stderr: warnings + n, status: 1 };
        o.maxChars = n;
        break;
      }
      case 'P': {
        const n = parseNum(value!, 'P', 0);
        if (typeof n === 'string') return { ok: false, stderr: warnings + n, status: 1 };
        break;
      }
      case 'r': o.noRunIfEmpty = true; break;
      case 't': o.verbose = true; break;
      case 'v': return { ok: false, stdout: 'xargs (GNU findutils) 4.9.0\n', stderr: '', status: 0 };
      case 'h': return { ok: false, stdout: 'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n', stderr: '', status: 0 };
      default: break; // -o -p -x -S --process-slot-var: accepted, not modelled
    }
  }
  // -I implies one input line per command.
  if (o.replace !== null) o.maxLines = 1;
  const command = r.operands;
  return { ok: true, opts: o, command: command.length ? command : ['echo'], warnings };
}

/** Split the input into logical lines of items (quotes, backslashes, -E, -d, -0, -I). */
export function xargsSplit(input: string, o: XargsOptions): { lines: string[][]; error?: string } {
  const lines: string[][] = [];
  if (o.delimiter !== 'blank') {
    const parts = input.split(o.delimiter);
    if (parts.length && parts[parts.length - 1] === '') parts.pop();
    for (const p of parts) {
      if (o.eof !== null && p === o.eof) break;
      lines.push([p]);
    }
    return { lines };
  }
  if (o.replace !== null) {
    // -I: each input line is one item, leading blanks removed.
    for (const l of input.split('\n')) {
      const t = l.replace(/^[ \t]+/, '');
      if (t === '' && l === '') continue;
      if (o.eof !== null && t === o.eof) break;
      lines.push([t]);
    }
    return { lines };
  }
  let cur: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quote) {
      if (c === quote) { quote = null; continue; }
      if (c === '\n') {
        return { lines: finish(lines, cur), error: `xargs: unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n` };
      }
      word += c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; word ??= ''; continue; }
    if (c === '\\' && i + 1 < input.length) { word = (word ?? '') + input[++i]; continue; }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) {
        if (o.eof !== null && word === o.eof) return { lines: finish(lines, cur) };
        cur.push(word);
        word = null;
      }
      // A line ending in a blank continues on the next line (for -L).
      if (c === '\n' && cur.length && !(i > 0 && (input[i - 1] === ' ' || input[i - 1] === '\t'))) {
        lines.push(cur);
        cur = [];
      }
      continue;
    }
    word = (word ?? '') + c;
  }
  if (quote) {
    return { lines: finish(lines, cur), error: `xargs: unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n` };
  }
  if (word !== null && !(o.eof !== null && word === o.eof)) cur.push(word);
  return { lines: finish(lines, cur) };
}

function finish(lines: string[][], cur: string[]): string[][] {
  if (cur.length) lines.push(cur);
  return lines;
}

/**
 * The argument vectors to run: -I replaces in the command, -L/-n/-s batch the items. With no
 * items the command runs once (unless -r, or the input had a quoting error).
 */
export function xargsBatches(command: readonly string[], split: { lines: string[][]; error?: string }, o: XargsOptions): string[][] {
  const lines = split.lines;
  if (o.replace !== null) {
    const r = o.replace;
    return lines.map(([item]) => command.map((a) => a.split(r).join(item)));
  }
  const runs: string[][] = [];
  let batch: string[] = [];
  let nLines = 0;
  let size = command.reduce((n, a) => n + a.length + 1, 0);
  const base = size;
  const flush = (): void => {
    if (batch.length) runs.push([...command, ...batch]);
    batch = [];
    nLines = 0;
    size = base;
  };
  for (const line of lines) {
    for (const item of line) {
      if ((o.maxArgs !== null && batch.length >= o.maxArgs) || (batch.length && size + item.length + 1 > o.maxChars)) flush();
      batch.push(item);
      size += item.length + 1;
    }
    nLines++;
    if (o.maxLines !== null && nLines >= o.maxLines) flush();
  }
  flush();
  if (!runs.length && !o.noRunIfEmpty && !split.error) runs.push([...command]);
  return runs;
}

/** xargs' exit status from its commands' (exit code or -signal) results. */
export function xargsStatus(results: readonly number[], notFound = false, cannotRun = false): number {
  if (notFound) return 127;
  if (cannotRun) return 126;
  if (results.some((r) => r < 0)) return 125;
  if (results.some((r) => r === 255)) return 124;
  if (results.some((r) => r >= 1 && r <= 125)) return 123;
  return 0;
}
