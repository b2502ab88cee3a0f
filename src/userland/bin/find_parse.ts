// GNU findutils 4.9 find's command line: starting points, then an expression of tests, actions
// and operators (! -not -a -and -o -or , and parentheses), with find's own diagnostics.
import { RegexError, compileRegex } from '../text/regex.ts';
import type { PosixRegex } from '../text/regex.ts';
import { quote } from './quote.ts';

export type FNode =
  | { k: 'and' | 'or' | 'comma'; a: FNode; b: FNode }
  | { k: 'not'; a: FNode }
  | { k: 'true' | 'false' | 'print' | 'print0' | 'prune' | 'quit' | 'delete' | 'empty' | 'ls' | 'executable' | 'readable' | 'writable' }
  | { k: 'name' | 'iname' | 'path' | 'ipath' | 'lname'; pat: string }
  | { k: 'type'; types: string }
  | { k: 'exec' | 'ok'; argv: string[]; plus: boolean; id: number }
  | { k: 'newer'; ref: string }
  | { k: 'size'; cmp: -1 | 0 | 1; n: number; unit: number }
  | { k: 'num'; field: 'links' | 'inum' | 'uid' | 'gid' | 'mtime' | 'mmin' | 'atime' | 'amin' | 'ctime' | 'cmin'; cmp: -1 | 0 | 1; n: number }
  | { k: 'user' | 'group'; name: string }
  | { k: 'perm'; mode: number; how: '=' | '-' | '/' }
  | { k: 'printf'; fmt: string }
  | { k: 'regex'; re: PosixRegex };

export interface FindCmd {
  paths: string[];
  expr: FNode;
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  follow: boolean;
}

export class FindError extends Error {}

const REGEX_TYPES = ['findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep',
  'posix-extended', 'posix-minimal-basic', 'sed'];

/** Emacs syntax (find's default) as POSIX ERE: \( \) \| group and alternate, bare ( ) | { } are
 *  ordinary, + ? * repeat; no intervals. */
function emacsToEre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      const d = p[++i];
      out += '()|'.includes(d) ? d : d === '{' || d === '}' ? `\\${d}` : `\\${d}`;
    } else if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j++;
      out += p.slice(i, j + 1);
      i = j;
    } else out += '(){}|'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

/** -regex: the whole path must match (re_match() from its start, to its length). */
function compileFindRegex(pat: string, type: string, icase: boolean): PosixRegex {
  const ere = !['ed', 'grep', 'posix-basic', 'posix-minimal-basic', 'sed'].includes(type);
  const src = type === 'emacs' || type === 'findutils-default' ? emacsToEre(pat) : pat;
  try {
    compileRegex(src, { extended: ere, icase });
    return compileRegex(ere ? `^(${src})$` : `^\\(${src}\\)$`, { extended: ere, icase });
  } catch (e) {
    if (e instanceof RegexError) throw new FindError(`failed to compile regular expression ${quote(pat)}: ${e.message}`);
    throw e;
  }
}

const NEEDS_ARG = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-lname', '-type', '-maxdepth', '-mindepth',
  '-newer', '-size', '-links', '-inum', '-uid', '-gid', '-user', '-group', '-perm', '-mtime', '-mmin', '-atime', '-amin', '-ctime', '-cmin', '-printf', '-regex', '-iregex', '-regextype']);
const ACTIONS = new Set(['print', 'print0', 'exec', 'ok', 'delete', 'ls', 'printf', 'quit']);

function numArg(pred: string, v: string): { cmp: -1 | 0 | 1; n: number } {
  const m = /^([+-]?)(\d+)$/.exec(v);
  if (!m) throw new FindError(`invalid argument \`${v}' to \`${pred}'`);
  return { cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]) };
}

export function parseFind(args: readonly string[]): FindCmd {
  let i = 0;
  const cmd: FindCmd = { paths: [], expr: { k: 'true' }, maxdepth: Infinity, mindepth: 0, depthFirst: false, follow: false };
  while (i < args.length && (args[i] === '-H' || args[i] === '-L' || args[i] === '-P')) {
    cmd.follow = args[i] === '-L';
    i++;
  }
  while (i < args.length && !(args[i].startsWith('-') && args[i].length > 1) && args[i] !== '(' && args[i] !== '!') cmd.paths.push(args[i++]);
  if (!cmd.paths.length) cmd.paths.push('.');
  let hasAction = false;
  let execId = 0;
  let regexType = 'emacs';
  const peek = (): string | undefined => args[i];

  const primary = (): FNode => {
    const t = args[i++];
    if (t === '(') {
      const e = orExpr();
      if (args[i] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      i++;
      return e;
    }
    if (!t.startsWith('-')) throw new FindError(`paths must precede expression: \`${t}'`);
    if (NEEDS_ARG.has(t) && i >= args.length) throw new FindError(`missing argument to \`${t}'`);
    const name = t.slice(1);
    if (ACTIONS.has(name)) hasAction = true;
    switch (t) {
      case '-print': case '-print0': case '-prune': case '-quit': case '-true': case '-false': case '-empty': case '-ls':
      case '-executable': case '-readable': case '-writable':
        return { k: name as 'print' };
      case '-delete': cmd.depthFirst = true; return { k: 'delete' };
      case '-depth': case '-d': cmd.depthFirst = true; return { k: 'true' };
      case '-xdev': case '-mount': case '-noleaf': case '-ignore_readdir_race': case '-daystart': return { k: 'true' };
      case '-maxdepth': case '-mindepth': {
        const v = args[i++];
        if (!/^\d+$/.test(v)) throw new FindError(`Expected a positive decimal integer argument to ${t}, but got \`${v}'`);
        if (t === '-maxdepth') cmd.maxdepth = Number(v);
        else cmd.mindepth = Number(v);
        return { k: 'true' };
      }
      case '-name': case '-iname': case '-lname': return { k: name as 'name', pat: args[i++] };
      case '-path': case '-wholename': return { k: 'path', pat: args[i++] };
      case '-ipath': case '-iwholename': return { k: 'ipath', pat: args[i++] };
      case '-type': {
        const v = args[i++];
        const types = v.split(',');
        for (const ty of types) if (ty.length !== 1 || !'bcdpflsD'.includes(ty)) throw new FindError(`Unknown argument to -type: ${ty}`);
        return { k: 'type', types: types.join('') };
      }
      case '-newer': return { k: 'newer', ref: args[i++] };
      case '-size': {
        const v = args[i++];
        const m = /^([+-]?)(\d+)([bcwkMG]?)$/.exec(v);
        if (!m) throw new FindError(`invalid -size type \`${v.replace(/^[+-]?\d*/, '')}'`);
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1 << 20, G: 1 << 30 }[m[3]]!;
        return { k: 'size', cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]), unit };
      }
      case '-links': case '-inum': case '-uid': case '-gid': case '-mtime': case '-mmin': case '-atime': case '-amin': case '-ctime': case '-cmin':
        return { k: 'num', field: name as 'links', ...numArg(t, args[i++]) };
      case '-user': case '-group': return { k: name as 'user', name: args[i++] };
      case '-perm': {
        const v = args[i++];
        const how = v[0] === '-' || v[0] === '/' ? v[0] : '=';
        const body = how === '=' ? v : v.slice(1);
        if (!/^[0-7]+$/.test(body)) throw new FindError(`invalid mode \`${v}'`);
        return { k: 'perm', mode: parseInt(body, 8), how };
      }
      case '-printf': return { k: 'printf', fmt: args[i++] };
      case '-regextype': {
        const v = args[i++];
        if (!REGEX_TYPES.includes(v)) {
          throw new FindError(`Unknown regular expression type ${quote(v)}; valid types are ${REGEX_TYPES.map((x) => `'${x}'`).join(', ')}.`);
        }
        regexType = v;
        return { k: 'true' };
      }
      case '-regex': case '-iregex': return { k: 'regex', re: compileFindRegex(args[i++], regexType, t === '-iregex') };
      case '-exec': case '-ok': case '-execdir': case '-okdir': {
        const argv: string[] = [];
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && argv[argv.length - 1] === '{}')) argv.push(args[i++]);
        if (i >= args.length || !argv.length) throw new FindError(`missing argument to \`${t}'`);
        const plus = args[i++] === '+';
        hasAction = true;
        return { k: t.startsWith('-ok') ? 'ok' : 'exec', argv, plus, id: execId++ };
      }
      default:
        throw new FindError(`unknown predicate \`${t}'`);
    }
  };
  const notExpr = (): FNode => {
    if (peek() === '!' || peek() === '-not') {
      i++;
      if (i >= args.length) throw new FindError("invalid expression; you have used a binary operator '!' with nothing before it.");
      return { k: 'not', a: notExpr() };
    }
    return primary();
  };
  const andExpr = (): FNode => {
    let a = notExpr();
    for (;;) {
      const t = peek();
      if (t === undefined || t === ')' || t === '-o' || t === '-or' || t === ',') return a;
      if (t === '-a' || t === '-and') i++;
      if (i >= args.length) throw new FindError(`invalid expression; you have used a binary operator '${t}' with nothing after it.`);
      a = { k: 'and', a, b: notExpr() };
    }
  };
  const orExpr = (): FNode => {
    let a = andExpr();
    for (;;) {
      const t = peek();
      if (t !== '-o' && t !== '-or' && t !== ',') return a;
      i++;
      if (i >= args.length) throw new FindError(`invalid expression; you have used a binary operator '${t}' with nothing after it.`);
      a = { k: t === ',' ? 'comma' : 'or', a, b: andExpr() };
    }
  };
  if (i < args.length) {
    cmd.expr = orExpr();
    if (i < args.length) {
      if (args[i] === ')') throw new FindError("invalid expression; you have too many ')'");
      throw new FindError(`paths must precede expression: \`${args[i]}'`);
    }
  }
  if (!hasAction) cmd.expr = { k: 'and', a: cmd.expr, b: { k: 'print' } };
  return cmd;
}
