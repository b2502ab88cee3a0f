// echo(1) in its three dialects, shared by the shell builtins and /bin/echo:
// - dash: only "-n" (exactly, as the first argument); backslash escapes always interpreted
//   (\c stops all output, \0nnn octal), as dash's echocmd() with print_escape_str().
// - bash: -n, -e, -E combinable ("-ne"); escapes only with -e (xpg_echo off).
// - coreutils: like bash, plus --help/--version handled by the caller.
import { convEscapeStr } from './printf.ts';

export type EchoDialect = 'dash' | 'bash' | 'coreutils';

export function echo(args: readonly string[], dialect: EchoDialect): string {
  let i = 0;
  let newline = true;
  let escapes = dialect === 'dash';
  if (dialect === 'dash') {
    if (args[0] === '-n') {
      newline = false;
      i = 1;
    }
  } else {
    for (; i < args.length; i++) {
      const a = args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const c of a.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
    }
  }
  let out = '';
  for (let k = i; k < args.length; k++) {
    if (k > i) out += ' ';
    if (escapes) {
      const r = convEscapeStr(args[k], dialect === 'dash' ? 'dash' : 'bash', dialect === 'bash');
      out += r.text;
      if (r.stop) return out;
    } else out += args[k];
  }
  return newline ? `${out}\n` : out;
}
