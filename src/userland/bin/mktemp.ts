// GNU mktemp 9.1 over gnulib's gen_tempname_len(): the run of X's before the suffix is replaced
// by letters and digits until open(O_CREAT|O_EXCL) or mkdir() succeeds (lstat() finds a free name
// for -u). glibc draws the letters from getrandom(); we have none, so the value is mixed from the
// pid and the virtual clock (glibc's own fallback when getrandom fails), which keeps runs
// deterministic.
import { EEXIST, ENOENT } from '../../uapi/errno.ts';
import { O_CREAT, O_EXCL, O_RDWR } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { clockGettime, close, getpid, lstat, mkdir, open, rmdir, unlink } from '../lib/sys.ts';
import { getenv, Output, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs, versionText } from './opts.ts';
import { quoteC } from './quote.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MASK = (1n << 64n) - 1n;
/** tempname.c's ATTEMPTS_MIN (62**3): how many names are tried before giving up with EEXIST. */
const ATTEMPTS = 62 ** 3;

/** tempname.c's mix_random_values(). */
const mix = (r: bigint, s: bigint): bigint => ((2862933555777941757n * r + 3037000493n) & MASK) ^ s;

/** gen_tempname_len(): fills the `xCount` X's before the last `suffixLen` bytes; 0 or -errno. */
function* genTempname(tmpl: string, suffixLen: number, xCount: number, kind: 'file' | 'dir' | 'none'): UserGen<[number, string]> {
  const start = tmpl.length - suffixLen - xCount;
  let v = BigInt(yield* getpid());
  for (let i = 0; i < ATTEMPTS; i++) {
    v = mix(v, BigInt(yield* clockGettime()) & MASK);
    let x = '';
    let w = v;
    for (let j = 0; j < xCount; j++) {
      x += LETTERS[Number(w % 62n)];
      w /= 62n;
      if (w === 0n) w = v = mix(v, BigInt(i + j));
    }
    const name = tmpl.slice(0, start) + x + tmpl.slice(start + xCount);
    let r: number;
    if (kind === 'file') {
      r = yield* open(name, O_RDWR | O_CREAT | O_EXCL, 0o600);
      if (r >= 0) r = yield* close(r);
    } else if (kind === 'dir') r = yield* mkdir(name, 0o700);
    else {
      // try_nocreate(): a name that lstat() cannot find is free; any other answer means "taken".
      const st = yield* lstat(name);
      r = st === -ENOENT ? 0 : typeof st === 'number' ? st : -EEXIST;
    }
    if (r === 0) return [0, name];
    if (r !== -EEXIST) return [r, name];
  }
  return [-EEXIST, tmpl];
}

/** gnulib file_name_concat(): one slash between DIR and NAME. */
const concat = (dir: string, name: string): string => (dir.endsWith('/') ? dir + name.replace(/^\/+/, '') : `${dir}/${name.replace(/^\/+/, '')}`);

export function* mktemp({ argv, envp }: ProgramArgs): UserGen {
  const long = { directory: L('d'), quiet: L('q'), 'dry-run': L('u'), suffix: L('S', 'required'), tmpdir: L('T', 'optional') };
  const p = yield* parseArgs(argv, { short: 'dp:qtuV', long }, { name: 'mktemp' });
  if ('exit' in p) return p.exit;
  let dir = false, quiet = false, dry = false, useDestDir = false, tOpt = false;
  let destArg: string | undefined, suffixOpt: string | undefined;
  for (const o of p.opts) {
    if (o.key === 'd') dir = true;
    else if (o.key === 'q') quiet = true;
    else if (o.key === 'u') dry = true;
    else if (o.key === 't') useDestDir = tOpt = true;
    else if (o.key === 'p' || o.key === 'T') {
      useDestDir = true;
      destArg = o.value;
    } else if (o.key === 'S') suffixOpt = o.value;
    else if (o.key === 'V') {
      // An undocumented alias of --version, for the original mktemp's users.
      yield* writeAll(1, versionText('mktemp'));
      return 0;
    }
  }
  if (p.operands.length >= 2) {
    yield* warn(argv[0], 'too many templates');
    yield* tryHelp(argv[0]);
    return 1;
  }
  let template = p.operands[0] ?? 'tmp.XXXXXXXXXX';
  if (!p.operands.length) useDestDir = true;
  let suffix: string;
  if (suffixOpt !== undefined) {
    if (!template.endsWith('X')) {
      yield* warn(argv[0], `with --suffix, template ${quoteC(template)} must end in X`);
      return 1;
    }
    suffix = suffixOpt;
    template += suffix;
  } else {
    const i = template.lastIndexOf('X');
    suffix = i < 0 ? '' : template.slice(i + 1);
  }
  if (suffix.includes('/')) {
    yield* warn(argv[0], `invalid suffix ${quoteC(suffix)}, contains directory separator`);
    return 1;
  }
  const body = template.slice(0, template.length - suffix.length);
  const xCount = body.length - body.replace(/X+$/, '').length;
  if (xCount < 3) {
    yield* warn(argv[0], `too few X's in template ${quoteC(template)}`);
    return 1;
  }
  if (useDestDir) {
    const env = getenv(envp, 'TMPDIR');
    let destDir: string;
    if (tOpt) {
      destDir = env ? env : destArg ? destArg : '/tmp';
      if (template.includes('/')) {
        yield* warn(argv[0], `invalid template, ${quoteC(template)}, contains directory separator`);
        return 1;
      }
    } else {
      destDir = destArg ? destArg : env ? env : '/tmp';
      if (template.startsWith('/')) {
        yield* warn(argv[0], `invalid template, ${quoteC(template)}; with --tmpdir, it may not be absolute`);
        return 1;
      }
    }
    template = concat(destDir, template);
  }
  const [err, name] = yield* genTempname(template, suffix.length, xCount, dry ? 'none' : dir ? 'dir' : 'file');
  if (err < 0) {
    if (!quiet) yield* warnErrno(argv[0], `failed to create ${dir ? 'directory' : 'file'} via template ${quoteC(template)}`, err);
    return 1;
  }
  const out = new Output();
  yield* out.put(`${name}\n`);
  yield* out.flush();
  if (out.error && !dry) {
    // mktemp removes what it made when it cannot say its name.
    if (dir) yield* rmdir(name);
    else yield* unlink(name);
  }
  return yield* out.finish(argv[0], 0);
}
