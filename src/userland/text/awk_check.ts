// mawk types global names when it compiles: a name used both as a scalar and as an array is
// an error ("illegal reference to array x") before anything runs.
import type { AwkProgram, Expr, Stmt } from './awk_ast.ts';
import { AwkSyntaxError } from './awk_lex.ts';

type Kind = 'scalar' | 'array';

export function checkTypes(prog: AwkProgram): void {
  const kinds = new Map<string, Kind>([['ENVIRON', 'array'], ['ARGV', 'array']]);
  let locals = new Set<string>();
  const use = (name: string, kind: Kind, line = 1): void => {
    if (locals.has(name)) return;
    const k = kinds.get(name);
    if (!k) { kinds.set(name, kind); return; }
    if (k !== kind) {
      throw new AwkSyntaxError(line, k === 'array' ? `illegal reference to array ${name}` : `illegal reference to variable ${name}`);
    }
  };
  const expr = (e: Expr | null | undefined): void => {
    if (!e) return;
    switch (e.k) {
      case 'var': use(e.name, 'scalar', e.line); return;
      case 'index': use(e.name, 'array', e.line); e.subs.forEach(expr); return;
      case 'in': use(e.name, 'array'); e.subs.forEach(expr); return;
      case 'call':
        // A bare name passed to a function may be either.
        e.args.forEach((a) => { if (a.k !== 'var') expr(a); });
        return;
      case 'builtin':
        e.args.forEach((a, i) => {
          if (a.k === 'var' && ((e.name === 'split' && i === 1) || e.name === 'length')) {
            if (e.name === 'split') use(a.name, 'array', a.line);
            return;
          }
          expr(a);
        });
        return;
      case 'field': expr(e.index); return;
      case 'assign': expr(e.target); expr(e.value); return;
      case 'cond': expr(e.test); expr(e.yes); expr(e.no); return;
      case 'and': case 'or': case 'cmp': case 'bin': expr(e.left); expr(e.right); return;
      case 'match': expr(e.left); expr(e.re); return;
      case 'concat': e.parts.forEach(expr); return;
      case 'unary': expr(e.e); return;
      case 'incdec': expr(e.target); return;
      case 'getline': expr(e.target); expr(e.src); return;
      case 'group': e.items.forEach(expr); return;
      default: return;
    }
  };
  const stmt = (s: Stmt | null): void => {
    if (!s) return;
    switch (s.k) {
      case 'expr': case 'getline': expr(s.e); return;
      case 'print': case 'printf': s.args.forEach(expr); expr(s.redirect?.target); return;
      case 'if': expr(s.test); stmt(s.yes); stmt(s.no); return;
      case 'while': case 'do': expr(s.test); stmt(s.body); return;
      case 'for': expr(s.init); expr(s.test); expr(s.step); stmt(s.body); return;
      case 'forin': expr(s.var); use(s.array, 'array'); stmt(s.body); return;
      case 'block': s.body.forEach(stmt); return;
      case 'exit': case 'return': expr(s.e); return;
      case 'delete': use(s.name, 'array'); s.subs?.forEach(expr); return;
      default: return;
    }
  };
  for (const it of prog.items) {
    const p = it.pattern;
    if (p.k === 'expr') expr(p.e);
    if (p.k === 'range') { expr(p.from); expr(p.to); }
    it.action?.forEach(stmt);
  }
  for (const f of prog.funcs.values()) {
    locals = new Set(f.params);
    f.body.forEach(stmt);
  }
}
