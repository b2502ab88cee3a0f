// GNU chmod 9.1: octal and symbolic modes (gnulib modechange), -R -v -c -f, --reference,
// --preserve-root (a recursive walk refuses the directory that is '/', by device and inode).
// A mode may start with '-' (chmod -w f): such words are modes, not options, as chmod.c does.
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, Stat, UserGen } from '../../uapi/syscalls.ts';
import { chmod as sysChmod, lstat, stat, umask } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { adjustMode, compileMode, permString } from './modes.ts';
import type { ModeSpec } from './modes.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { joinPath, listNames } from './walk.ts';

/** chmod.c long_options, in its order. */
const LONG = {
  changes: L('c'), recursive: L('R'), 'no-preserve-root': L('no-preserve-root'), 'preserve-root': L('preserve-root'), quiet: L('f'),
  reference: L('reference', 'required'), silent: L('f'), verbose: L('v'),
};

const oct = (m: number): string => (m & 0o7777).toString(8).padStart(4, '0');

export function* chmod({ argv }: ProgramArgs): UserGen {
  // Pull out mode words like -w or -rx,u+s before getopt sees them.
  let modeWord: string | null = null;
  const args = [argv[0]];
  for (const a of argv.slice(1)) {
    // "--..." is a long option (getopt_long sees it before chmod's mode letters do).
    if (modeWord === null && /^-[rwxXstugoa,+=0-7][rwxXstugoa,+=0-7-]*$/.test(a) && !/^-[cfvR]+$/.test(a)) modeWord = a;
    else args.push(a);
  }
  const p = yield* parseArgs(args, { short: 'cfvR', long: LONG }, { name: 'chmod' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  const ref = p.opts.find((o) => o.key === 'reference')?.value;
  const ops = [...p.operands];
  let spec: ModeSpec | null = null;
  let modeText = modeWord;
  if (ref === undefined && modeText === null) modeText = ops.shift() ?? null;
  if (modeText === null && ref === undefined) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (!ops.length) {
    yield* warn(argv[0], modeText !== null ? `missing operand after ${quoteC(modeText)}` : 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (ref !== undefined) {
    const st = yield* stat(ref);
    if (typeof st === 'number') {
      yield* warnErrno(argv[0], `failed to get attributes of ${quote(ref)}`, st);
      return 1;
    }
    spec = compileMode((st.mode & 0o7777).toString(8).padStart(5, '0'));
  } else {
    spec = compileMode(modeText!);
    if (!spec) {
      yield* warn(argv[0], `invalid mode: ${quoteC(modeText!)}`);
      yield* tryHelp(argv[0]);
      return 1;
    }
  }
  const mask = yield* umask(0);
  yield* umask(mask);
  let preserveRoot = false;
  for (const o of p.opts) if (o.key === 'preserve-root' || o.key === 'no-preserve-root') preserveRoot = o.key === 'preserve-root';
  const root = preserveRoot && f.has('R') ? yield* stat('/') : null;
  const out = new Output();
  let status = 0;
  const change = function* (path: string, st: Stat): UserGen<void> {
    const old = st.mode & 0o7777;
    const mode = adjustMode(st.mode, S_ISDIR(st.mode), spec!, mask);
    const r = old === mode ? 0 : yield* sysChmod(path, mode);
    if (r < 0) {
      if (!f.has('f')) yield* warnErrno(argv[0], `changing permissions of ${quote(path)}`, r);
      status = 1;
      return;
    }
    if (f.has('v') || (f.has('c') && old !== mode)) {
      yield* out.put(old === mode ? `mode of ${quote(path)} retained as ${oct(mode)} (${permString(mode)})\n`
        : `mode of ${quote(path)} changed from ${oct(old)} (${permString(old)}) to ${oct(mode)} (${permString(mode)})\n`);
    }
  };
  const walk = function* (path: string, top: boolean): UserGen<void> {
    const ls = yield* lstat(path);
    if (typeof ls !== 'number' && S_ISLNK(ls.mode) && !top) {
      if (f.has('v')) yield* out.put(`neither symbolic link ${quote(path)} nor referent has been changed\n`);
      return;
    }
    const st = yield* stat(path);
    if (typeof st === 'number') {
      yield* out.flush();
      if (!f.has('f')) yield* warnErrno(argv[0], `cannot access ${quote(path)}`, st);
      status = 1;
      return;
    }
    if (root && typeof root !== 'number' && f.has('R') && S_ISDIR(st.mode) && st.dev === root.dev && st.ino === root.ino) {
      // ROOT_DEV_INO_WARN(): neither '/' nor anything under it is changed.
      yield* out.flush();
      yield* warn(argv[0], `it is dangerous to operate recursively on ${quote(path)}${path === '/' ? '' : " (same as '/')"}`);
      yield* warn(argv[0], 'use --no-preserve-root to override this failsafe');
      status = 1;
      return;
    }
    yield* change(path, st);
    if (!f.has('R') || !S_ISDIR(st.mode)) return;
    const names = yield* listNames(path);
    if (typeof names === 'number') {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot read directory ${quote(path)}`, names);
      status = 1;
      return;
    }
    for (const n of names) yield* walk(joinPath(path, n), false);
  };
  for (const file of ops) yield* walk(file, true);
  return yield* out.finish(argv[0], status);
}
