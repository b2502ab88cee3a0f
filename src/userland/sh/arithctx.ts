// Arithmetic against the shell's variables: dash's evaluator, or bash's in bash mode.
import { arith } from './arith.ts';
import { bashArith } from './barith.ts';
import type { ShState } from './state.ts';
import { lookupvar, setvar } from './vars.ts';
import { getElement, setElement } from './basharray.ts';

const element = (n: string): [string, string] | null => {
  const i = n.indexOf('[');
  return i > 0 && n.endsWith(']') ? [n.slice(0, i), n.slice(i + 1, -1)] : null;
};

export function evalArith(sh: ShState, expr: string): bigint {
  if (!sh.bash) return arith(expr, { get: (n: string) => lookupvar(sh, n), set: (n: string, v: string) => setvar(sh, n, v) });
  // bash: names may be array elements, a[i+1] (barith.ts reads them whole).
  return bashArith(expr, {
    get: (n: string) => {
      const el = element(n);
      return el ? getElement(sh, el[0], el[1]) : lookupvar(sh, n);
    },
    set: (n: string, v: string) => {
      const el = element(n);
      if (el) setElement(sh, el[0], el[1], v, false);
      else setvar(sh, n, v);
    },
  });
}
