// GNU findutils xargs' input splitting and command batching as pure functions; the program
// wrapper runs the commands (fork/exec/wait) and combines their statuses with xargsStatus().
//
//   const p = xargsParseArgs(argv)                 // errors: p.stderr, exit p.status
//   const s = xargsSplit(stdinText, p.opts)        // s.error: message after running s.lines
//   for (const cmd of xargsBatches(p.command, s, p.opts)) run cmd (-t: echo to stderr)

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
}

export type XargsParse =
  | { ok: true; opts: XargsOptions; command: string[] }
  | { ok: false; stderr: string; status: number };

const TRY = "Try 'xargs --help' for more information.\n";

function unescapeDelim(d: string): string | null {
  const map: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\0': '\0', '\\\\': '\\', '\\a': '\x07', '\\b': '\b', '\\f': '\f', '\\r': '\r', '\\v': '\v' };
  if (d.length === 1) return d;
  if (d in map) return map[d];
  if (/^\\x[0-9a-fA-F]{1,2}$/.test(d)) return String.fromCharCode(parseInt(d.slice(2), 16));
  if (/^\\[0-7]{1,3}$/.test(d)) return String.fromCharCode(parseInt(d.slice(1), 8) & 0xff);
  return null;
}

export function xargsParseArgs(argv: readonly string[]): XargsParse {
  const o: XargsOptions = { delimiter: 'blank', eof: null, maxArgs: null, maxLines: null, replace: null, noRunIfEmpty: false, verbose: false, maxChars: 131072 };
  let i = 1;
  const value = (a: string, flag: string): string | null => (a.length > flag.length ? a.slice(flag.length) : i + 1 < argv.length ? argv[++i] : null);
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-0' || a === '--null') { o.delimiter = '\0'; continue; }
    if (a === '-r' || a === '--no-run-if-empty') { o.noRunIfEmpty = true; continue; }
    if (a === '-t' || a === '--verbose') { o.verbose = true; continue; }
    const flag = a.slice(0, 2);
    if (!'dEnLIs'.includes(flag[1])) return { ok: false, stderr: `xargs: invalid option -- '${a[1]}'\n${TRY}`, status: 1 };
    const v = value(a, flag);
    if (v === null) return { ok: false, stderr: `xargs: option requires an argument -- '${flag[1]}'\n${TRY}`, status: 1 };
    switch (flag[1]) {
      case 'd': {
        const d = unescapeDelim(v);
        if (d === null) return { ok: false, stderr: `xargs: invalid input delimiter specification ${v}: the delimiter must be either a single character or an escape sequence starting with \\.\n`, status: 1 };
        o.delimiter = d;
        break;
      }
      case 'E': o.eof = v; break;
      case 'I': o.replace = v; o.maxLines = 1; break;
      case 'n': case 'L': case 's': {
        if (!/^\d+$/.test(v) || Number(v) < 1) {
          return { ok: false, stderr: `xargs: invalid number "${v}" for -${flag[1]} option\n${TRY}`, status: 1 };
        }
        if (flag[1] === 'n') o.maxArgs = Number(v);
        else if (flag[1] === 'L') o.maxLines = Number(v);
        else o.maxChars = Number(v);
        break;
      }
    }
  }
  const command = argv.slice(i);
  return { ok: true, opts: o, command: command.length ? command : ['echo'] };
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
