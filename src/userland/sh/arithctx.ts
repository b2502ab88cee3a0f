// Arithmetic against the shell's variables: dash's evaluator, or bash's in bash mode.
import { arith } from './arith.ts';
import { bashArith } from './barith.ts';
import type { ShState } from './state.ts';
import { lookupvar, setvar } from './vars.ts';

export function evalArith(sh: ShState, expr: string): bigint {
  const vars = { get: (n: string) => lookupvar(sh, n), set: (n: string, v: string) => setvar(sh, n, v) };
  return sh.bash ? bashArith(expr, vars) : arith(expr, vars);
}
