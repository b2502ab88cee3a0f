// GNU mkdir and rmdir 9.1: -p parents, -m MODE, -v, -Z/--context (no SELinux or SMACK: -Z is
// ignored, --context=CTX warns); rmdir -p and --ignore-fail-on-non-empty.
import { EEXIST, ENOTDIR, ENOTEMPTY } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { chmod, mkdir as sysMkdir, rmdir as sysRmdir, stat, umask } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { adjustMode, compileMode } from './modes.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { dirOf } from './paths.ts';

export function* mkdir({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'm:pvZ', long: { context: L('Z', 'optional'), mode: L('m', 'required'), parents: L('p'), verbose: L('v') } },
    { name: 'mkdir' });
  if ('exit' in p) return p.exit;
  let parents = false;
  let verbose = false;
  let modeArg: string | null = null;
  for (const o of p.opts) {
    if (o.key === 'p') parents = true;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'm') modeArg = o.value ?? '';
    else if (o.key === 'Z' && o.value !== undefined) yield* warn(argv[0], 'warning: ignoring --context; it requires an SELinux/SMACK-enabled kernel');
  }
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const mask = yield* umask(0);
  yield* umask(mask);
  let mode: number | null = null;
  if (modeArg !== null) {
    const spec = compileMode(modeArg);
    if (!spec) {
      yield* warn(argv[0], `invalid mode ${quoteC(modeArg)}`);
      return 1;
    }
    mode = adjustMode(0o777, true, spec, mask);
  }
  const out = new Output();
  let status = 0;
  const made = function* (d: string): UserGen<void> {
    if (verbose) yield* out.put(`${argv[0]}: created directory ${quote(d)}\n`);
  };
  for (const dir of p.operands) {
    if (parents) {
      // Create each missing ancestor with u+wx on top of the umask's default, as mkdir -p does.
      const chain: string[] = [];
      for (let d = dirOf(dir); d !== '.' && d !== '/'; d = dirOf(d)) chain.unshift(d);
      let failed = false;
      for (const d of chain) {
        let r = yield* sysMkdir(d, 0o777 | 0o300);
        if (r === -EEXIST) {
          // An existing ancestor must be a directory (mkancesdirs chdirs into it: ENOTDIR).
          const st = yield* stat(d);
          r = typeof st !== 'number' && S_ISDIR(st.mode) ? -EEXIST : -ENOTDIR;
        }
        if (r === 0) yield* made(d);
        else if (r !== -EEXIST) {
          yield* out.flush();
          yield* warnErrno(argv[0], `cannot create directory ${quoteC(d)}`, r);
          failed = true;
          break;
        }
      }
      if (failed) {
        status = 1;
        continue;
      }
    }
    const r = yield* sysMkdir(dir, mode ?? 0o777);
    if (r === -EEXIST && parents) {
      const st = yield* stat(dir);
      if (typeof st !== 'number' && S_ISDIR(st.mode)) continue;
    }
    if (r < 0) {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot create directory ${quoteC(dir)}`, r);
      status = 1;
      continue;
    }
    // -m gives the exact mode, whatever the umask (mkdir.c chmods after creating).
    if (mode !== null) yield* chmod(dir, mode);
    yield* made(dir);
  }
  return yield* out.finish(argv[0], status);
}

export function* rmdir({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'pv', long: { parents: L('p'), verbose: L('v'), 'ignore-fail-on-non-empty': L('I') } },
    { name: 'rmdir' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const out = new Output();
  let status = 0;
  const one = function* (d: string): UserGen<boolean> {
    if (f.has('v')) yield* out.put(`${argv[0]}: removing directory, ${quote(d)}\n`);
    const r = yield* sysRmdir(d);
    if (r === 0) return true;
    if (f.has('I') && (r === -ENOTEMPTY || r === -EEXIST)) return false;
    yield* out.flush();
    yield* warnErrno(argv[0], `failed to remove ${quote(d)}`, r);
    status = 1;
    return false;
  };
  for (const dir of p.operands) {
    if (!(yield* one(dir)) || !f.has('p')) continue;
    for (let d = dirOf(dir.replace(/\/+$/, '')); d !== '.' && d !== '/'; d = dirOf(d)) {
      if (!(yield* one(d))) break;
    }
  }
  return yield* out.finish(argv[0], status);
}
