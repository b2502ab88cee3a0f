// GNU ln 9.1: hard and symbolic links (-s), -f, -i, -n, -T, -t DIR, -v, -b/--backup/-S
// (backup.ts), -r (relpath() between canonical names), -L/-P for hard links to symlinks; ln.c's
// messages.
import { EDQUOT, EEXIST, EMLINK, ENAMETOOLONG, ENOSPC, EROFS } from '../../uapi/errno.ts';
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { link, lstat, stat, symlink, unlink } from '../lib/sys.ts';
import { readLine, writeAll } from '../lib/io.ts';
import { backupOpts, makeBackup } from './backup.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { Can, canonicalize } from './readlink.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { baseOf } from './paths.ts';
import { joinPath } from './walk.ts';

/** ln.c long_options, in its order. */
const LONG = {
  backup: L('b', 'optional'), directory: L('F'), 'no-dereference': L('n'), 'no-target-directory': L('T'), force: L('f'),
  interactive: L('i'), suffix: L('S', 'required'), 'target-directory': L('t', 'required'), symbolic: L('s'), verbose: L('v'),
  logical: L('L'), physical: L('P'), relative: L('r'),
};

/** coreutils relpath(): `path` relative to the directory `dir`, both canonical; null without a common prefix. */
export function relpath(path: string, dir: string): string | null {
  if ((path[1] === '/') !== (dir[1] === '/')) return null;
  let i = 0, common = 0;
  while (i < path.length && i < dir.length && path[i] === dir[i]) {
    if (path[i] === '/') common = i + 1;
    i++;
  }
  if ((i === path.length && i === dir.length) || (i === path.length && dir[i] === '/') || (i === dir.length && path[i] === '/')) common = i;
  if (!common) return null;
  let rel = dir.slice(common), name = path.slice(common);
  if (rel[0] === '/') rel = rel.slice(1);
  if (name[0] === '/') name = name.slice(1);
  if (!rel) return name || '.';
  return '..' + '/..'.repeat(rel.split('/').length - 1) + (name ? `/${name}` : '');
}

export function* ln({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'bdfFinLPrsS:Tt:v', long: LONG }, { name: 'ln' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  // The last of -f and -i wins; -L and -P likewise (-P is Linux's default for link()).
  let force = false, interactive = false, follow = false;
  for (const o of p.opts) {
    if (o.key === 'f' || o.key === 'i') [force, interactive] = [o.key === 'f', o.key === 'i'];
    if (o.key === 'L' || o.key === 'P') follow = o.key === 'L';
  }
  if (f.has('r') && !f.has('s')) {
    yield* warn(argv[0], 'cannot do --relative without --symbolic');
    return 1;
  }
  const backup = yield* backupOpts(argv[0], p.opts, envp);
  if (typeof backup === 'number') return backup;
  let targetDir = p.opts.find((o) => o.key === 't')?.value ?? null;
  const ops = [...p.operands];
  if (!ops.length) {
    yield* warn(argv[0], 'missing file operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const isDir = function* (path: string): UserGen<boolean> {
    const st = f.has('n') ? yield* lstat(path) : yield* stat(path);
    return typeof st !== 'number' && S_ISDIR(st.mode);
  };
  let pairs: [string, string][];
  if (targetDir === null && !f.has('T') && ops.length === 1) pairs = [[ops[0], `./${baseOf(ops[0])}`]];
  else if (targetDir === null && (f.has('T') || (ops.length === 2 && !(yield* isDir(ops[1]))))) {
    if (ops.length > 2) {
      yield* warn(argv[0], `extra operand ${quoteC(ops[2])}`);
      yield* tryHelp(argv[0]);
      return 1;
    }
    pairs = [[ops[0], ops[1]]];
  } else {
    if (targetDir === null) {
      targetDir = ops.pop()!;
      if (!(yield* isDir(targetDir))) {
        const st = yield* stat(targetDir);
        if (typeof st === 'number') yield* warnErrno(argv[0], `target ${quote(targetDir)}`, st);
        else yield* warn(argv[0], `target ${quote(targetDir)} is not a directory`);
        return 1;
      }
    }
    pairs = ops.map((s) => [s, joinPath(targetDir!, baseOf(s))]);
  }
  const out = new Output();
  let status = 0;
  for (const [operand, dst] of pairs) {
    let src = operand;
    if (f.has('r')) {
      // convert_abs_rel(): from the link's directory (canonical) to the canonical source.
      const slash = dst.replace(/\/+$/, '').lastIndexOf('/');
      const dir = yield* canonicalize(slash < 0 ? '.' : dst.slice(0, slash) || '/', Can.MISSING);
      const real = yield* canonicalize(src, Can.MISSING);
      const rel = typeof dir === 'string' && typeof real === 'string' ? relpath(real, dir) : null;
      if (rel !== null) src = rel;
    }
    if (!f.has('s')) {
      const st = yield* stat(src);
      if (typeof st === 'number') {
        yield* warnErrno(argv[0], `failed to access ${quote(src)}`, st);
        status = 1;
        continue;
      }
      if (S_ISDIR(st.mode)) {
        yield* warn(argv[0], `${src}: hard link not allowed for directory`);
        status = 1;
        continue;
      }
    }
    let backedUp = '';
    const d = force || interactive || backup.type !== 'none' ? yield* lstat(dst) : -1;
    if (typeof d !== 'number' && (!S_ISDIR(d.mode) || S_ISLNK(d.mode))) {
      if (interactive) {
        yield* out.flush();
        yield* writeAll(2, `${argv[0]}: replace ${quote(dst)}? `);
        const answer = yield* readLine(0);
        if (answer === null || !/^[yY]/.test(answer)) continue;
      }
      if (backup.type !== 'none') {
        const b = yield* makeBackup(dst, backup);
        if (typeof b === 'number') {
          yield* warnErrno(argv[0], `cannot backup ${quote(dst)}`, b);
          status = 1;
          continue;
        }
        backedUp = `${quote(b)} ~ `;
      } else yield* unlink(dst);
    }
    // -L: a hard link to what a symlink names (linkat's AT_SYMLINK_FOLLOW).
    const target = !f.has('s') && follow ? yield* canonicalize(src, Can.EXISTING) : src;
    const r = f.has('s') ? yield* symlink(src, dst) : yield* link(typeof target === 'string' ? target : src, dst);
    if (r < 0) {
      const e = -r;
      let msg: string;
      if (f.has('s')) msg = e !== ENAMETOOLONG && src ? `failed to create symbolic link ${quote(dst)}` : `failed to create symbolic link ${quote(dst)} -> ${quote(src)}`;
      else if (e === EMLINK) msg = `failed to create hard link to ${quote(src)}`;
      else if (e === EDQUOT || e === EEXIST || e === ENOSPC || e === EROFS) msg = `failed to create hard link ${quote(dst)}`;
      else msg = `failed to create hard link ${quote(dst)} => ${quote(src)}`;
      yield* out.flush();
      yield* warnErrno(argv[0], msg, r);
      status = 1;
      continue;
    }
    if (f.has('v')) yield* out.put(`${backedUp}${quote(dst)} ${f.has('s') ? '->' : '=>'} ${quote(src)}\n`);
  }
  return yield* out.finish(argv[0], status);
}
