// commandtext(): the text `jobs` shows for a job, rebuilt from the syntax tree as dash's
// cmdtxt() does (words as written, "..." for long bodies).
import type { Node, Part, Redir, Word } from './ast.ts';

function partText(p: Part): string {
  switch (p.k) {
    case 'lit': return p.q ? p.s : p.s;
    case 'param': return p.op === '' ? `$${p.name.length > 1 ? `{${p.name}}` : p.name}` : `\${${p.name}${p.colon ? ':' : ''}${p.op === 'len' ? '' : p.op}${p.arg ? wordText(p.arg) : ''}}`;
    case 'cmd': return p.bq ? '`...`' : '$(...)';
    case 'arith': return `$((${wordText(p.parts)}))`;
    case 'array': return `(${p.words.map(wordText).join(' ')})`;
    case 'procsub': return `${p.dir}(...)`;
  }
}

export function wordText(w: Word): string {
  return w.map(partText).join('');
}

function redirText(r: Redir): string {
  const dfl = r.kind[0] === '<' ? 0 : 1;
  const fd = r.fd === dfl ? '' : String(r.fd);
  if (r.kind === '<&' || r.kind === '>&') return `${fd}${r.kind}${r.dupfd === -1 ? '-' : r.dupfd ?? wordText(r.target)}`;
  return `${fd}${r.kind}${r.kind === '<<' ? '' : wordText(r.target)}`;
}

export function cmdtext(n: Node | null): string {
  if (!n) return '';
  switch (n.type) {
    case 'cmd': return [...n.assigns.map(wordText), ...n.args.map(wordText), ...n.redirs.map(redirText)].join(' ');
    case 'pipe': return n.cmds.map(cmdtext).join(' | ');
    case 'and': return `${cmdtext(n.left)} && ${cmdtext(n.right)}`;
    case 'or': return `${cmdtext(n.left)} || ${cmdtext(n.right)}`;
    case 'semi': return `${cmdtext(n.left)}; ${cmdtext(n.right)}`;
    case 'not': return `! ${cmdtext(n.body)}`;
    case 'time': return `time ${n.posix ? '-p ' : ''}${n.body ? cmdtext(n.body) : ''}`.trimEnd();
    case 'subshell': return `(${cmdtext(n.body)})`;
    case 'group': return `{ ${cmdtext(n.body)}; }`;
    case 'redir': return `${cmdtext(n.body)} ${n.redirs.map(redirText).join(' ')}`;
    case 'bg': return `${cmdtext(n.body)} &`;
    case 'coproc': return `coproc ${n.name} ${cmdtext(n.body)}`;
    case 'if': return `if ${cmdtext(n.cond)}; then ${cmdtext(n.then)}; ...`;
    case 'while': return `while ${cmdtext(n.cond)}; do ${cmdtext(n.body)}; done`;
    case 'until': return `until ${cmdtext(n.cond)}; do ${cmdtext(n.body)}; done`;
    case 'for': return `for ${n.name} in ...; do ...; done`;
    case 'case': return `case ${wordText(n.word)} in ...`;
    case 'func': return `${n.name}() {...}`;
    default: return '...';
  }
}
