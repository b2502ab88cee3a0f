// GNU echo 9.1 (the external /bin/echo; the shell has its own builtin): leading -n/-e/-E
// clusters are options, anything else starts the text; --help/--version only when alone.
// Note: the shell's helper was to provide src/userland/lib/echo.ts; it did not exist when this
// was written, so the escape decoding lives here.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output } from './common.ts';
import { helpText, versionText } from './opts.ts';

const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const HEX = /^[0-9a-fA-F]$/;

/** echo -e's escapes; `stop` is true after \c (no more output at all, not even the newline). */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const e = s[++i];
    switch (e) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'c': return { text: out, stop: true };
      case 'e': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case 'x': {
        let v = '';
        while (v.length < 2 && i + 1 < s.length && HEX.test(s[i + 1])) v += s[++i];
        out += v ? String.fromCharCode(parseInt(v, 16)) : '\\x';
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        // \0NNN takes up to three digits after the 0; \NNN up to three in all (echo.c).
        let c = Number(e);
        if (e === '0' && isOct(s[i + 1])) c = Number(s[++i]);
        else if (e === '0') {
          out += '\0';
          break;
        }
        for (let k = 0; k < 2 && isOct(s[i + 1]); k++) c = c * 8 + Number(s[++i]);
        out += String.fromCharCode(c & 0xff);
        break;
      }
      default: out += `\\${e}`;
    }
  }
  return { text: out, stop: false };
}

export function* echo({ argv }: ProgramArgs): UserGen {
  const out = new Output();
  if (argv.length === 2 && argv[1] === '--help') {
    yield* out.put(helpText('echo', argv[0]));
    return yield* out.finish(argv[0], 0);
  }
  if (argv.length === 2 && argv[1] === '--version') {
    yield* out.put(versionText('echo'));
    return yield* out.finish(argv[0], 0);
  }
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = '';
  for (let j = i; j < argv.length; j++) {
    const piece = j > i ? ` ${argv[j]}` : argv[j];
    if (!escapes) {
      text += piece;
      continue;
    }
    const r = echoEscapes(piece);
    text += r.text;
    if (r.stop) {
      yield* out.put(text);
      return yield* out.finish(argv[0], 0);
    }
  }
  yield* out.put(newline ? `${text}\n` : text);
  return yield* out.finish(argv[0], 0);
}
