// bash's report of a syntax error at an unexpected token (dash's is one line, made by
// Lexer.synexpect): the message naming the token, then the line of input it stands on.
import type { Lexer } from './lexer.ts';
import { T, TOKNAME } from './tokens.ts';
import { literalText } from './wordbuild.ts';

/** bash's report of an unexpected token: the token, then the line it is on. */
export function bashUnexpected(lx: Lexer): string[] {
  if (lx.last === T.EOF) return ['syntax error: unexpected end of file'];
  let tok: string;
  if (lx.last === T.WORD) tok = literalText(lx.word) ?? '';
  else if (lx.last === T.NL) tok = 'newline';
  else if (lx.last === T.REDIR) tok = lx.redir ? lx.redir.kind : '';
  else tok = TOKNAME[lx.last].replace(/^"(.*)"$/, '$1');
  const text = lx.src.text;
  let end = lx.src.pos;
  if (lx.last === T.NL && end > 0) end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  let stop = text.indexOf('\n', end);
  if (stop < 0) stop = text.length;
  return [`syntax error near unexpected token \`${tok}'`, `\`${text.slice(start, stop)}'`];
}
