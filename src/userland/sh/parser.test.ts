import { describe, expect, it } from 'vitest';
import type { Node, Word } from './ast.ts';
import { NeedMore, SyntaxErr } from './errors.ts';
import { NEOF, Parser, parseAll } from './parser.ts';
import { Source } from './source.ts';

/** A compact rendering of words: unquoted text as is, quoted text in <>, expansions in {}. */
function w(word: Word): string {
  return word.map((p) => {
    switch (p.k) {
      case 'lit': return p.q ? `<${p.s}>` : p.s;
      case 'param': return `{${p.name}${p.op}${p.colon ? ':' : ''}${p.arg?.length ? `=${w(p.arg)}` : ''}${p.q ? 'q' : ''}}`;
      case 'cmd': return `{cmd${p.bq ? ' bq' : ''}${p.q ? ' q' : ''}}`;
      case 'arith': return `{((${w(p.parts)}))}`;
      case 'array': return `{(${p.words.map(w).join(' ')})}`;
      case 'procsub': return `{${p.dir}(...)}`;
    }
  }).join('');
}

function first(src: string): Node {
  return parseAll(src)[0];
}

function err(src: string, bash = false): { msg: string; line: number; bash?: string[] } {
  try {
    parseAll(src, bash);
  } catch (e) {
    if (e instanceof SyntaxErr) return { msg: e.message, line: e.line, bash: e.bashLines };
    throw e;
  }
  throw new Error('no error');
}

describe('words and quoting', () => {
  it('keeps quoted and unquoted pieces apart', () => {
    const n = first(`echo a"b $x"'c'\\d`);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', 'a<b >{xq}<cd>']);
  });
  it('marks empty quotes so "" stays a field', () => {
    const n = first(`echo "" ''`);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', '<>', '<>']);
  });
  it('leaves "$@" alone without a quote mark (dash\'s "$@" rule)', () => {
    const n = first(`f "$@" "x$@"`);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['f', '{@q}', '<x>{@q}<>']);
  });
  it('parses parameter operators like dash, trim patterns in base syntax', () => {
    const n = first(`echo \${a:-"x"} "\${b#"*"}" \${#c} \${d%%\\*} \${e+'q'}`);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual([
      'echo', '{a-:=<x>}', '{b#=<*>q}<>', '{clen}', '{d%%=<*>}', '{e+=<q>}']);
  });
  it('keeps single quotes literal inside "${x-...}"', () => {
    const n = first(`echo "\${x-'a'}"`);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', "{x-=<'a'>q}<>"]);
  });
  it('reads $10 as ${1}0 and ${10} as parameter 10', () => {
    const n = first('echo $10 ${10}');
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', '{1}0', '{10}']);
  });
  it('records a bad substitution for expansion time', () => {
    const n = first('echo ${x!}');
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', '{xbad}']);
  });
  it('parses arithmetic and command substitutions', () => {
    const n = first('echo $((1+$x)) $(echo a) `b`');
    // Inside $(( )) everything is quoted, as in dash's ARISYNTAX.
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', '{((<1+>{xq}))}', '{cmd}', '{cmd bq}']);
  });
  it('joins backslash-newline everywhere but in single quotes', () => {
    const n = first("ec\\\nho 'a\\\nb'");
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['echo', '<a\\\nb>']);
  });
});

describe('commands', () => {
  it('splits assignments from arguments only before the command word', () => {
    const n = first('a=1 b=2 cmd c=3');
    expect(n.type === 'cmd' && [n.assigns.map(w), n.args.map(w)]).toEqual([['a=1', 'b=2'], ['cmd', 'c=3']]);
  });
  it('parses redirections with fds, duplication and closing', () => {
    const n = first('cmd 2>&1 >out <&- 3<>f >>g >|h 12>x');
    expect(n.type === 'cmd' && n.redirs.map((r) => [r.fd, r.kind, r.dupfd, w(r.target)])).toEqual([
      [2, '>&', 1, '1'], [1, '>', null, 'out'], [0, '<&', -1, '-'], [3, '<>', null, 'f'],
      [1, '>>', null, 'g'], [1, '>|', null, 'h'], [1, '>', null, 'x']]);
    expect(n.type === 'cmd' && n.args.map(w)).toEqual(['cmd', '12']);
  });
  it('reads here-document bodies after the line, quoted or not', () => {
    const n = first('cat <<A <<-\'B\'\nx $y\nA\n\tz $y\n\tB\n');
    expect(n.type === 'cmd' && n.redirs.map((r) => w(r.here ?? []))).toEqual(['<x >{yq}<\n>', '<z $y\n>']);
  });
  it('builds dash\'s node kinds', () => {
    const kinds = parseAll('a | b && c || ! d; (e) & { f; } > g\nif a; then b; elif c; then d; else e; fi\n' +
      'while a; do b; done; until a; do :; done; for i in 1 2; do :; done; case x in a|b) ;; esac\nf() { :; }')
      .map(function k(n: Node): string {
        switch (n.type) {
          case 'semi': case 'and': case 'or': return `${n.type}(${k(n.left)},${k(n.right)})`;
          case 'not': return `not(${k(n.body)})`;
          case 'pipe': return `pipe${n.bg ? '&' : ''}(${n.cmds.map(k).join(',')})`;
          case 'bg': case 'redir': return `${n.type}(${k(n.body)})`;
          default: return n.type;
        }
      });
    expect(kinds).toEqual(['semi(semi(or(and(pipe(cmd,cmd),cmd),not(cmd)),bg(subshell)),redir(cmd))',
      'if', 'semi(semi(semi(while,until),for),case)', 'func']);
  });
  it('takes a keyword as a case pattern after (', () => {
    const n = first('case x in (esac) echo hit;; esac');
    expect(n.type === 'case' && n.items[0].patterns.map(w)).toEqual(['esac']);
  });
  it('returns NEOF at the end and one command per line', () => {
    const p = new Parser(new Source('a; b\n\nc', true));
    expect(p.parsecmd()?.toString()).toBe('[object Object]');
    expect(p.parsecmd()).toBeNull();
    const c = p.parsecmd();
    expect(c !== NEOF && c !== null && c.type).toBe('cmd');
    expect(p.parsecmd()).toBe(NEOF);
  });
  it('asks for more input when a command is incomplete and more may come', () => {
    const p = new Parser(new Source('if true; then\n', false));
    expect(() => p.parsecmd()).toThrow(NeedMore);
  });
  it('records command line numbers', () => {
    const ns = parseAll('a\n\nb\nf() {\n  c\n}');
    expect(ns.map((n) => n.line)).toEqual([1, 3, 4]);
  });
});

describe('syntax errors (dash wording and lines)', () => {
  it.each([
    ['echo a\nfi\n', 'Syntax error: "fi" unexpected', 2],
    ['if true; then\n  echo\n', 'Syntax error: end of file unexpected (expecting "fi")', 3],
    ['echo ( b', 'Syntax error: word unexpected (expecting ")")', 1],
    ['echo "x\ny\n', 'Syntax error: Unterminated quoted string', 3],
    ['for 1 in a; do :; done', 'Syntax error: Bad for loop variable', 1],
    ['echo ${x\n', "Syntax error: Missing '}'", 1],
    ['echo $((1+2)\n', "Syntax error: Missing '))'", 2],
    ['break() { :; }', 'Syntax error: Bad function name', 1],
    ['{ }', 'Syntax error: "}" unexpected', 1],
    ['for x in a b do; done', 'Syntax error: "done" unexpected (expecting "do")', 1],
    ['case x in ;; esac', 'Syntax error: word unexpected (expecting ")")', 1],
    ['echo `a', 'Syntax error: EOF in backquote substitution', 1],
  ])('%j', (src, msg, line) => {
    expect(err(src)).toMatchObject({ msg, line });
  });
  it('reports bash\'s wording in bash mode', () => {
    expect(err('echo\nif true; then\nfi\n', true).bash).toEqual(["syntax error near unexpected token `fi'", "`fi'"]);
    expect(err('echo "a\nb', true)).toMatchObject({ line: 1, bash: ["unexpected EOF while looking for matching `\"'"] });
  });
});

describe('bash syntax', () => {
  it('parses [[ ]], (( )), function and arrays', () => {
    const ns = parseAll('[[ $a == b* && ! -f x ]]\n((i++))\nfunction f { :; }\na=(1 "2 3")\nx=$(<f)', true);
    expect(ns.map((n) => n.type)).toEqual(['cond', 'arithcmd', 'func', 'cmd', 'cmd']);
    const a = ns[3];
    expect(a.type === 'cmd' && a.assigns.map(w)).toEqual(['a={(1 <2 3>)}']);
  });
  it('reads the right side of =~ raw', () => {
    const n = parseAll('[[ x =~ ^(a|b)+$ ]]', true)[0];
    expect(n.type === 'cond' && n.expr.t === 'binary' && w(n.expr.b)).toBe('^(a|b)+$');
  });
});
