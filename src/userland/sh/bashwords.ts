// bash's additions to how a word is read (the lexer's readtoken1 calls these in bash mode): the
// start of an array assignment `name=(`, a subscript after a plain name, and extglob groups
// ?( *( +( @( !( read whole into the word.
import type { Part } from './ast.ts';
import type { Source } from './source.ts';
import type { WordBuilder } from './wordbuild.ts';

/** Is the word so far `name=` or `name+=` (an array assignment follows)? */
export function isArrayAssignStart(b: WordBuilder): boolean {
  const parts = b.snapshot();
  if (parts.length !== 1) return false;
  const p = parts[0];
  return p.k === 'lit' && !p.q && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(p.s);
}

/**
 * Does a quoted ${...} expand to a list, as "$@" does: ${a[@]}, ${@:1}, ${a[@]/x/y}, ${!a[@]},
 * ${!prefix@}? Alone between double quotes it makes no word at all when the list is empty (bash
 * drops the quoted null of a "$@"-like expansion with no elements), like dash's "$@" hack.
 */
export function isListParam(p: Part & { k: 'param' }): boolean {
  if (p.op === 'len') return false;
  if (p.op === 'names@') return true;
  const at = p.index !== null && p.index.length === 1 && p.index[0].k === 'lit' && p.index[0].s === '@';
  return at || (p.name === '@' && p.index === null);
}

/** Is the word so far a plain name (a subscript may follow)? */
export function isIdentSoFar(b: WordBuilder): boolean {
  const s = b.plainSoFar();
  return s !== null && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/**
 * An extglob group after its `(`: the text up to the matching `)` joins the word, unquoted, with
 * quoted pieces inside kept quoted. `eof` raises the syntax error for input that ends inside
 * (the closing character looked for, and the message).
 */
export function readExtglobGroup(src: Source, b: WordBuilder, eof: (close: string, msg: string) => never): void {
  b.lit('(', false);
  let depth = 1;
  for (;;) {
    const c = src.getcBnl();
    if (c === '') eof(')', "Missing ')'");
    if (c === '\\') {
      const d = src.getc();
      if (d !== '') b.lit(d, true);
      continue;
    }
    if (c === "'" || c === '"') {
      for (;;) {
        const d = src.getc();
        if (d === '') eof(c, 'Unterminated quoted string');
        if (d === c) break;
        b.lit(d, true);
      }
      b.markQuoted();
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      b.lit(')', false);
      return;
    }
    b.lit(c, false);
  }
}
