// Which words of a simple command are assignments: dash's isassignment() (an unquoted `name=`
// at the start), and bash's wider forms.
import type { Word } from './ast.ts';

/** isassignment(): the word starts with an unquoted `name=` (bash also `name+=`, `name[i]=`). */
export function isAssignment(w: Word): boolean {
  const p = w[0];
  if (!p || p.k !== 'lit' || p.q) return false;
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(p.s);
}

/** bash also assigns with `name+=value`, `name[index]=value` and `name=(...)`. */
export function isBashAssignment(w: Word): boolean {
  const p = w[0];
  if (!p || p.k !== 'lit' || p.q) return false;
  if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(p.s)) return true;
  return /^[A-Za-z_][A-Za-z0-9_]*\[/.test(p.s) && w.some((x) => x.k === 'lit' && !x.q && /\]\+?=/.test(x.s));
}
