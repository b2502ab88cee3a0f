// dash's `case` in command() (parser.c): the word, `in`, then pattern lists up to `esac`, each
// ended by `;;` (or bash's `;&` and `;;&`); a pattern is the word's text even when it reads as a
// keyword.
import type { CaseItem, Node, Word } from './ast.ts';
import type { Parser } from './parser.ts';
import { CHKALIAS, CHKKWD, CHKNL, T, findKeywordText } from './tokens.ts';

export function caseCommand(p: Parser, savelinno: number): Node {
  if (p.readtoken() !== T.WORD) p.synexpect(T.WORD);
  const word = p.word;
  p.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  if (p.readtoken() !== T.IN) p.synexpect(T.IN);
  const items: CaseItem[] = [];
  p.checkkwd = CHKNL | CHKKWD;
  p.casePat = true;
  let t = p.readtoken();
  while (t !== T.ESAC) {
    if (p.last === T.LP) p.readtoken();
    const patterns: Word[] = [];
    for (;;) {
      patterns.push(patternWord(p));
      if (p.readtoken() !== T.PIPE) break;
      p.readtoken();
    }
    p.casePat = false;
    if (p.last !== T.RP) p.synexpect(T.RP);
    const body = p.list(2);
    const item: CaseItem = { patterns, body, term: ';;' };
    items.push(item);
    p.checkkwd = CHKNL | CHKKWD;
    if ((t = p.readtoken()) !== T.ESAC) {
      if (t === T.CASEFALL) item.term = ';&';
      else if (t === T.CASECONT) item.term = ';;&';
      else if (t !== T.ENDCASE) p.synexpect(T.ENDCASE);
      p.checkkwd = CHKNL | CHKKWD;
      p.casePat = true;
      t = p.readtoken();
    }
  }
  p.casePat = false;
  return { type: 'case', line: savelinno, word, items };
}

/** A case pattern: dash takes wordtext whatever the token was, so a keyword is its text. */
function patternWord(p: Parser): Word {
  if (p.last !== T.WORD) {
    const kw = findKeywordText(p.last);
    if (kw !== null) return [{ k: 'lit', s: kw, q: false }];
  }
  return p.word;
}
