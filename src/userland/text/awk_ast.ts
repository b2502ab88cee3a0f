// The awk syntax tree.
import type { PosixRegex } from './regex.ts';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: PosixRegex; src: string }
  | { k: 'var'; name: string; line?: number }
  | { k: 'field'; index: Expr }
  | { k: 'index'; name: string; subs: Expr[]; line?: number }
  | { k: 'assign'; op: string; target: Expr; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'and' | 'or'; left: Expr; right: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; left: Expr; re: Expr }
  | { k: 'cmp'; op: string; left: Expr; right: Expr }
  | { k: 'concat'; parts: Expr[] }
  | { k: 'bin'; op: string; left: Expr; right: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; kind: 'simple' | 'file' | 'cmd'; target: Expr | null; src: Expr | null }
  | { k: 'group'; items: Expr[] };

export type Redirect = { mode: '>' | '>>' | '|'; target: Expr } | null;

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; redirect: Redirect }
  | { k: 'printf'; args: Expr[]; redirect: Redirect }
  | { k: 'if'; test: Expr; yes: Stmt; no: Stmt | null }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init: Expr | null; test: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'forin'; var: Expr; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e: Expr | null }
  | { k: 'delete'; name: string; subs: Expr[] | null }
  | { k: 'getline'; e: Expr };

export type Pattern =
  | { k: 'BEGIN' | 'END' }
  | { k: 'all' }
  | { k: 'expr'; e: Expr }
  | { k: 'range'; from: Expr; to: Expr; active: boolean };

export interface Item {
  pattern: Pattern;
  /** null: print $0. */
  action: Stmt[] | null;
}

export interface AwkFunction {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  items: Item[];
  funcs: Map<string, AwkFunction>;
}
