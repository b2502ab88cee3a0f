// GNU cp and mv 9.1: argument forms (SOURCE DEST, SOURCE... DIRECTORY, -t DIRECTORY, -T) and
// their messages; mv renames and falls back to copy-and-remove across filesystems (EXDEV).
// -b/--backup/-S (backup.ts), -u, and cp's options in cp_args.ts and copy.ts.
import { EINVAL, ENOTEMPTY, EXDEV, EEXIST } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { lstat, rename, rmdir, stat, umask, unlink } from '../lib/sys.ts';
import { Output, warn, warnErrno } from './common.ts';
import { backupOpts, makeBackup } from './backup.ts';
import type { Backup } from './backup.ts';
import { xargmatch } from './argmatch.ts';
import { askYes, copyTree, isWithin } from './copy.ts';
import { derefOpts, makeParents, parentsTargets, preserveSet, stripSources, targets } from './cp_args.ts';
import { bootEpochSec } from './time.ts';
import type { CopyOpts } from './copy.ts';
import { L, parseArgs } from './opts.ts';
import type { ParsedOpt } from './opts.ts';
import { quote } from './quote.ts';
import { joinPath, listNames } from './walk.ts';

// cp.c's and mv.c's long_options, in their order (getopt_long lists an ambiguous prefix's
// matches so). Long keys not in DONE are refused (refuseLong).
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

/** Long options implemented here; the others with a long key are refused. */
const DONE = new Set(['attributes-only', 'remove-destination', 'strip-trailing-slashes', 'parents', 'no-preserve', 'sparse', 'reflink', 'copy-contents']);
/** A long option cp or mv has and we do not: "option --NAME is not supported here", status 1. */
function* refuseLong(prog: string, opts: ParsedOpt[]): UserGen<boolean> {
  const o = opts.find((x) => x.key.length > 1 && !DONE.has(x.key));
  if (o) yield* warn(prog, `option --${o.key} is not supported here`);
  return o !== undefined;
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
    link: f.has('l'), symlink: f.has('s'), oneFs: f.has('x'), ...derefOpts(opts),
  };
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
