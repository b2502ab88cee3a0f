// parsesub(): what follows a '$' in a word (dash's parser.c): $((...)), $(...), and parameters
// with dash's exact subtype logic ("${x!}" is parsed and reported as "Bad substitution" only when
// expanded), plus bash's ${x:o:l}, ${x/p/r}, ${x^^}, ${!x} and ${a[i]} in bash mode.
import type { ParamOp, ParamPart, Word } from './ast.ts';
import type { Lexer } from './lexer.ts';
import { parseDollarParen } from './cmdsubst.ts';
import { CHKEOFMARK, isDigit, isInName, isNameStart, isSpecial } from './tokens.ts';
import { Syn, newFrame } from './synstack.ts';
import type { Pending, SynFrame } from './synstack.ts';
import { WordBuilder } from './wordbuild.ts';
import { ansiEscape } from './ansic.ts';

const VS_TYPES = '}-+?=';
const VS_OPS: ParamOp[] = ['', '-', '+', '?', '='];

/** parsesub: we have read '$'. */
export function parsesub(lx: Lexer, stack: SynFrame[], top: SynFrame, b: WordBuilder, pend: Pending[]): { top: SynFrame; b: WordBuilder } {
  const src = lx.src;
  let c = src.getcBnl();
  const qd = top.dblquote;
  if (lx.bash && !(lx.checkkwd & CHKEOFMARK) && top.syntax === Syn.BASE && (c === "'" || c === '"')) {
    if (c === "'") {
      // bash $'...': ANSI-C escapes, the result quoted.
      b.lit(ansiC(lx), true);
      return { top, b };
    }
    // bash $"...": locale translation, which is the string itself here.
    lx.src.ungetc();
    return { top, b };
  }
  if (lx.bash && !(lx.checkkwd & CHKEOFMARK) && c === '[') {
    // bash's old $[expression] arithmetic.
    b.push({ k: 'arith', parts: readIndex(lx), q: qd });
    return { top, b };
  }
  if ((lx.checkkwd & CHKEOFMARK) || (c !== '(' && c !== '{' && !isNameStart(c) && !isSpecial(c))) {
    b.lit('$', top.syntax === Syn.SQ || qd);
    src.ungetc();
    return { top, b };
  }
  if (c === '(') {
    if (src.getcBnl() === '(') {
      // parsearith
      const frame: SynFrame = { syntax: Syn.ARI, dblquote: true, innerdq: false, varnest: 0, parenlevel: 0, dqvarnest: 0, varpushed: false };
      stack.push(frame);
      pend.push({ parent: b, part: { k: 'arith', parts: [], q: qd } });
      return { top: frame, b: new WordBuilder() };
    }
    src.ungetc();
    b.push({ k: 'cmd', body: parseDollarParen(lx), q: qd, bq: false });
    return { top, b };
  }
  // dash's subtype: NORMAL for $name / ${name}, BRACED (0) while undecided (and for a bad
  // substitution, reported when expanded), TYPED once an operator is read, LENGTH for ${#name}.
  const NORMAL = 1, BRACED = 0, TYPED = 2, LENGTH = 10;
  let subtype = NORMAL;
  let op: ParamOp = '';
  let colon = false;
  let name = '';
  let newsyn = top.syntax;
  let split: string | undefined;
  let index: Word | null = null;
  let indirect = false;
  if (c === '{') {
    c = src.getcBnl();
    subtype = BRACED;
    if (lx.bash && c === '!') {
      const d = src.getcBnl();
      src.ungetc();
      // ${!name}, and ${!1} (the variable named by a positional parameter).
      if (isNameStart(d) || isDigit(d)) { indirect = true; c = src.getcBnl(); }
    }
  }
  let badsub = false;
  for (;;) {
    if (isNameStart(c)) {
      do { name += c; c = src.getcBnl(); } while (isInName(c));
    } else if (isDigit(c)) {
      do { name += c; c = src.getcBnl(); } while ((subtype <= BRACED || subtype >= LENGTH) && isDigit(c));
    } else if (c !== '}') {
      let cc = c;
      c = src.getcBnl();
      if (subtype === BRACED && cc === '#') {
        subtype = LENGTH;
        if (c === '_' || /^[A-Za-z0-9]$/.test(c)) continue;
        cc = c;
        c = src.getcBnl();
        if (cc === '}' || c !== '}') {
          src.ungetc();
          subtype = BRACED;
          c = cc;
          cc = '#';
        }
      }
      if (!isSpecial(cc)) {
        if (subtype === LENGTH) subtype = BRACED;
        badsub = true;
        // parsesub() drops cc at badsub without counting it, even a newline (plinno).
        if (cc === '\n' && !lx.bash) src.line--;
      } else name = cc;
    } else badsub = true;
    break;
  }
  if (!badsub && lx.bash && subtype !== NORMAL && c === '[' && name !== '') {
    index = readIndex(lx);
    c = src.getcBnl();
  }
  if (!badsub && subtype === BRACED) {
    const cc = c;
    let i: number;
    switch (c) {
      case ':':
        colon = true;
        c = src.getcBnl();
        i = c === '' ? -1 : VS_TYPES.indexOf(c);
        if (i >= 0) { op = VS_OPS[i]; subtype = TYPED; break; }
        if (lx.bash) { op = 'sub'; split = ':'; subtype = TYPED; src.ungetc(); break; }
        // dash drops the character (uncounted, even a newline); the expansion fails with
        // "Bad substitution".
        if (c === '\n') src.line--;
        break;
      case '%': case '#':
        subtype = TYPED;
        c = src.getcBnl();
        if (c === cc) op = cc === '#' ? '##' : '%%';
        else { op = cc as ParamOp; src.ungetc(); }
        newsyn = Syn.BASE;
        break;
      default:
        i = c === '' ? -1 : VS_TYPES.indexOf(c);
        if (i === 0) {
          subtype = NORMAL;
        } else if (i > 0) {
          op = VS_OPS[i];
          subtype = TYPED;
        } else if (lx.bash && c === '/') {
          subtype = TYPED;
          const d = src.getcBnl();
          if (d === '/') op = '//'; else if (d === '#') op = '/#'; else if (d === '%') op = '/%'; else { op = '/'; src.ungetc(); }
          split = '/';
          newsyn = Syn.BASE;
        } else if (lx.bash && indirect && (c === '*' || c === '@')) {
          op = c === '@' ? 'names@' : 'names*';
          subtype = TYPED;
        } else if (lx.bash && c === '@') {
          op = '@';
          subtype = TYPED;
          newsyn = Syn.BASE;
        } else if (lx.bash && (c === '^' || c === ',')) {
          subtype = TYPED;
          const d = src.getcBnl();
          if (d === c) op = (c + c) as ParamOp; else { op = c as ParamOp; src.ungetc(); }
          newsyn = Syn.BASE;
        }
        // Otherwise the character is dropped (uncounted, even a newline) and the expansion
        // reports "Bad substitution".
        else if (c === '\n') src.line--;
    }
  } else {
    if (subtype === LENGTH && c !== '}') subtype = BRACED;
    src.ungetc();
  }
  if (subtype === LENGTH) op = 'len';
  else if (subtype === BRACED) op = 'bad';
  // ${!name}: 'ind'; ${!name-word}, ${!name#pat}...: the operator, on the variable it names.
  let indirectOp = false;
  if (indirect) {
    if (subtype === NORMAL) { op = 'ind'; subtype = TYPED; src.ungetc(); } else if (op === 'names@' || op === 'names*') { /* ${!prefix@} */ } else if (subtype === TYPED && op !== 'bad' && op !== 'len' && op !== '@') indirectOp = true;
    else op = 'bad';
  }
  const part: ParamPart = { k: 'param', name, index, op, colon, arg: null, arg2: null, q: qd };
  if (indirectOp) part.indirect = true;
  if (subtype === NORMAL) {
    b.push(part);
    return { top, b };
  }
  if (newsyn === Syn.ARI) newsyn = Syn.DQ;
  if (newsyn !== top.syntax || top.innerdq) {
    const frame = newFrame(newsyn, newsyn !== Syn.BASE, true);
    stack.push(frame);
    top = frame;
  }
  top.varnest++;
  if (top.dblquote) top.dqvarnest++;
  pend.push({ parent: b, part, split });
  return { top, b: new WordBuilder() };
}

/** Read a $'...' string (after the quote) and decode its escapes. */
function ansiC(lx: Lexer): string {
  const src = lx.src;
  let out = '';
  for (;;) {
    const c = src.getc();
    if (c === '') lx.synerror('Unterminated quoted string', lx.bash ? ["unexpected EOF while looking for matching `''"] : undefined);
    if (c === "'") return out;
    if (c !== '\\') out += c;
    else out += ansiEscape(() => src.getc(), () => src.ungetc());
  }
}

/** bash ${name[index]}: the text up to the matching ']', expanded like a here-document. */
function readIndex(lx: Lexer): Word {
  const line = lx.src.line;
  let text = '';
  let depth = 0;
  for (;;) {
    const c = lx.src.getcBnl();
    if (c === '') lx.synerror("Missing '}'");
    if (c === '[') depth++;
    if (c === ']' && depth-- === 0) break;
    text += c;
  }
  return lx.subParser(text, line).readHeredocWord();
}
