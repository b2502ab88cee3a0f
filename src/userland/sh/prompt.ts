// Prompt strings: dash's expandstr() reads PS1/PS2/PS4 as a double-quoted word and expands it
// (parameters, command substitution, arithmetic); on any error the text is used as it is. In bash
// mode the backslash escapes of PROMPTING (\u \h \w \W \$ \n \s \v \\ ...) are decoded first.
import type { UserGen } from '../../uapi/syscalls.ts';
import { geteuid, uname } from '../lib/sys.ts';
import { ShError } from './errors.ts';
import { expandString } from './expand.ts';
import { reportError } from './output.ts';
import { Parser } from './parser.ts';
import { Source } from './source.ts';
import type { ShState } from './state.ts';
import { lookupvar } from './vars.ts';
import { getpwname } from './passwd.ts';

export function* expandPrompt(sh: ShState, ps: string): UserGen<string> {
  if (sh.bash) ps = yield* bashEscapes(sh, ps);
  try {
    const p = new Parser(new Source(ps, true, 1), sh.bash);
    const w = p.readHeredocWord();
    return yield* expandString(sh, w, 0);
  } catch (e) {
    if (e instanceof ShError) {
      yield* reportError(sh, e);
      return ps;
    }
    throw e;
  }
}

function* bashEscapes(sh: ShState, ps: string): UserGen<string> {
  if (!ps.includes('\\')) return ps;
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i];
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const d = ps[++i];
    switch (d) {
      case 'u': out += yield* userName(); break;
      case 'h': out += (yield* uname()).nodename.split('.')[0]; break;
      case 'H': out += (yield* uname()).nodename; break;
      case 'w': out += tildePwd(sh); break;
      case 'W': {
        const w = tildePwd(sh);
        out += w === '/' || w === '~' ? w : w.slice(w.lastIndexOf('/') + 1);
        break;
      }
      case '$': out += (yield* geteuid()) === 0 ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case 's': out += 'bash'; break;
      case 'v': out += '5.2'; break;
      case 'V': out += '5.2.15'; break;
      case '\\': out += '\\'; break;
      case '[': case ']': break;
      default: out += `\\${d}`;
    }
  }
  return out;
}

function tildePwd(sh: ShState): string {
  const pwd = lookupvar(sh, 'PWD') ?? '';
  const home = lookupvar(sh, 'HOME');
  if (home && home !== '/' && (pwd === home || pwd.startsWith(`${home}/`))) return `~${pwd.slice(home.length)}`;
  return pwd;
}

function* userName(): UserGen<string> {
  const uid = yield* geteuid();
  return (yield* getpwname(uid)) ?? String(uid);
}
