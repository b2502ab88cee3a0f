// GNU findutils xargs' input splitting and command batching as pure functions; the program
// wrapper runs the commands (fork/exec/wait) and combines their statuses with xargsStatus().
//
//   const p = xargsParseArgs(argv)                 // errors: p.stderr, exit p.status
//   const sp = new XargsSplitter(p.opts), b = new XargsBatcher(p.command, p.opts)
//   for each piece read: for each line of sp.feed(piece, atEof): run b.add(line)
//   then run b.end(sp.error !== undefined); sp.error is printed after those commands ran

import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

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
  const r = getoptUntilExit('xargs', argv, { short: '+0a:E:e::i::I:l::L:n:oprs:txP:d:', long: LONG_OPTS, stopAtOperand: true }, ['h', 'v']);
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
      case 'v': return { ok: false, stdout: versionText('xargs'), stderr: '', status: 0 };
      case 'h': return { ok: false, stdout: helpText('xargs', argv[0]), stderr: '', status: 0 };
      default: break; // -o -p -x -S --process-slot-var: accepted, not modelled
    }
  }
  // -I implies one input line per command.
  if (o.replace !== null) o.maxLines = 1;
  const command = r.operands;
  return { ok: true, opts: o, command: command.length ? command : ['echo'], warnings };
}

const unmatched = (q: string): string =>
  `xargs: unmatched ${q === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option\n`;

/**
 * read_line()/read_string(): the input split into logical lines of items (quotes, backslashes,
 * -E, -d, -0, -I) as it arrives, so commands can run before the input ends (`yes | xargs | head`
 * must end). feed() returns the lines a piece of input completed; `done` is set at the -E marker
 * or an unmatched quote (`error`), after which xargs reads no more.
 */
export class XargsSplitter {
  done = false;
  error: string | undefined;
  private cur: string[] = [];
  private word: string | null = null;
  private quote: string | null = null;
  /** A backslash ended the last piece: it escapes the next piece's first character. */
  private escaped = false;
  private prev = '';
  /** -d/-0/-I: the text after the last separator. */
  private rest = '';

  constructor(private readonly o: XargsOptions) {}

  feed(input: string, final: boolean): string[][] {
    const lines: string[][] = [];
    if (this.done) return lines;
    if (this.o.delimiter !== 'blank' || this.o.replace !== null) {
      const sep = this.o.delimiter !== 'blank' ? this.o.delimiter : '\n';
      const parts = (this.rest + input).split(sep);
      this.rest = final ? '' : parts.pop()!;
      if (final && parts.length && parts[parts.length - 1] === '') parts.pop();
      for (const part of parts) {
        // -I: each input line is one item, leading blanks removed; empty lines are skipped.
        const item = this.o.delimiter === 'blank' ? part.replace(/^[ \t]+/, '') : part;
        if (this.o.delimiter === 'blank' && part === '') continue;
        if (this.o.eof !== null && item === this.o.eof) {
          this.done = true;
          break;
        }
        lines.push([item]);
      }
      return lines;
    }
    let i = 0;
    if (this.escaped && input.length) {
      this.escaped = false;
      this.word = (this.word ?? '') + input[0];
      this.prev = input[0];
      i = 1;
    }
    for (; i < input.length; i++) {
      const c = input[i];
      const prev = this.prev;
      this.prev = c;
      if (this.quote) {
        if (c === this.quote) { this.quote = null; continue; }
        if (c === '\n') return this.fail(lines);
        this.word += c;
        continue;
      }
      if (c === '"' || c === "'") { this.quote = c; this.word ??= ''; continue; }
      if (c === '\\') {
        if (i + 1 < input.length) {
          this.word = (this.word ?? '') + input[++i];
          this.prev = input[i];
          continue;
        }
        if (!final) { this.escaped = true; continue; }
      }
      if (c === ' ' || c === '\t' || c === '\n') {
        if (this.word !== null) {
          if (this.o.eof !== null && this.word === this.o.eof) return this.end(lines);
          this.cur.push(this.word);
          this.word = null;
        }
        // A line ending in a blank continues on the next line (for -L).
        if (c === '\n' && this.cur.length && !(prev === ' ' || prev === '\t')) {
          lines.push(this.cur);
          this.cur = [];
        }
        continue;
      }
      this.word = (this.word ?? '') + c;
    }
    if (!final) return lines;
    if (this.quote) return this.fail(lines);
    if (this.word !== null && !(this.o.eof !== null && this.word === this.o.eof)) this.cur.push(this.word);
    return this.end(lines);
  }

  private end(lines: string[][]): string[][] {
    this.done = true;
    if (this.cur.length) lines.push(this.cur);
    this.cur = [];
    return lines;
  }

  private fail(lines: string[][]): string[][] {
    this.error = unmatched(this.quote!);
    return this.end(lines);
  }
}

/**
 * The argument vectors to run, as soon as each is full: -I replaces in the command, -L/-n/-s
 * batch the items. end() flushes the last one; with no items at all the command runs once
 * (unless -r, or the input had a quoting error).
 */
export class XargsBatcher {
  private batch: string[] = [];
  private nLines = 0;
  private size: number;
  private readonly base: number;
  private runs = 0;

  constructor(private readonly command: readonly string[], private readonly o: XargsOptions) {
    this.base = this.size = command.reduce((n, a) => n + a.length + 1, 0);
  }

  add(line: string[]): string[][] {
    const out: string[][] = [];
    if (this.o.replace !== null) {
      const r = this.o.replace;
      this.runs++;
      out.push(this.command.map((a) => a.split(r).join(line[0])));
      return out;
    }
    for (const item of line) {
      if ((this.o.maxArgs !== null && this.batch.length >= this.o.maxArgs) || (this.batch.length && this.size + item.length + 1 > this.o.maxChars)) this.flush(out);
      this.batch.push(item);
      this.size += item.length + 1;
    }
    this.nLines++;
    if (this.o.maxLines !== null && this.nLines >= this.o.maxLines) this.flush(out);
    return out;
  }

  end(inputError: boolean): string[][] {
    const out: string[][] = [];
    this.flush(out);
    if (!this.runs && !this.o.noRunIfEmpty && !inputError) out.push([...this.command]);
    return out;
  }

  private flush(out: string[][]): void {
    if (this.batch.length) {
      out.push([...this.command, ...this.batch]);
      this.runs++;
    }
    this.batch = [];
    this.nLines = 0;
    this.size = this.base;
  }
}

/** The whole input split at once (XargsSplitter fed everything). */
export function xargsSplit(input: string, o: XargsOptions): { lines: string[][]; error?: string } {
  const sp = new XargsSplitter(o);
  const lines = sp.feed(input, true);
  return sp.error === undefined ? { lines } : { lines, error: sp.error };
}

/** Every command for a whole input (XargsBatcher over all its lines). */
export function xargsBatches(command: readonly string[], split: { lines: string[][]; error?: string }, o: XargsOptions): string[][] {
  const b = new XargsBatcher(command, o);
  const runs: string[][] = [];
  for (const line of split.lines) runs.push(...b.add(line));
  runs.push(...b.end(split.error !== undefined));
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
