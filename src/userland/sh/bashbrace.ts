// bash brace expansion (braces.c), done before any other expansion: a{b,c}d -> abd acd,
// {1..5}, {a..e}, {10..1..3}. Only unquoted literal text takes part; quoted text and
// expansions are carried along untouched. A brace with neither a comma nor a sequence stays.
import type { Part, Word } from './ast.ts';

/** A word flattened to active characters and opaque pieces. */
type Tok = string | { part: Part };

function flatten(w: Word): Tok[] {
  const out: Tok[] = [];
  for (const p of w) {
    if (p.k === 'lit' && !p.q) for (const c of p.s) out.push(c);
    else out.push({ part: p });
  }
  return out;
}

function rebuild(toks: Tok[]): Word {
  const w: Word = [];
  let buf = '';
  for (const t of toks) {
    if (typeof t === 'string') buf += t;
    else {
      if (buf) w.push({ k: 'lit', s: buf, q: false });
      buf = '';
      w.push(t.part);
    }
  }
  if (buf) w.push({ k: 'lit', s: buf, q: false });
  return w;
}

function sequence(inner: string): string[] | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m) return null;
  const [, a, b, stepText] = m;
  let step = stepText ? Math.abs(Number(stepText)) || 1 : 1;
  const numeric = /\d/.test(a) && /\d/.test(b);
  if (!numeric && (/\d/.test(a) || /\d/.test(b))) return null;
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  if (from > to) step = -step;
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out: string[] = [];
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) {
    if (!numeric) out.push(String.fromCharCode(v));
    else {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? `-${s}` : s);
    }
    if (out.length > 100000) break;
  }
  return out;
}

function expand(toks: Tok[]): Tok[][] {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i] !== '{' || (i > 0 && toks[i - 1] === '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i + 1; j < toks.length; j++) {
      const t = toks[j];
      if (t === '{') depth++;
      else if (t === '}') {
        if (depth === 0) { close = j; break; }
        depth--;
      } else if (t === ',' && depth === 0) commas.push(j);
    }
    if (close < 0) continue;
    const pre = toks.slice(0, i);
    const post = toks.slice(close + 1);
    let alts: Tok[][];
    if (commas.length) {
      alts = [];
      let from = i + 1;
      for (const c of [...commas, close]) {
        alts.push(toks.slice(from, c));
        from = c + 1;
      }
    } else {
      const inner = toks.slice(i + 1, close);
      if (!inner.every((t) => typeof t === 'string')) continue;
      const seq = sequence(inner.join(''));
      if (!seq) continue;
      alts = seq.map((s) => [...s]);
    }
    const out: Tok[][] = [];
    for (const alt of alts) for (const r of expand([...pre, ...alt, ...post])) out.push(r);
    return out;
  }
  return [toks];
}

/** The words a word brace-expands to (the word itself when it has no brace expression). */
export function braceExpand(w: Word): Word[] {
  if (!w.some((p) => p.k === 'lit' && !p.q && p.s.includes('{'))) return [w];
  return expand(flatten(w)).map(rebuild);
}
