// sed's compiled program: addresses, commands and the compile error (sed/sed.h).
import type { PosixRegex } from './regex.ts';

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'last' }
  | { kind: 'zero' }
  /** re null: the empty regex, "the last regex used". */
  | { kind: 're'; re: PosixRegex | null }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

export type ReplPart = string | { group: number } | { caseOp: 'L' | 'U' | 'E' | 'l' | 'u' };

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  /** a/i/c text (with its newline), label for b/t/T/:, file for r/R/w/W. */
  text?: string;
  /** Exit code (q/Q), line length (l), occurrence (s). */
  num?: number;
  /** Index of the matching '}' (for '{') or target (for b/t/T, -1 = end). */
  jump?: number;
  // s///
  re?: PosixRegex | null;
  repl?: ReplPart[];
  global?: boolean;
  print?: number;
  wfile?: string;
  /** s///e: run the result as a command and take its output. */
  exec?: boolean;
  // y
  map?: Map<string, string>;
  // range state (execute.c's range_state/range_end)
  active?: boolean;
  rangeEnd?: number;
}

export interface SedProgram {
  cmds: Cmd[];
  /** #n on the first line of the script. */
  quiet: boolean;
  /** Files that w, W and s///w write (truncated when the run starts). */
  wfiles: string[];
}

export interface ScriptPiece {
  text: string;
  /** How compile errors name the piece: "-e expression #2" or "file x.sed". */
  origin: { kind: 'e'; n: number } | { kind: 'f'; name: string };
}

export class SedCompileError extends Error {
  /** 1 for a bad script (EXIT_BAD_USAGE), 4 for compile.c's panic() cases. */
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export interface CompileFlags { extended: boolean; sandbox?: boolean }

/** GNU sed's \t \a \f \v \r \dNNN \oNNN \xHH \cX at s[i] (the char after the backslash). */
export function sedEscape(s: string, i: number): [string, number] | null {
  const simple: Record<string, string> = { t: '\t', a: '\x07', f: '\f', v: '\v', r: '\r', n: '\n' };
  const d = s[i];
  if (d in simple) return [simple[d], 1];
  const take = (re: RegExp, max: number, base: number): [string, number] | null => {
    let t = '';
    while (t.length < max && re.test(s[i + 1 + t.length] ?? '')) t += s[i + 1 + t.length];
    return t ? [String.fromCharCode(parseInt(t, base) & 0xff), 1 + t.length] : null;
  };
  if (d === 'd') return take(/[0-9]/, 3, 10);
  if (d === 'o') return take(/[0-7]/, 3, 8);
  if (d === 'x') return take(/[0-9a-fA-F]/, 2, 16);
  if (d === 'c' && i + 1 < s.length) return [String.fromCharCode(s[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), 2];
  return null;
}
