// Redirection operators as dash's parseredir() reads them after an optional fd number (one digit
// in dash, any number in bash), and bash's &> and &>>; then parsefname(), the word they take.
import type { RedirKind, Word } from './ast.ts';
import type { Lexer } from './lexer.ts';
import { CHKEOFMARK, T, isDigit } from './tokens.ts';
import { literalText, plainText } from './wordbuild.ts';

/** bash `&>file` and `&>>file`: redirect stdout and stderr. */
export function peekRedirAmp(lx: Lexer): boolean {
const src = lx.src;
  if (src.getcBnl() !== '>') {
    src.ungetc();
    return false;
  }
  let kind: RedirKind = '&>';
  if (src.getcBnl() === '>') kind = '&>>';
  else src.ungetc();
  lx.redir = { kind, fd: 1, target: [], dupfd: null, here: null };
  return true;
}

/** A word that can be the fd of a redirection: empty, or one digit (dash), digits (bash). */
export function redirFdWord(lx: Lexer, w: Word): boolean {
  const t = plainText(w);
  if (t === null) return false;
  if (t === '') return true;
  return lx.bash ? /^(\d+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(t) : t.length === 1 && isDigit(t);
}

/** dash's parseredir: the operator after an optional fd number. */
export function parseRedir(lx: Lexer, c: string, fdWord: Word): void {
const src = lx.src;
  let kind: RedirKind;
  let fd: number;
  if (c === '>') {
    fd = 1;
    const d = src.getcBnl();
    if (d === '>') kind = '>>';
    else if (d === '|') kind = '>|';
    else if (d === '&') kind = '>&';
    else { kind = '>'; src.ungetc(); }
  } else {
    fd = 0;
    const d = src.getcBnl();
    if (d === '<') {
      kind = '<<';
      const e = src.getcBnl();
      if (e === '-') kind = '<<-' as RedirKind;
      else if (lx.bash && e === '<') kind = '<<<';
      else src.ungetc();
    } else if (d === '&') kind = '<&';
    else if (d === '>') kind = '<>';
    else { kind = '<'; src.ungetc(); }
  }
  const t = plainText(fdWord);
  let varname: string | undefined;
  if (t && t[0] === '{') varname = t.slice(1, -1);
  else if (t) fd = Number(t);
  lx.redir = { kind, fd, target: [], dupfd: null, here: null };
  if (varname !== undefined) lx.redir.varname = varname;
}

/** dash parsefname(): the word after a redirection operator. */
export function parsefname(lx: Lexer): void {
  const n = lx.redir!;
  const heredoc = n.kind === '<<' || (n.kind as string) === '<<-';
  if (heredoc) lx.checkkwd = CHKEOFMARK;
  if (lx.readtoken() !== T.WORD) lx.synexpect(-1);
  if (heredoc) {
    const strip = (n.kind as string) === '<<-';
    n.kind = '<<';
    if (lx.bash) {
      n.hereDelim = lx.word.raw ?? literalText(lx.word) ?? '';
      n.hereStrip = strip;
    }
    lx.heredocs.push({ redir: n, mark: literalText(lx.word) ?? '', strip, quoted: lx.quoted });
    return;
  }
  n.target = lx.word;
  if (n.kind === '<&' || n.kind === '>&') {
    const t = plainText(lx.word);
    if (t !== null && t.length === 1 && t >= '0' && t <= '9') n.dupfd = Number(t);
    else if (t === '-') n.dupfd = -1;
  }
}
