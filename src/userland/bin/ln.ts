// GNU ln 9.1: hard and symbolic links (-s), -f, -n, -T, -t DIR, -v; ln.c's messages.
import { EDQUOT, EEXIST, EMLINK, ENAMETOOLONG, ENOSPC, EROFS } from '../../uapi/errno.ts';
import { S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { link, lstat, stat, symlink, unlink } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
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

export function* ln({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'bdfFinLPrsS:Tt:v', long: LONG }, { name: 'ln' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
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
  for (const [src, dst] of pairs) {
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
    if (f.has('f')) {
      const d = yield* lstat(dst);
      if (typeof d !== 'number' && (!S_ISDIR(d.mode) || S_ISLNK(d.mode))) yield* unlink(dst);
    }
    const r = f.has('s') ? yield* symlink(src, dst) : yield* link(src, dst);
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
    if (f.has('v')) yield* out.put(`${quote(dst)} ${f.has('s') ? '->' : '=>'} ${quote(src)}\n`);
  }
  return yield* out.finish(argv[0], status);
}
