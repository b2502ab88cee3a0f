// bash's enable (builtins/enable.def): list the builtin table, turn builtins off (-n) so that
// the name is looked up as a function or a file again, -s for the POSIX special builtins.
// Loadable builtins (-f/-d) need dlopen(3); the machine has no shared objects, so -f fails as
// bash's dlopen does on a file that is missing or is not an ELF object, and -d finds no
// dynamically loaded builtin (every builtin here is static).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { stat } from '../../lib/sys.ts';
import { warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import type { BuiltinDef } from './table.ts';
import { BUILTINS, register } from './table.ts';
import { NextOpt } from './nextopt.ts';

/** bash's SPECIAL_BUILTIN flags (builtins/mkbuiltins.c special_builtins[]). */
export const BASH_SPECIAL = new Set(['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export',
  'readonly', 'return', 'set', 'shift', 'source', 'times', 'trap', 'unset']);

/** The builtin `name` if this shell has it and it is enabled (builtin_address_internal(name, 0)). */
export function activeBuiltin(sh: ShState, name: string): BuiltinDef | undefined {
  const b = BUILTINS.get(name);
  if (!b || (b.bashOnly && !sh.bash) || (b.dashOnly && sh.bash)) return undefined;
  if (sh.bash && sh.disabled.has(name)) return undefined;
  return b;
}

/** bash's shell_builtins[]: every builtin of the mode, sorted as mkbuiltins sorts (strcmp). */
export function builtinNames(sh: ShState): string[] {
  const out: string[] = [];
  for (const [name, b] of BUILTINS) if (!(b.bashOnly && !sh.bash) && !(b.dashOnly && sh.bash)) out.push(name);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function* enablecmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let flags = '';
  let file: string | null = null;
  for (let c; (c = o.next('adnpsf:'));) {
    if (c === 'f') file = o.optarg;
    flags += c;
  }
  const names = o.rest();
  if (!names.length || flags.includes('p')) {
    const all = flags.includes('a');
    const off = flags.includes('n');
    for (const n of builtinNames(sh)) {
      if (flags.includes('s') && !BASH_SPECIAL.has(n)) continue;
      const disabled = sh.disabled.has(n);
      if (!disabled && (all || !off)) sh.out1 += `enable ${n}\n`;
      else if (disabled && (all || off)) sh.out1 += `enable -n ${n}\n`;
    }
    return 0;
  }
  if (file !== null) {
    // dyn_load_builtin(): dlopen(3) fails, and bash reports dlerror().
    const st = yield* stat(file.includes('/') ? file : `./${file}`);
    const why = typeof st === 'number' ? 'cannot open shared object file: No such file or directory' : 'invalid ELF header';
    yield* warnx(sh, `cannot open shared object ${file}: ${file}: ${why}`);
    return 1;
  }
  let status = 0;
  for (const n of names) {
    const b = BUILTINS.get(n);
    const known = b && !(b.bashOnly && !sh.bash) && !(b.dashOnly && sh.bash);
    if (!known) {
      yield* warnx(sh, `${n}: not a shell builtin`);
      status = 1;
    } else if (flags.includes('d')) {
      yield* warnx(sh, `${n}: not dynamically loaded`);
      status = 1;
    } else if (flags.includes('n')) sh.disabled.add(n);
    else sh.disabled.delete(n);
  }
  return status;
}

register('enable', 'uB', enablecmd);
