// GNU pwd, basename and dirname 9.1.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { getcwd, stat } from '../lib/sys.ts';
import { Output, getenv, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC } from './quote.ts';

/** pwd -L accepts $PWD only if absolute, free of . and .. components, and the same directory. */
function* logicalPwd(envp: readonly string[]): UserGen<string | null> {
  const pwd = getenv(envp, 'PWD');
  if (!pwd || pwd[0] !== '/' || /(^|\/)\.\.?(\/|$)/.test(pwd)) return null;
  const a = yield* stat(pwd);
  const b = yield* stat('.');
  if (typeof a === 'number' || typeof b === 'number' || a.ino !== b.ino || a.dev !== b.dev) return null;
  return pwd;
}

export function* pwd({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'LP', long: { logical: L('L'), physical: L('P') } }, { name: 'pwd' });
  if ('exit' in p) return p.exit;
  if (p.operands.length) yield* warn(argv[0], 'ignoring non-option arguments');
  let logical = false;
  for (const o of p.opts) logical = o.key === 'L';
  const out = new Output();
  const l = logical ? yield* logicalPwd(envp) : null;
  const cwd = l ?? (yield* getcwd());
  if (typeof cwd === 'number') {
    yield* warnErrno(argv[0], 'cannot get current directory', cwd);
    return 1;
  }
  yield* out.put(`${cwd}\n`);
  return yield* out.finish(argv[0], 0);
}

/** POSIX basename without suffix removal: trailing slashes dropped, "/" stays "/". */
export function baseOf(name: string): string {
  if (name === '') return '';
  const s = name.replace(/\/+$/, '');
  if (s === '') return '/';
  return s.slice(s.lastIndexOf('/') + 1);
}

export function dirOf(name: string): string {
  let s = name.replace(/\/+$/, '');
  if (s === '' && name.startsWith('/')) return '/';
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  s = s.slice(0, i).replace(/\/+$/, '');
  return s === '' ? '/' : s;
}

export function* basename({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'as:z', long: { multiple: L('a'), suffix: L('s', 'required'), zero: L('z') } },
    { name: 'basename' });
  if ('exit' in p) return p.exit;
  let multiple = false;
  let suffix: string | null = null;
  let nl = '\n';
  for (const o of p.opts) {
    if (o.key === 'a') multiple = true;
    else if (o.key === 's') {
      suffix = o.value ?? '';
      multiple = true;
    } else if (o.key === 'z') nl = '\0';
  }
  const ops = p.operands;
  if (!ops.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (!multiple && ops.length > 2) {
    yield* warn(argv[0], `extra operand ${quoteC(ops[2])}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  const names = multiple ? ops : [ops[0]];
  if (!multiple && ops.length === 2) suffix = ops[1];
  const out = new Output();
  for (const n of names) {
    let b = baseOf(n);
    // remove_suffix(): only when something is left and the name is not "/".
    if (suffix && b !== suffix && b.endsWith(suffix) && !/^\/+$/.test(n)) b = b.slice(0, b.length - suffix.length);
    yield* out.put(b + nl);
  }
  return yield* out.finish(argv[0], 0);
}

export function* dirname({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'z', long: { zero: L('z') } }, { name: 'dirname' });
  if ('exit' in p) return p.exit;
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const nl = p.opts.some((o) => o.key === 'z') ? '\0' : '\n';
  const out = new Output();
  for (const n of p.operands) yield* out.put(dirOf(n) + nl);
  return yield* out.finish(argv[0], 0);
}
