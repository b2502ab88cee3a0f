// Here-document bodies: the raw lines up to the delimiter (tabs stripped for <<-), read from the
// same input as the command, as dash's parseheredoc() does after the newline.
import type { Redir } from './ast.ts';
import { parseBackquote, parseDollarParen } from './cmdsubst.ts';
import { SyntaxErr } from './errors.ts';
import type { Lexer } from './lexer.ts';
import type { Source } from './source.ts';

export interface PendingHeredoc {
  redir: Redir;
  mark: string;
  strip: boolean;
  quoted: boolean;
  /** Set once the body ended at its delimiter line (not at the end of input). */
  ended?: boolean;
}

/** The raw text of a here-document, up to the line holding only the delimiter. An unquoted
 * body loses its backslash-newlines first, as dash reads it through pgetc_eatbnl().
 * `cmdsub`, for an unquoted body, parses a $( ... ) or `...` from `src` (its '$(' or '`'
 * already read): dash reads the body with readtoken1(), whose parsebackq() parses the command
 * list in place (or copies the backquoted text up to its closing '`'), so those lines (and their
 * own here-documents) are never checked for the delimiter; the text consumed stays in the body,
 * to be parsed again as part of the word. */
export function readHeredocText(src: Source, h: PendingHeredoc, cmdsub?: (c: '(' | '`') => void): string {
  let body = '';
  let joined = false;
  for (;;) {
    let c = src.getc();
    if (h.strip && !joined) while (c === '\t') c = src.getc();
    if (c === '') return body;
    let line = '';
    while (c !== '\n' && c !== '') {
      if (c === '\\' && !h.quoted) {
        const d = src.getc();
        if (d === '\n') { c = src.getc(); continue; }
        line += c;
        if (d === '') { c = ''; break; }
        c = d;
      } else if (c === '$' && cmdsub && !h.quoted) {
        const start = src.pos - 1;
        const d = src.getc();
        const e = d === '(' ? src.getc() : '';
        if (d === '(' && e !== '(') {
          if (e !== '') src.ungetc();
          cmdsub('(');
          line += src.text.slice(start, src.pos);
          c = src.getc();
          continue;
        }
        if (e !== '') src.ungetc();
        if (d !== '') src.ungetc();
      } else if (c === '`' && cmdsub && !h.quoted) {
        const start = src.pos - 1;
        cmdsub('`');
        line += src.text.slice(start, src.pos);
        c = src.getc();
        continue;
      }
      line += c;
      c = src.getc();
    }
    const wasJoined = joined;
    // parsesub() takes a newline right after "${" (and the like) as the expansion's type
    // character and drops it, so readtoken1() never sees it: the next line is not checked for
    // the delimiter (nor stripped of tabs).
    joined = c === '\n' && !h.quoted && !!cmdsub && swallowsNewline(line);
    if (line === h.mark && !wasJoined) {
      h.ended = true;
      return body;
    }
    body += line;
    if (c === '') return body;
    body += '\n';
  }
}

/** Whether a body line ends where parsesub() reads the character after "${", "${name",
 * "${name:" (or "${#", "${#:") as a type character: a newline there is swallowed. */
function swallowsNewline(line: string): boolean {
  const m = /(\\*)\$\{(#:?|(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])?:?)$/.exec(line);
  return !!m && m[1].length % 2 === 0;
}

/** Lexer.parseHeredocs(): read the bodies of the here-documents whose operators were on the line
 * just ended (dash's parseheredoc()). */
export function parseHeredocBodies(lx: Lexer, empty: boolean): void {
  const list = lx.heredocs;
  lx.heredocs = [];
  for (const h of list) {
    const startLine = lx.src.line;
    const body = empty ? '' : readHeredocText(lx.src, h, lx.bash ? undefined : (c) => heredocCmdsub(lx, c));
    if (lx.bash) h.redir.hereText = body;
    if (h.quoted) {
      h.redir.here = [{ k: 'lit', s: body, q: true }];
    } else {
      const sub = lx.subParser(body, startLine);
      try {
        h.redir.here = sub.readHeredocWord();
      } catch (e) {
        // checkend() has counted the delimiter line (nlnoprompt()) by the time readtoken1()
        // reports a word the body left open ("Missing '))'", "Missing '}'").
        if (!(e instanceof SyntaxErr) || lx.bash || !h.ended || sub.src.pos < sub.src.text.length) throw e;
        throw new SyntaxErr(e.message.replace(/^Syntax error: /, ''), e.line + 1, e.bashLines);
      }
      // A newline parsesub() swallowed in the body (after "${" or "${x") is never counted in
      // plinno, so the lines after the here-document number one less each time.
      const lost = (body.match(/\n/g)?.length ?? 0) - (sub.src.line - startLine);
      if (!lx.bash && lost > 0) lx.src.line -= lost;
    }
  }
}

/** A $( ... ) or `...` inside an unquoted here-document body, parsed from the input in place
 * (see readHeredocText()); the token state of the command around it is kept. */
function heredocCmdsub(lx: Lexer, c: '(' | '`'): void {
  const { last, word, quoted, redir, pushback } = lx;
  if (c === '(') parseDollarParen(lx);
  else parseBackquote(lx, true);
  Object.assign(lx, { last, word, quoted, redir, pushback });
}
