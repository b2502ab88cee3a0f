// bash's additions to command(): `function name`, `coproc`, `for (( ; ; ))` and `(( expr ))`.
import type { Node, Redir, Word } from './ast.ts';
import type { Parser } from './parser.ts';
import { CHKALIAS, CHKKWD, CHKNL, T } from './tokens.ts';
import { plainText } from './wordbuild.ts';

/** bash: `function name [()] body`. */
export function bashFunction(p: Parser): Node {
  if (p.readtoken() !== T.WORD) p.synexpect(T.WORD);
  const name = plainText(p.word);
  if (name === null || !p.goodFuncName(name)) p.synerror('Bad function name');
  p.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  if (p.readtoken() === T.LP) {
    if (p.readtoken() !== T.RP) p.synexpect(T.RP);
    p.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  } else p.pushback = true;
  const line = p.src.line;
  return { type: 'func', line, name, body: p.command() };
}

/** bash `for (( a; b; c ))`: null when the next token is not `((`. */
export function tryArithFor(p: Parser, line: number): Node | null {
const src = p.src;
  let c = src.getcBnl();
  while (c === ' ' || c === '\t') c = src.getcBnl();
  if (c !== '(') {
    src.ungetc();
    return null;
  }
  if (src.getcBnl() !== '(') {
    src.ungetc();
    src.ungetc();
    return null;
  }
  const parts: string[] = [''];
  let depth = 0;
  for (;;) {
    const d = src.getcBnl();
    if (d === '') p.synerror("Missing '))'");
    if (d === '(') depth++;
    if (d === ')') {
      if (depth === 0) {
        if (src.getcBnl() === ')') break;
        p.synerror("Missing '))'");
      }
      depth--;
    }
    if (d === ';' && depth === 0) parts.push('');
    else parts[parts.length - 1] += d;
  }
  if (parts.length !== 3) p.synerror('syntax error: arithmetic expression required');
  const words = parts.map((x) => {
    const w: Word = p.subParser(x, src.line).readHeredocWord();
    w.raw = x;
    return w;
  });
  p.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  const t = p.readtoken();
  if (t !== T.SEMI && t !== T.NL) p.pushback = true;
  p.checkkwd = CHKNL | CHKKWD | CHKALIAS;
  let tok = p.readtoken();
  if (tok !== T.DO && tok !== T.BEGIN) p.synexpect(T.DO);
  const body = p.list(0);
  tok = p.readtoken();
  p.pushback = true;
  if (p.last === T.END) {
    // for (( ... )) { list; } closes with a brace.
    p.last = T.DONE;
  }
  void tok;
  return { type: 'arithfor', line, init: words[0], test: words[1], step: words[2], body };
}

/** bash `(( expr ))` at the start of a command: read up to the matching `))`. */
export function tryArithCommand(p: Parser): Word | null {
const src = p.src;
  const c = src.getc();
  if (c !== '(') {
    src.ungetc();
    return null;
  }
  let depth = 0;
  let text = '';
  const line = src.line;
  for (;;) {
    const d = src.getcBnl();
    if (d === '') p.synerror("Missing '))'");
    if (d === '(') depth++;
    if (d === ')') {
      if (depth === 0) {
        if (src.getcBnl() === ')') break;
        p.synerror("Missing '))'");
      }
      depth--;
    }
    text += d;
  }
  const w: Word = p.subParser(text, line).readHeredocWord();
  w.raw = text;
  return w;
}

/** `cmd 2>&1` for bash's |&. */
export function withStderrDup(n: Node): Node {
  const r: Redir = { kind: '>&', fd: 2, target: [{ k: 'lit', s: '1', q: false }], dupfd: 1, here: null };
  if (n.type === 'cmd') return { ...n, redirs: [...n.redirs, r] };
  if (n.type === 'redir' || n.type === 'subshell') return { ...n, redirs: [...n.redirs, r] };
  return { type: 'redir', line: n.line, body: n, redirs: [r] };
}

/** bash `coproc [NAME] command`: NAME only before a compound command (parse.y's coproc rule);
 * `coproc NAME args` is a simple command named NAME, in a coprocess called COPROC. */
export function coprocCommand(p: Parser, line: number): Node {
  const src = p.src;
  const m = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]+(?=(?:\{|\(|if|while|until|for|select|case|\[\[|function)(?:[ \t\n;(]|$))/
    .exec(src.text.slice(src.pos));
  let name = 'COPROC';
  if (m && !['if', 'while', 'until', 'for', 'select', 'case', 'function'].includes(m[1])) {
    name = m[1];
    for (let i = 0; i < m[0].length; i++) src.getc();
  }
  p.checkkwd = CHKKWD | CHKALIAS;
  return { type: 'coproc', line, name, body: p.command() };
}
