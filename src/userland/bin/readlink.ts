// GNU readlink and realpath 9.1, over gnulib's canonicalize_filename_mode(): each component is
// lstat()ed and symlinks are expanded in place, so the answer is what the kernel's walk sees.
import { ELOOP, ENOENT, ENOTDIR } from '../../uapi/errno.ts';
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { getcwd, lstat, readlink as readlinkSys } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quotef } from './quote.ts';

/** canonicalize_mode_t: which components must exist. */
export const enum Can { EXISTING, ALL_BUT_LAST, MISSING }

/** gnulib gives up after this many expansions (its seen-table finds loops; MAXSYMLINKS bounds the rest). */
const MAX_LINKS = 40;

/**
 * canonicalize_filename_mode(): the absolute name with no ".", ".." or symlinks, or -errno.
 * `noLinks` is realpath -s (CAN_NOLINKS): components are joined without being looked at.
 */
export function* canonicalize(name: string, mode: Can, noLinks = false): UserGen<string | number> {
  if (name === '') return -ENOENT;
  let dest: string[] = [];
  if (name[0] !== '/') {
    const cwd = yield* getcwd();
    if (typeof cwd === 'number') return cwd;
    dest = cwd.split('/').filter((c) => c !== '');
  }
  let rest = name;
  let links = 0;
  for (;;) {
    const m = /^\/*([^/]*)/.exec(rest)!;
    const comp = m[1];
    rest = rest.slice(m[0].length);
    if (comp === '') break;
    if (comp === '.') continue;
    if (comp === '..') {
      dest.pop();
      continue;
    }
    dest.push(comp);
    if (noLinks) continue;
    const path = '/' + dest.join('/');
    const st = yield* lstat(path);
    // More components to come (not just trailing slashes)?
    const more = /[^/]/.test(rest);
    if (typeof st === 'number') {
      if (mode === Can.MISSING) continue;
      if (mode === Can.ALL_BUT_LAST && st === -ENOENT && !more) continue;
      return st;
    }
    if (S_ISLNK(st.mode)) {
      if (++links > MAX_LINKS) return -ELOOP;
      const target = yield* readlinkSys(path);
      if (typeof target === 'number') return target;
      dest.pop();
      if (target[0] === '/') dest = [];
      rest = target + (rest ? '/' + rest : '');
      continue;
    }
    if (!S_ISDIR(st.mode) && rest !== '' && mode !== Can.MISSING) return -ENOTDIR;
  }
  return '/' + dest.join('/');
}

export function* readlink({ argv }: ProgramArgs): UserGen {
  const long = {
    canonicalize: L('f'), 'canonicalize-existing': L('e'), 'canonicalize-missing': L('m'), 'no-newline': L('n'),
    quiet: L('q'), silent: L('s'), verbose: L('v'), zero: L('z'),
  };
  const p = yield* parseArgs(argv, { short: 'efmnqsvz', long }, { name: 'readlink' });
  if ('exit' in p) return p.exit;
  let mode: Can | null = null, noNewline = false, verbose = false, zero = false;
  for (const o of p.opts) {
    if (o.key === 'f') mode = Can.ALL_BUT_LAST;
    else if (o.key === 'e') mode = Can.EXISTING;
    else if (o.key === 'm') mode = Can.MISSING;
    else if (o.key === 'n') noNewline = true;
    else if (o.key === 'q' || o.key === 's') verbose = false;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'z') zero = true;
  }
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (noNewline && p.operands.length > 1) {
    yield* warn(argv[0], 'ignoring --no-newline with multiple arguments');
    noNewline = false;
  }
  const out = new Output();
  let status = 0;
  for (const name of p.operands) {
    const r = mode === null ? yield* readlinkSys(name) : yield* canonicalize(name, mode);
    if (typeof r === 'number') {
      status = 1;
      if (verbose) {
        yield* out.flush();
        yield* warnErrno(argv[0], quotef(name), r);
      }
      continue;
    }
    yield* out.put(r + (noNewline ? '' : zero ? '\0' : '\n'));
  }
  return yield* out.finish(argv[0], status);
}

/** relpath(): `path` relative to `base`, both canonical. */
function relative(path: string, base: string): string {
  const a = path.split('/').filter(Boolean), b = base.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...new Array<string>(b.length - i).fill('..'), ...a.slice(i)];
  return parts.length ? parts.join('/') : '.';
}

const below = (path: string, base: string): boolean => base === '/' || path === base || path.startsWith(base + '/');

export function* realpath({ argv }: ProgramArgs): UserGen {
  const long = {
    'canonicalize-existing': L('e'), 'canonicalize-missing': L('m'), logical: L('L'), physical: L('P'), quiet: L('q'),
    strip: L('s'), 'no-symlinks': L('s'), zero: L('z'), 'relative-to': L('R', 'required'), 'relative-base': L('B', 'required'),
  };
  const p = yield* parseArgs(argv, { short: 'emLPqsz', long }, { name: 'realpath' });
  if ('exit' in p) return p.exit;
  let mode = Can.ALL_BUT_LAST, quiet = false, strip = false, zero = false, logical = false;
  let relTo: string | null = null, relBase: string | null = null;
  for (const o of p.opts) {
    if (o.key === 'e') mode = Can.EXISTING;
    else if (o.key === 'm') mode = Can.MISSING;
    else if (o.key === 'L') logical = true;
    else if (o.key === 'P') logical = false;
    else if (o.key === 'q') quiet = true;
    else if (o.key === 's') strip = true;
    else if (o.key === 'z') zero = true;
    else if (o.key === 'R') relTo = o.value ?? '';
    else if (o.key === 'B') relBase = o.value ?? '';
  }
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  // -L: ".." is applied to the name as written before any link is looked at.
  const resolve = function* (name: string): UserGen<string | number> {
    if (logical && name !== '') {
      const abs = name[0] === '/' ? name : `${yield* getcwd()}/${name}`;
      const lexical = yield* canonicalize(abs, Can.MISSING, true);
      if (typeof lexical === 'number') return lexical;
      name = lexical;
    }
    return yield* canonicalize(name, mode, strip);
  };
  const bases: (string | null)[] = [];
  for (const [dir, label] of [[relTo, 'relative-to'], [relBase, 'relative-base']] as const) {
    if (dir === null) {
      bases.push(null);
      continue;
    }
    const r = yield* resolve(dir);
    if (typeof r === 'number') {
      yield* warnErrno(argv[0], quotef(dir), r);
      void label;
      return 1;
    }
    bases.push(r);
  }
  let [to, base] = bases;
  // With both, --relative-to must lie below --relative-base, else neither applies.
  if (to !== null && base !== null && !below(to, base)) to = base = null;
  if (to === null && base !== null) to = base;
  const out = new Output();
  let status = 0;
  for (const name of p.operands) {
    const r = yield* resolve(name);
    if (typeof r === 'number') {
      status = 1;
      if (!quiet) {
        yield* out.flush();
        yield* warnErrno(argv[0], quotef(name), r);
      }
      continue;
    }
    const shown = to !== null && (base === null || below(r, base)) ? relative(r, to) : r;
    yield* out.put(shown + (zero ? '\0' : '\n'));
  }
  return yield* out.finish(argv[0], status);
}
