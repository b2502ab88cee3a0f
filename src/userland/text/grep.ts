// GNU grep 3.8 as functions over file contents; the program wrapper only does the I/O:
//
//   const p = grepParseArgs(argv)            // usage errors -> p.stderr, exit p.status
//   const c = grepCompile(p.opts, texts)     // texts: contents of the -f files, in order
//   const st = newGrepState(p.opts, p.files)
//   for each file (or '-' = stdin, shown as "(standard input)"; -r: walk directories):
//     const r = grepData(st, c.matcher, data, displayName)   // write r.stdout, r.stderr
//     if (st.opts.quiet && r.selected) exit 0 now
//   failures to open/read: grepFileError(st, name, errno)     // "grep: x: No such file or directory"
//   exit grepExitStatus(st)
import { strerror } from '../../uapi/errno.ts';
import type { GrepOptions } from './grep_args.ts';
import { PosixRegex, RegexError, fixedTranslation, translate } from './regex.ts';
import type { Translation } from './regex.ts';
import { pcreToJs } from './pcre.ts';
import { GrepScanner } from './grep_scan.ts';
import type { GrepResult } from './grep_scan.ts';

export { GrepScanner };
export type { GrepResult };

export { grepParseArgs, GREP_USAGE } from './grep_args.ts';
export type { GrepOptions } from './grep_args.ts';

const NOT_WORD_BEFORE = '(?<![0-9A-Za-z_])';
const NOT_WORD_AFTER = '(?![0-9A-Za-z_])';

/** A Perl pattern as a Translation: leftmost-first like JavaScript, so no widening. */
function perlTranslation(pat: string, icase: boolean): Translation {
  const p = pcreToJs(pat, icase);
  return { source: p.source, nsub: p.nsub, hasAlternation: false, endAssert: false, warnings: [], flags: p.flags };
}

export class GrepMatcher {
  constructor(private readonly res: PosixRegex[]) {}

  /** The leftmost (then longest) match of any pattern at or after `from`. */
  next(line: string, from: number): [number, number] | null {
    let best: [number, number] | null = null;
    for (const re of this.res) {
      const m = re.exec(line, from);
      if (m && (!best || m.index < best[0] || (m.index === best[0] && m.end > best[1]))) best = [m.index, m.end];
    }
    return best;
  }

  matches(line: string): boolean {
    for (const re of this.res) if (re.test(line)) return true;
    return false;
  }
}

export type GrepCompile =
  | { ok: true; matcher: GrepMatcher; stderr: string }
  | { ok: false; stderr: string; status: 2 };

/** Compile -e patterns and -f file contents (a pattern per line) into one matcher. */
export function grepCompile(o: GrepOptions, patternFileTexts: readonly string[] = []): GrepCompile {
  const list: string[] = [];
  for (const p of o.patterns) list.push(...p.split('\n'));
  for (const text of patternFileTexts) {
    if (!text) continue;
    list.push(...(text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));
  }
  // Pcompile(): one pattern only (several lines of -e/-f make several).
  if (o.mode === 'P' && list.length > 1) return { ok: false, stderr: 'grep: the -P option only supports a single pattern\n', status: 2 };
  const res: PosixRegex[] = [];
  let stderr = '';
  let dfaError: string | undefined;
  try {
    for (const pat of list) {
      let t: Translation = o.mode === 'F' ? fixedTranslation(pat, o.icase)
        : o.mode === 'P' ? perlTranslation(pat, o.icase)
        : translate(pat, { extended: o.mode === 'E', icase: o.icase });
      for (const w of t.warnings) stderr += `grep: warning: ${w}\n`;
      dfaError ??= t.dfaError;
      if (o.lineRegexp) t = { ...t, source: `^(?:${t.source})$`, endAssert: true };
      else if (o.wordRegexp) t = { ...t, source: `${NOT_WORD_BEFORE}(?:${t.source})${NOT_WORD_AFTER}`, endAssert: true };
      res.push(new PosixRegex(t));
    }
  } catch (e) {
    if (e instanceof RegexError) return { ok: false, stderr: stderr + `grep: ${e.message}\n`, status: 2 };
    throw e;
  }
  // Every pattern passes glibc's regex before dfacomp() sees them all.
  if (dfaError) return { ok: false, stderr: stderr + `grep: ${dfaError}\n`, status: 2 };
  return { ok: true, matcher: new GrepMatcher(res), stderr };
}

export interface GrepState {
  readonly opts: GrepOptions;
  readonly withFilename: boolean;
  anySelected: boolean;
  anyError: boolean;
  /** Something was output before, so a non-adjacent context group needs "--" first. */
  printedSomething: boolean;
}

export function newGrepState(o: GrepOptions, files: readonly string[]): GrepState {
  const withFilename = o.withFilename ?? (files.length > 1 || o.recursive);
  return { opts: o, withFilename, anySelected: false, anyError: false, printedSomething: false };
}

/** The diagnostic for a file grep could not read (suppressed by -s); marks the run failed. */
export function grepFileError(st: GrepState, name: string, errno: number): string {
  st.anyError = true;
  return st.opts.noMessages ? '' : `grep: ${name}: ${strerror(errno)}\n`;
}

/** 0: a line was selected; 1: none; 2: trouble (but -q with a selection is 0). */
export function grepExitStatus(st: GrepState): number {
  if (st.anyError && !(st.opts.quiet && st.anySelected)) return 2;
  return st.anySelected ? 0 : 1;
}

/** Search one whole file's contents. `name` is how it is shown ("(standard input)" for stdin). */
export function grepData(st: GrepState, m: GrepMatcher, data: string, name: string): GrepResult {
  const sc = new GrepScanner(st, m, name, !st.opts.text && data.includes('\0'));
  const lines = data.split('\n');
  if (data.endsWith('\n') || data === '') lines.pop();
  for (const l of lines) {
    sc.line(l);
    if (sc.done) break;
  }
  return sc.finish();
}
