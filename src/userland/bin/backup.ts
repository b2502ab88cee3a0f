// gnulib backupfile.c as cp, mv (and ln) use it: the version control method from --backup=CONTROL,
// else $VERSION_CONTROL, else "existing"; the suffix from -S, else $SIMPLE_BACKUP_SUFFIX, else
// '~'; numbered backups are NAME.~N~ with N one more than the highest in the directory.
import type { UserGen } from '../../uapi/syscalls.ts';
import { rename } from '../lib/sys.ts';
import { argmatch, xargmatch } from './argmatch.ts';
import { getenv, tryHelp, warn } from './common.ts';
import { quoteC } from './quote.ts';
import type { ParsedOpt } from './opts.ts';
import { listNames } from './walk.ts';
import { writeAll } from '../lib/io.ts';

export type BackupType = 'none' | 'simple' | 'existing' | 'numbered';
export interface Backup { type: BackupType; suffix: string }

const CONTROLS = [['none', 'off'], ['simple', 'never'], ['existing', 'nil'], ['numbered', 't']];
const TYPES: BackupType[] = ['none', 'simple', 'existing', 'numbered'];

/** The backup settings of -b, --backup[=CONTROL] and -S; a status (1) after a usage error. */
export function* backupOpts(prog: string, opts: readonly ParsedOpt[], envp: readonly string[]): UserGen<Backup | number> {
  let make = false;
  let control: string | undefined;
  let suffix = getenv(envp, 'SIMPLE_BACKUP_SUFFIX');
  for (const o of opts) {
    if (o.key === 'b') {
      make = true;
      if (o.value !== undefined) control = o.value;
    } else if (o.key === 'S') {
      make = true; // -S implies a backup (cp.c/mv.c 9.1).
      suffix = o.value;
    }
  }
  // simple_backup_suffix: a suffix with a '/' is ignored (backupfile.c check_extension()).
  if (suffix === undefined || suffix === '' || suffix.includes('/')) suffix = '~';
  if (!make) return { type: 'none', suffix };
  if (control !== undefined) {
    const i = yield* xargmatch(prog, 'backup type', control, CONTROLS);
    return i < 0 ? 1 : { type: TYPES[i], suffix };
  }
  const env = getenv(envp, 'VERSION_CONTROL');
  if (env === undefined || env === '') return { type: 'existing', suffix };
  const i = argmatch(env, CONTROLS);
  if (typeof i !== 'number') {
    yield* warn(prog, `${i} argument ${quoteC(env)} for '$VERSION_CONTROL'`);
    yield* writeAll(2, `Valid arguments are:\n${CONTROLS.map((g) => `  - ${g.map((n) => `'${n}'`).join(', ')}\n`).join('')}`);
    yield* tryHelp(prog);
    return 1;
  }
  return { type: TYPES[i], suffix };
}

/** The highest N of DIR/BASE.~N~ (0 when there is none). */
function* highestVersion(path: string): UserGen<number> {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '.' : path.slice(0, slash) || '/';
  const base = path.slice(slash + 1);
  const names = yield* listNames(dir);
  if (typeof names === 'number') return 0;
  let high = 0;
  for (const n of names) {
    if (!n.startsWith(`${base}.~`) || !n.endsWith('~')) continue;
    const v = n.slice(base.length + 2, -1);
    if (/^[1-9]\d*$/.test(v)) high = Math.max(high, Number(v));
  }
  return high;
}

/** find_backup_file_name(): where the existing `path` goes. */
export function* backupName(path: string, b: Backup): UserGen<string> {
  if (b.type === 'simple') return path + b.suffix;
  const high = yield* highestVersion(path);
  if (b.type === 'existing' && high === 0) return path + b.suffix;
  return `${path}.~${high + 1}~`;
}

/** Rename `path` to its backup name: the name, or -errno. */
export function* makeBackup(path: string, b: Backup): UserGen<string | number> {
  const name = yield* backupName(path, b);
  const r = yield* rename(path, name);
  return r < 0 ? r : name;
}
