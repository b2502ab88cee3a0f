// The s command's matching loop and replacement (sed/execute.c do_subst, append_replacement):
// occurrence N, g, empty matches not right after a previous match, & \1..\9 and GNU's case
// conversions \L \U \E \l \u.
import { asciiLower, asciiUpper } from './ascii.ts';
import type { PosixRegex } from './regex.ts';
import type { Cmd, ReplPart } from './sed_parse.ts';

/** The new pattern space, or null when nothing was replaced. */
export function substitute(re: PosixRegex, ps: string, c: Pick<Cmd, 'repl' | 'global' | 'num'>): string | null {
  const nth = c.num ?? 1;
  let count = 0;
  let out = '';
  let copied = 0;
  let from = 0;
  let prevEnd = -1;
  let replaced = false;
  while (from <= ps.length) {
    const m = re.exec(ps, from);
    if (!m) break;
    if (m.index === m.end && m.index === prevEnd) {
      // An empty match right after the previous match does not count (POSIX).
      from = m.index + 1;
      continue;
    }
    count++;
    if (count >= nth) {
      out += ps.slice(copied, m.index) + expand(c.repl!, m.groups);
      copied = m.end;
      replaced = true;
      if (!c.global) break;
    }
    prevEnd = m.end;
    from = m.end > m.index ? m.end : m.end + 1;
  }
  if (!replaced) return null;
  return out + ps.slice(copied);
}

type CaseMode = '' | 'L' | 'U';

/** append_replacement(): literal text, groups and case conversion. */
export function expand(parts: readonly ReplPart[], groups: readonly (string | undefined)[]): string {
  let out = '';
  let mode: CaseMode = '';
  let once: '' | 'l' | 'u' = '';
  const add = (s: string): void => {
    if (!s) return;
    if (mode === 'L') s = asciiLower(s);
    else if (mode === 'U') s = asciiUpper(s);
    if (once) {
      s = (once === 'u' ? asciiUpper(s[0]) : asciiLower(s[0])) + s.slice(1);
      once = '';
    }
    out += s;
  };
  for (const p of parts) {
    if (typeof p === 'string') add(p);
    else if ('group' in p) add(groups[p.group] ?? '');
    else if (p.caseOp === 'l' || p.caseOp === 'u') once = p.caseOp;
    else if (p.caseOp === 'E') { mode = ''; once = ''; }
    else mode = p.caseOp;
  }
  return out;
}
