// Accumulates the parts of a word while the lexer reads it: runs of literal characters with the
// same quotedness become one 'lit' part; an empty quoted part records that quotes were present
// (so "" still yields an empty field, as dash's CTLQUOTEMARK does).
import type { Part, Word } from './ast.ts';

export class WordBuilder {
  parts: Part[] = [];
  private buf = '';
  private bufq = false;
  private marked = false;

  lit(s: string, q: boolean): void {
    if (q !== this.bufq && (this.buf !== '' || this.marked)) this.flush();
    this.buf += s;
    this.bufq = q;
    if (q) this.marked = true;
  }

  /** Record that quotes were present here, even if they held nothing. */
  markQuoted(): void {
    if (this.buf === '' && !this.marked) {
      const last = this.parts[this.parts.length - 1];
      if (last && last.k === 'lit' && last.q) return;
    }
    if (!this.bufq && this.buf !== '') this.flush();
    this.bufq = true;
    this.marked = true;
  }

  push(p: Part): void {
    this.flush();
    this.parts.push(p);
  }

  private flush(): void {
    if (this.buf !== '' || this.marked) this.parts.push({ k: 'lit', s: this.buf, q: this.bufq });
    this.buf = '';
    this.bufq = false;
    this.marked = false;
  }

  finish(): Word {
    this.flush();
    return this.parts;
  }

  /** The word so far when it is plain unquoted text ('' when nothing yet), else null; no flush. */
  plainSoFar(): string | null {
    if (this.parts.length || this.marked || this.bufq) return null;
    return this.buf;
  }

  /** The parts so far (flushed), for the "$@" check at a closing quote. */
  snapshot(): Part[] {
    this.flush();
    return this.parts;
  }
}

/** The text of a word made only of literal parts (quoted or not), e.g. a here-doc delimiter. */
export function literalText(w: Word): string | null {
  let s = '';
  for (const p of w) {
    if (p.k !== 'lit') return null;
    s += p.s;
  }
  return s;
}

/** The text of a word that has no quoting and no expansions (keywords, names), else null. */
export function plainText(w: Word): string | null {
  if (w.length === 0) return '';
  if (w.length === 1 && w[0].k === 'lit' && !w[0].q) return w[0].s;
  return null;
}
