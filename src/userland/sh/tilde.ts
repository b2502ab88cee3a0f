// Tilde expansion (dash's exptilde() and the EXP_VARTILDE scan of argstr()): `~` and `~user` at
// the start of a word, and after '=' and ':' in assignment words.
import type { Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { getpwdir } from './passwd.ts';
import type { ShState } from './state.ts';
import { lookupvar } from './vars.ts';

/** Tilde prefix at the start of a word: up to '/' (or ':' in assignments), unquoted only. */
export function* tilde(sh: ShState, w: Word, s: string, assign: boolean): UserGen<{ home: string; len: number } | null> {
  let end = 1;
  while (end < s.length && s[end] !== '/' && !(assign && s[end] === ':')) end++;
  // dash gives up when the prefix runs into a quoted character (the next part).
  if (end === s.length && w.length > 1 && w[1].k === 'lit') return null;
  if (end === s.length && w.length > 1 && w[1].k !== 'lit') {
    // ~$x: the name would include the expansion; getpwnam fails.
    return null;
  }
  const name = s.slice(1, end);
  // bash: ~+ is $PWD, ~- is $OLDPWD (left as typed when unset).
  const home = name === '' ? lookupvar(sh, 'HOME')
    : sh.bash && name === '+' ? lookupvar(sh, 'PWD')
      : sh.bash && name === '-' ? lookupvar(sh, 'OLDPWD') : yield* getpwdir(name);
  if (home === null) return null;
  return { home, len: end };
}

/** Assignment words: a tilde after '=' or ':' is expanded too (dash's EXP_VARTILDE). */
export function* varTilde(sh: ShState, w: Word, i: number, s: string, breakall: boolean,
  push: (s: string, q: boolean, split: boolean) => void): UserGen<void> {
  let start = 0;
  let seenEq = i > 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if ((c === '=' && !seenEq) || c === ':') {
      if (c === '=') seenEq = true;
      if (s[k + 1] === '~') {
        push(s.slice(start, k + 1), false, breakall);
        const rest = s.slice(k + 1);
        const sub: Word = [{ k: 'lit', s: rest, q: false }, ...w.slice(i + 1)];
        const t = yield* tilde(sh, sub, rest, true);
        if (t) {
          push(t.home, true, false);
          start = k + 1 + t.len;
          k = start - 1;
        } else start = k + 1;
      }
    }
  }
  push(s.slice(start), false, breakall);
}
