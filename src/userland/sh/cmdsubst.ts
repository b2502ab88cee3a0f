// Command substitutions inside a word (dash's parsebackq() in parser.c): $( ... ) parsed in
// place up to its ')', and old-style `...` unescaped and then parsed as input of its own.
import type { Node } from './ast.ts';
import type { Lexer } from './lexer.ts';
import { T } from './tokens.ts';

/** $( ... ): parse a command list up to the matching ')'. */
export function parseDollarParen(lx: Lexer): Node | null {
  const saveHeredocs = lx.heredocs;
  const saveKwd = lx.checkkwd;
  lx.heredocs = [];
  const n = lx.list(2);
  if (lx.readtoken() !== T.RP) lx.synexpect(T.RP);
  // dash's parsebackq() reads the here-documents still pending at the ')' from an empty
  // string (setinputstring(nullstr)): they are empty, and the lines after are commands.
  lx.parseHeredocs(!lx.bash);
  lx.heredocs = saveHeredocs;
  lx.checkkwd = saveKwd;
  return n;
}

/** Old-style `...`: undo the backslash escapes, then parse the text as a script. */
export function parseBackquote(lx: Lexer, dblquote: boolean): Node | null {
  const src = lx.src;
  let text = '';
  for (;;) {
    let c = src.getcBnl();
    if (c === '`') break;
    if (c === '') lx.synerror('EOF in backquote substitution');
    if (c === '\\') {
      c = src.getc();
      if (c !== '\\' && c !== '`' && c !== '$' && (!dblquote || c !== '"')) text += '\\';
    }
    text += c;
  }
  // A backquoted command is re-read as its own input, counting lines from 1 (dash pushes a
  // new parsefile, and plinno is per file).
  const sub = lx.subParser(text, 1);
  return sub.list(2);
}
