// dash's syntax stack for readtoken1(): which table applies (BASE, DQ, SQ, ARI) and the
// counters that decide where ${...} and $((...)) end.
import type { ParamPart, Word } from './ast.ts';
import type { WordBuilder } from './wordbuild.ts';

export const enum Syn { BASE, DQ, SQ, ARI }

export interface SynFrame {
  syntax: Syn;
  dblquote: boolean;
  innerdq: boolean;
  varnest: number;
  parenlevel: number;
  dqvarnest: number;
  varpushed: boolean;
}

/** A ${...} or $((...)) being read: its builder, and where its result goes when it closes. */
export interface Pending {
  parent: WordBuilder;
  part: ParamPart | { k: 'arith'; parts: Word; q: boolean };
  /** bash ${x/p/r} and ${x:o:l}: the character that moves to the second operand. */
  split?: string;
  second?: boolean;
  first?: Word;
}

export function newFrame(syntax: Syn, dblquote: boolean, varpushed: boolean): SynFrame {
  return { syntax, dblquote, innerdq: false, varnest: 0, parenlevel: 0, dqvarnest: 0, varpushed };
}
