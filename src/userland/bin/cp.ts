// GNU cp and mv 9.1: argument forms (SOURCE DEST, SOURCE... DIRECTORY, -t DIRECTORY, -T) and
// their messages; mv renames and falls back to copy-and-remove across filesystems (EXDEV).
// -b/--backup/-S (backup.ts), -u, cp --remove-destination and --strip-trailing-slashes.
import { EINVAL, ENOTEMPTY, EXDEV, EEXIST } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { chmod, lstat, mkdir, rename, rmdir, stat, umask, unlink } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { backupOpts, makeBackup } from './backup.ts';
import type { Backup } from './backup.ts';
import { xargmatch } from './argmatch.ts';
import { askYes, copyTree, isWithin } from './copy.ts';
import { bootEpochSec } from './time.ts';
import type { CopyOpts } from './copy.ts';
import { L, parseArgs } from './opts.ts';
import type { ParsedOpt } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { baseOf } from './paths.ts';
import { joinPath, listNames } from './walk.ts';

// cp.c's and mv.c's long_options, in their order (getopt_long lists an ambiguous prefix's
// matches so). The ones with a long key are not offered here and are refused (refuseLong).
const CP_LONG = {
  archive: L('a'), 'attributes-only': L('attributes-only'), backup: L('b', 'optional'), 'copy-contents': L('copy-contents'),
  dereference: L('L'), force: L('f'), interactive: L('i'), link: L('l'), 'no-clobber': L('n'), 'no-dereference': L('P'),
  'no-preserve': L('no-preserve', 'required'), 'no-target-directory': L('T'), 'one-file-system': L('x'),
  parents: L('parents'), path: L('parents'), preserve: L('p', 'optional'), recursive: L('r'),
  'remove-destination': L('remove-destination'), sparse: L('sparse', 'required'), reflink: L('reflink', 'optional'),
  'strip-trailing-slashes': L('strip-trailing-slashes'), suffix: L('S', 'required'), 'symbolic-link': L('s'),
  'target-directory': L('t', 'required'), update: L('u'), verbose: L('v'), context: L('Z'),
};
const MV_LONG = {
  backup: L('b', 'optional'), context: L('Z'), force: L('f'), interactive: L('i'), 'no-clobber': L('n'),
  'no-target-directory': L('T'), 'strip-trailing-slashes': L('strip-trailing-slashes'), suffix: L('S', 'required'),
  'target-directory': L('t', 'required'), update: L('u'), verbose: L('v'),
};

/** -L, -P, -d, -a and -H: the last says which symlinks are followed (cp.c's dereference). */
function derefOpts(opts: ParsedOpt[]): { dereference: boolean; noDeref: boolean; derefArgs: boolean } {
  let mode = '';
  for (const o of opts) if ('LPdaH'.includes(o.key) && o.key.length === 1) mode = o.key === 'a' || o.key === 'd' ? 'P' : o.key;
  return { dereference: mode === 'L', noDeref: mode === 'P', derefArgs: mode === 'H' };
}

/** Long options implemented here; the others with a long key are refused. */
const DONE = new Set(['attributes-only', 'remove-destination', 'strip-trailing-slashes', 'parents', 'no-preserve', 'sparse', 'reflink', 'copy-contents']);
const ATTRS = [['mode'], ['timestamps'], ['ownership'], ['links'], ['context'], ['xattr'], ['all']];

/** decode_preserve_arg() over -p, -a, --preserve[=LIST], --no-preserve=LIST in order; -1 after a usage error. */
function* preserveSet(prog: string, opts: ParsedOpt[]): UserGen<Set<string> | -1> {
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

/** A long option cp or mv has and we do not: "option --NAME is not supported here", status 1. */
function* refuseLong(prog: string, opts: ParsedOpt[]): UserGen<boolean> {
  const o = opts.find((x) => x.key.length > 1 && !DONE.has(x.key));
  if (o) yield* warn(prog, `option --${o.key} is not supported here`);
  return o !== undefined;
}

/** Resolve the operands into (source, destination) pairs, reporting usage errors. */
function* targets(prog: string, opts: ParsedOpt[], ops: string[]): UserGen<[string, string][] | null> {
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

function* baseOpts(prog: string, opts: ParsedOpt[], verbosePrefix: string, out: Output, backup: Backup, keep: Set<string>): UserGen<CopyOpts> {
  const f = new Set(opts.map((o) => o.key));
  const mask = yield* umask(0);
  yield* umask(mask);
  let interactive = false;
  let noClobber = false;
  for (const o of opts) {
    // The last of -f, -i, -n wins (cp.c/mv.c).
    if (o.key === 'i') { interactive = true; noClobber = false; }
    if (o.key === 'n') { noClobber = true; interactive = false; }
    if (o.key === 'f') { interactive = false; noClobber = false; }
  }
  return {
    prog, recursive: f.has('r') || f.has('R') || f.has('a'), preserveMode: keep.has('mode'),
    defaultMode: opts.some((o) => o.key === 'no-preserve' && /(^|,)(m|mo|mod|mode|a|al|all)(,|$)/.test(o.value ?? '')) && !keep.has('mode'),
    preserveTimes: keep.has('timestamps'), preserveOwner: keep.has('ownership'), bootSec: yield* bootEpochSec(),
    force: f.has('f'), interactive, noClobber, verbose: f.has('v'), verbosePrefix, umask: mask, out,
    backup, update: f.has('u'), removeDest: f.has('remove-destination'), attributesOnly: f.has('attributes-only'),
    link: f.has('l'), symlink: f.has('s'), ...derefOpts(opts),
  };
}

/** --strip-trailing-slashes: the SOURCE operands without trailing slashes (the destination keeps its own). */
function stripSources(opts: ParsedOpt[], ops: string[]): string[] {
  if (!opts.some((o) => o.key === 'strip-trailing-slashes')) return ops;
  const last = opts.some((o) => o.key === 't') ? ops.length : ops.length - 1;
  return ops.map((s, i) => (i < last ? s.replace(/(.)\/+$/, '$1') : s));
}

export function* cp({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'abdfHilLnprst:uvxPRS:TZ', long: CP_LONG }, { name: 'cp' });
  if ('exit' in p) return p.exit;
  if (yield* refuseLong(argv[0], p.opts)) return 1;
  const backup = yield* backupOpts(argv[0], p.opts, envp);
  if (typeof backup === 'number') return backup;
  const keep = yield* preserveSet(argv[0], p.opts);
  if (keep === -1) return 1;
  for (const [key, groups] of [['sparse', [['never'], ['auto'], ['always']]], ['reflink', [['auto'], ['always'], ['never']]]] as const) {
    for (const o of p.opts) if (o.key === key && o.value !== undefined && (yield* xargmatch(argv[0], `--${key}`, o.value, groups)) < 0) return 1;
  }
  const parents = p.opts.some((o) => o.key === 'parents');
  const pairs = parents ? yield* parentsTargets(argv[0], p.opts, stripSources(p.opts, p.operands))
    : yield* targets(argv[0], p.opts, stripSources(p.opts, p.operands));
  if (!pairs) return 1;
  const out = new Output();
  const o = yield* baseOpts(argv[0], p.opts, '', out, backup, keep);
  // --reflink[=always]: ramfs cannot clone (FICLONE fails), so nothing is copied.
  const reflink = p.opts.filter((x) => x.key === 'reflink').pop();
  const mustClone = reflink !== undefined && (reflink.value === undefined || (reflink.value !== '' && 'always'.startsWith(reflink.value)));
  let status = 0;
  for (const [src, dst] of pairs) {
    if (parents && !(yield* makeParents(o, src, dst))) {
      status = 1;
      continue;
    }
    if (mustClone) {
      const st = yield* stat(src);
      if (typeof st !== 'number' && !S_ISDIR(st.mode)) {
        yield* out.flush();
        yield* warn(argv[0], `failed to clone ${quote(dst)} from ${quote(src)}: Operation not supported`);
        status = 1;
        continue;
      }
    }
    if (!(yield* copyTree(o, src, dst, true))) status = 1;
  }
  return yield* out.finish(argv[0], status);
}

/** rm -r of a source mv copied across filesystems. */
function* removeTree(path: string): UserGen<number> {
  const st = yield* lstat(path);
  if (typeof st === 'number') return st;
  if (!S_ISDIR(st.mode)) return yield* unlink(path);
  const names = yield* listNames(path);
  if (typeof names === 'number') return names;
  for (const n of names) {
    const r = yield* removeTree(joinPath(path, n));
    if (r < 0) return r;
  }
  return yield* rmdir(path);
}

export function* mv({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'bfint:uvS:TZ', long: MV_LONG }, { name: 'mv' });
  if ('exit' in p) return p.exit;
  if (yield* refuseLong(argv[0], p.opts)) return 1;
  const prog = argv[0];
  const backup = yield* backupOpts(prog, p.opts, envp);
  if (typeof backup === 'number') return backup;
  const pairs = yield* targets(prog, p.opts, stripSources(p.opts, p.operands));
  if (!pairs) return 1;
  const out = new Output();
  const o = yield* baseOpts(prog, p.opts, '', out, backup, new Set());
  let status = 0;
  for (const [src, dst] of pairs) {
    const st = yield* lstat(src);
    if (typeof st === 'number') {
      yield* warnErrno(prog, `cannot stat ${quote(src)}`, st);
      status = 1;
      continue;
    }
    const d = yield* lstat(dst);
    if (typeof d !== 'number') {
      if (d.ino === st.ino && d.dev === st.dev) {
        yield* warn(prog, `${quote(src)} and ${quote(dst)} are the same file`);
        status = 1;
        continue;
      }
      if (o.noClobber) continue;
      if (o.update && !S_ISDIR(st.mode) && d.mtime >= st.mtime) continue;
      if (o.interactive && !(yield* askYes(o, `overwrite ${quote(dst)}`))) continue;
      if (S_ISDIR(d.mode) && !S_ISDIR(st.mode)) {
        yield* warn(prog, `cannot overwrite directory ${quote(dst)} with non-directory`);
        status = 1;
        continue;
      }
      if (!S_ISDIR(d.mode) && S_ISDIR(st.mode)) {
        yield* warn(prog, `cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
        status = 1;
        continue;
      }
    }
    let backedUp = '';
    if (typeof d !== 'number' && backup.type !== 'none') {
      const b = yield* makeBackup(dst, backup);
      if (typeof b === 'number') {
        yield* warnErrno(prog, `cannot backup ${quote(dst)}`, b);
        status = 1;
        continue;
      }
      backedUp = ` (backup: ${quote(b)})`;
    }
    const r = yield* rename(src, dst);
    if (r === 0) {
      if (o.verbose) yield* out.put(`renamed ${quote(src)} -> ${quote(dst)}${backedUp}\n`);
      continue;
    }
    if (r === -EXDEV) {
      const copy: CopyOpts = { ...o, recursive: true, preserveMode: true, preserveTimes: true, preserveOwner: true, verbosePrefix: 'copied ' };
      if (!(yield* copyTree(copy, src, dst, true))) {
        status = 1;
        continue;
      }
      const rr = yield* removeTree(src);
      if (rr < 0) {
        yield* warnErrno(prog, `cannot remove ${quote(src)}`, rr);
        status = 1;
      } else if (o.verbose) yield* out.put(`removed ${quote(src)}\n`);
      continue;
    }
    yield* out.flush();
    if (r === -EINVAL && isWithin(src, dst)) yield* warn(prog, `cannot move ${quote(src)} to a subdirectory of itself, ${quote(dst)}`);
    else if (r === -ENOTEMPTY || r === -EEXIST) yield* warnErrno(prog, `cannot move ${quote(src)} to ${quote(dst)}`, r);
    else yield* warnErrno(prog, `cannot move ${quote(src)} to ${quote(dst)}`, r);
    status = 1;
  }
  return yield* out.finish(prog, status);
}

/** --parents: each SOURCE under the target directory by its whole name ("d/" + "s/t/f"). */
function* parentsTargets(prog: string, opts: ParsedOpt[], ops: string[]): UserGen<[string, string][] | null> {
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
function* makeParents(o: CopyOpts, src: string, dst: string): UserGen<boolean> {
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
