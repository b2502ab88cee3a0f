// The builtin table, as dash's builtins.def: which are special (-s: errors are fatal,
// assignments persist), which are regular utilities (-u: found before a PATH search even in
// `command -p`), and which take assignment words (-a: export, readonly, local).
import type { UserGen } from '../../../uapi/syscalls.ts';
import type { ShState } from '../state.ts';

export type BuiltinFn = (sh: ShState, argv: string[], flags: number) => UserGen<number>;

export interface BuiltinDef {
  name: string;
  fn: BuiltinFn;
  special: boolean;
  regular: boolean;
  assign: boolean;
  /** Only in bash mode (let, declare, source...). */
  bashOnly?: boolean;
  /** Only in dash mode. */
  dashOnly?: boolean;
  /** The lookup result, made once (find_command runs for every command). */
  entry?: { type: 'builtin'; b: BuiltinDef; name: string };
}

export const BUILTINS = new Map<string, BuiltinDef>();

/** flags: s = special, u = regular utility, a = assignment builtin, B = bash only, D = dash only. */
export function register(names: string, flags: string, fn: BuiltinFn): void {
  for (const name of names.split(' ')) {
    BUILTINS.set(name, {
      name, fn, special: flags.includes('s'), regular: flags.includes('u'), assign: flags.includes('a'),
      bashOnly: flags.includes('B'), dashOnly: flags.includes('D'),
    });
  }
}
