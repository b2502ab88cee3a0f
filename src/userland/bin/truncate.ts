// GNU truncate 9.1: each FILE set to -s SIZE (with <, >, /, %, +, - relative to its size, or to
// the -r reference's), created unless -c; -o counts SIZE in I/O blocks. SIZE takes xstrtoimax's
// suffixes (K, M, G, ... powers of 1024; KB, MB, ... of 1000; KiB, MiB, ...). The kernel has
// truncate(2) and no ftruncate(2), so the file is opened (to create it) and truncated by name.
import { ENOENT, EOVERFLOW, strerror } from '../../uapi/errno.ts';
import { O_CREAT, O_NONBLOCK, O_WRONLY } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { close, fstat, open, stat, truncate as truncateSys } from '../lib/sys.ts';
import { tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';

const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, g: 3, G: 3, t: 4, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 };
const OFF_MAX = 2n ** 63n - 1n, OFF_MIN = -(2n ** 63n);

/** xdectoimax(s, OFF_T_MIN, OFF_T_MAX, "EgGkKmMPQRtTYZ0"): the value, or the message's tail. */
export function parseSize(s: string): bigint | string {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)(.*)$/.exec(s)!;
  let v: bigint;
  if (m[2] === '') {
    // No digits: xstrtol takes a lone valid suffix as 1 of it; anything else is no number.
    if (m[3] === '' || !(m[3][0] in POWERS)) return '';
    v = 1n;
  } else v = BigInt(m[1] + m[2]);
  const suf = m[3];
  if (suf !== '') {
    if (!(suf[0] in POWERS)) return '';
    const rest = suf.slice(1);
    const base = rest === 'B' || rest === 'D' ? 1000n : rest === '' || rest === 'iB' ? 1024n : 0n;
    if (!base) return '';
    v *= base ** BigInt(POWERS[suf[0]]);
  }
  if (v > OFF_MAX || v < OFF_MIN) return `: ${strerror(EOVERFLOW)}`;
  return v;
}

export function* truncate({ argv }: ProgramArgs): UserGen {
  const long = { 'no-create': L('c'), 'io-blocks': L('o'), reference: L('r', 'required'), size: L('s', 'required') };
  const p = yield* parseArgs(argv, { short: 'cor:s:', long }, { name: 'truncate' });
  if ('exit' in p) return p.exit;
  let noCreate = false, blocks = false, ref: string | undefined, size: bigint | null = null, rel = '';
  const usage = function* (msg: string): UserGen<number> {
    yield* warn(argv[0], msg);
    yield* tryHelp(argv[0]);
    return 1;
  };
  for (const o of p.opts) {
    if (o.key === 'c') noCreate = true;
    else if (o.key === 'o') blocks = true;
    else if (o.key === 'r') ref = o.value;
    else if (o.key === 's') {
      let v = (o.value ?? '').replace(/^[ \t\n\v\f\r]+/, '');
      if ('<>/%'.includes(v[0] ?? 'x')) {
        rel = v[0];
        v = v.slice(1).replace(/^[ \t\n\v\f\r]+/, '');
      }
      if (v[0] === '+' || v[0] === '-') {
        if (rel) return yield* usage('multiple relative modifiers specified');
        rel = '+';
      }
      const n = parseSize(v);
      if (typeof n === 'string') {
        yield* warn(argv[0], `Invalid number: ${quoteC(v)}${n}`);
        return 1;
      }
      if ((rel === '/' || rel === '%') && n === 0n) {
        yield* warn(argv[0], 'division by zero');
        return 1;
      }
      size = n;
    }
  }
  if (ref === undefined && size === null) return yield* usage("you must specify either '--size' or '--reference'");
  if (ref !== undefined && size !== null && !rel) return yield* usage("you must specify a relative '--size' with '--reference'");
  if (blocks && size === null) return yield* usage("'--io-blocks' was specified but '--size' was not");
  if (!p.operands.length) return yield* usage('missing file operand');
  let refSize = -1n;
  if (ref !== undefined) {
    const st = yield* stat(ref);
    if (typeof st === 'number') {
      yield* warnErrno(argv[0], `cannot stat ${quote(ref)}`, st);
      return 1;
    }
    if (size === null) size = BigInt(st.size);
    else refSize = BigInt(st.size);
  }
  let errors = false;
  for (const name of p.operands) {
    const fd = yield* open(name, O_WRONLY | O_NONBLOCK | (noCreate ? 0 : O_CREAT), 0o666);
    if (fd < 0) {
      if (!(noCreate && fd === -ENOENT)) {
        yield* warnErrno(argv[0], `cannot open ${quote(name)} for writing`, fd);
        errors = true;
      }
      continue;
    }
    const st = yield* fstat(fd);
    yield* close(fd);
    if (typeof st === 'number') {
      yield* warnErrno(argv[0], `cannot fstat ${quote(name)}`, st);
      errors = true;
      continue;
    }
    let want = size!;
    if (blocks) want *= BigInt(st.blksize);
    let nsize: bigint;
    if (rel) {
      const fsize = refSize >= 0n ? refSize : BigInt(st.size);
      if (rel === '>') nsize = fsize > want ? fsize : want;
      else if (rel === '<') nsize = fsize < want ? fsize : want;
      else if (rel === '/') nsize = fsize - (fsize % want);
      else {
        if (rel === '%') {
          const r = fsize % want;
          want = r === 0n ? 0n : want - r;
        }
        nsize = fsize + want;
        if (nsize > OFF_MAX) {
          yield* warn(argv[0], `overflow extending size of file ${quote(name)}`);
          errors = true;
          continue;
        }
      }
    } else nsize = want;
    if (nsize < 0n) nsize = 0n;
    const r = yield* truncateSys(name, Number(nsize));
    if (r < 0) {
      yield* warnErrno(argv[0], `failed to truncate ${quote(name)} at ${nsize} bytes`, r);
      errors = true;
    }
  }
  return errors ? 1 : 0;
}
