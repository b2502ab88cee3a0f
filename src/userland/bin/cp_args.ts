// cp's and mv's operands and option words: the (source, destination) pairs (with --parents and
// its leading directories), --strip-trailing-slashes, the symlink-following options and
// --preserve/--no-preserve lists, as cp.c and mv.c decode them.
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { chmod, mkdir, stat } from '../lib/sys.ts';
import { xargmatch } from './argmatch.ts';
import { tryHelp, warn, warnErrno } from './common.ts';
import type { CopyOpts } from './copy.ts';
import type { ParsedOpt } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { baseOf } from './paths.ts';
import { joinPath } from './walk.ts';

/** -L, -P, -d, -a and -H: the last says which symlinks are followed (cp.c's dereference). */
export function derefOpts(opts: ParsedOpt[]): { dereference: boolean; noDeref: boolean; derefArgs: boolean } {
  let mode = '';
  for (const o of opts) if ('LPdaH'.includes(o.key) && o.key.length === 1) mode = o.key === 'a' || o.key === 'd' ? 'P' : o.key;
  return { dereference: mode === 'L', noDeref: mode === 'P', derefArgs: mode === 'H' };
}

const ATTRS = [['mode'], ['timestamps'], ['ownership'], ['links'], ['context'], ['xattr'], ['all']];


/** decode_preserve_arg() over -p, -a, --preserve[=LIST], --no-preserve=LIST in order; -1 after a usage error. */
export function* preserveSet(prog: string, opts: ParsedOpt[]): UserGen<Set<string> | -1> {
  const set = new Set<string>();
  for (const o of opts) {
    if (o.key === 'a') ['mode', 'timestamps', 'ownership', 'links', 'context', 'xattr'].forEach((a) => set.add(a));
    if (o.key !== 'p' && o.key !== 'no-preserve') continue;
    if (o.key === 'p' && o.value === undefined) {
      ['mode', 'timestamps', 'ownership'].forEach((a) => set.add(a));
      continue;
    }
    for (const word of (o.value ?? '').split(',')) {
      const i = yield* xargmatch(prog, o.key === 'p' ? '--preserve' : '--no-preserve', word, ATTRS);
      if (i < 0) return -1;
      const names = i === 6 ? ['mode', 'timestamps', 'ownership', 'links', 'context', 'xattr'] : [ATTRS[i][0]];
      for (const n of names) if (o.key === 'p') set.add(n); else set.delete(n);
    }
  }
  return set;
}

/** Resolve the operands into (source, destination) pairs, reporting usage errors. */
export function* targets(prog: string, opts: ParsedOpt[], ops: string[]): UserGen<[string, string][] | null> {
  let dir = opts.find((o) => o.key === 't')?.value ?? null;
  const noDir = opts.some((o) => o.key === 'T');
  if (!ops.length) {
    yield* warn(prog, 'missing file operand');
    yield* tryHelp(prog);
    return null;
  }
  if (dir === null && ops.length === 1) {
    yield* warn(prog, `missing destination file operand after ${quote(ops[0])}`);
    yield* tryHelp(prog);
    return null;
  }
  if (dir === null) {
    const last = ops[ops.length - 1];
    const st = yield* stat(last);
    const isDir = typeof st !== 'number' && S_ISDIR(st.mode);
    if (noDir || (ops.length === 2 && !isDir)) {
      if (ops.length > 2) {
        yield* warn(prog, `extra operand ${quoteC(ops[2])}`);
        yield* tryHelp(prog);
        return null;
      }
      return [[ops[0], ops[1]]];
    }
    if (!isDir) {
      if (typeof st === 'number') yield* warnErrno(prog, `target ${quote(last)}`, st);
      else yield* warn(prog, `target ${quote(last)} is not a directory`);
      return null;
    }
    dir = last;
    ops = ops.slice(0, -1);
  }
  return ops.map((s) => [s, joinPath(dir!, baseOf(s))]);
}

/** --strip-trailing-slashes: the SOURCE operands without trailing slashes (the destination keeps its own). */
export function stripSources(opts: ParsedOpt[], ops: string[]): string[] {
  if (!opts.some((o) => o.key === 'strip-trailing-slashes')) return ops;
  const last = opts.some((o) => o.key === 't') ? ops.length : ops.length - 1;
  return ops.map((s, i) => (i < last ? s.replace(/(.)\/+$/, '$1') : s));
}


/** --parents: each SOURCE under the target directory by its whole name ("d/" + "s/t/f"). */
export function* parentsTargets(prog: string, opts: ParsedOpt[], ops: string[]): UserGen<[string, string][] | null> {
  let dir = opts.find((o) => o.key === 't')?.value ?? null;
  if (dir === null && ops.length >= 2) {
    const st = yield* stat(ops[ops.length - 1]);
    if (typeof st !== 'number' && S_ISDIR(st.mode)) dir = ops.pop()!;
    else if (ops.length === 2 || typeof st !== 'number') {
      yield* warn(prog, 'with --parents, the destination must be a directory');
      yield* tryHelp(prog);
      return null;
    }
  }
  if (dir === null) return yield* targets(prog, opts, ops);
  return ops.map((s) => [s, `${dir!.replace(/\/+$/, '')}/${s.replace(/^\/+/, '')}`]);
}

/** make_dir_parents_private(): the source's leading directories under the target, each made as needed. */
export function* makeParents(o: CopyOpts, src: string, dst: string): UserGen<boolean> {
  const parts = src.replace(/^\/+/, '').split('/').filter((x) => x !== '');
  const base = dst.slice(0, dst.length - src.replace(/^\/+/, '').length);
  const lead = src.startsWith('/') ? '/' : '';
  for (let i = 1; i < parts.length; i++) {
    const s = lead + parts.slice(0, i).join('/'), d = base + parts.slice(0, i).join('/');
    const have = yield* stat(d);
    if (typeof have !== 'number') {
      if (S_ISDIR(have.mode)) continue;
      yield* o.out.flush();
      yield* warn(o.prog, `${quote(d)} exists but is not a directory`);
      return false;
    }
    const st = yield* stat(s);
    if (typeof st === 'number') {
      yield* warnErrno(o.prog, `failed to get attributes of ${quote(s)}`, st);
      return false;
    }
    const r = yield* mkdir(d, 0o700);
    if (r < 0) {
      yield* warnErrno(o.prog, `cannot make directory ${quote(d)}`, r);
      return false;
    }
    yield* chmod(d, o.preserveMode ? st.mode & 0o7777 : st.mode & 0o777 & ~o.umask);
    if (o.verbose) yield* o.out.put(`${s} -> ${d}\n`);
  }
  return true;
}
