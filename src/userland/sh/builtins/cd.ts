// cd and pwd, after dash's cd.c: logical paths by default (the new directory is computed from
// $PWD textually, `..` removing a component), -P for physical; CDPATH (printing the directory
// when a non-empty CDPATH entry was used), `cd -` with OLDPWD; "can't cd to X" on failure.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { S_ISDIR } from '../../../uapi/fcntl.ts';
import { chdir, getcwd, stat } from '../../lib/sys.ts';
import { ShError } from '../errors.ts';
import { out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { VEXPORT } from '../state.ts';
import { lookupvar, setvar } from '../vars.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';
import { strerror } from '../../../uapi/errno.ts';

function cdopt(o: NextOpt): boolean {
  let physical = false;
  let j = 'L';
  for (let i; (i = o.next('LP'));) {
    if (i !== j) {
      physical = !physical;
      j = i;
    }
  }
  return physical;
}

/** updatepwd(): the new logical directory, or null when the current one is unknown. */
function updatepwd(sh: ShState, dir: string): string | null {
  let out: string[];
  let lead = '/';
  if (dir[0] !== '/') {
    if (sh.curdir === '') return null;
    out = sh.curdir.split('/').filter((c) => c !== '');
    if (sh.curdir.startsWith('//') && sh.curdir[2] !== '/') lead = '//';
  } else {
    out = [];
    if (dir[1] === '/' && dir[2] !== '/') lead = '//';
  }
  for (const p of dir.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return lead + out.join('/');
}

function* getpwd(sh: ShState): UserGen<string> {
  const d = yield* getcwd();
  if (typeof d === 'string') return d;
  yield* warnx(sh, `getcwd() failed: ${strerror(-d)}`);
  return '';
}

/** setpwd(): remember the directory (PWD, and OLDPWD when changing). */
export function* setpwd(sh: ShState, val: string | null, setold: boolean): UserGen<void> {
  const oldcur = sh.curdir;
  if (setold) setvar(sh, 'OLDPWD', oldcur, VEXPORT);
  sh.physdir = '';
  let dir: string;
  if (oldcur === val || val === null) {
    const s = yield* getpwd(sh);
    sh.physdir = s;
    dir = val === null ? s : val;
  } else dir = val;
  sh.curdir = dir;
  setvar(sh, 'PWD', dir, VEXPORT);
}

export const cdState = { lastErr: 0 };

/** dash: "can't cd to X"; bash: "X: No such file or directory". */
export function cdError(sh: ShState, dest: string, err: number): ShError {
  return new ShError(`can't cd to ${dest}`, 2, `${dest}: ${strerror(err)}`);
}

export function* docd(sh: ShState, dest: string, physical: boolean): UserGen<boolean> {
  let dir: string | null = null;
  if (!physical) {
    dir = updatepwd(sh, dest);
    if (dir !== null) dest = dir;
  }
  const r = yield* chdir(dest);
  if (r < 0) {
    cdState.lastErr = -r;
    return false;
  }
  yield* setpwd(sh, dir, true);
  // dash's hashcd() marks every remembered command for a new search (`hash` shows them with
  // '*'); bash forgets the ones found through relative PATH entries.
  if (sh.bash) {
    for (const [k, v] of sh.cmdhash) if (v[0] !== '/') sh.cmdhash.delete(k);
  } else for (const k of sh.cmdhash.keys()) sh.cmdrehash.add(k);
  return true;
}

function* cdcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  const physical = cdopt(o);
  let print = false;
  let dest: string | null = o.rest()[0] ?? null;
  if (sh.bash && o.rest().length > 1) throw new ShError('too many arguments', 1);
  if (dest === null) {
    dest = lookupvar(sh, 'HOME');
    if (dest === null && sh.bash) throw new ShError('HOME not set', 1);
  } else if (dest === '-') {
    dest = lookupvar(sh, 'OLDPWD');
    if (dest === null && sh.bash) throw new ShError('OLDPWD not set', 1);
    print = true;
  }
  if (dest === null) dest = '';
  const original = dest;
  let done = false;
  const relativeDot = dest[0] === '.' && (dest.length === 1 || dest[1] === '/' ||
    (dest[1] === '.' && (dest.length === 2 || dest[2] === '/')));
  if (dest[0] !== '/' && !relativeDot) {
    if (dest === '') dest = '.';
    const cdpath = lookupvar(sh, 'CDPATH');
    if (cdpath !== null) {
      for (const entry of cdpath.split(':')) {
        const p = entry === '' ? dest : `${entry}/${dest}`;
        const st = yield* stat(p);
        if (typeof st !== 'number' && S_ISDIR(st.mode)) {
          if (entry !== '') print = true;
          if (!(yield* docd(sh, p, physical))) throw cdError(sh, original, cdState.lastErr);
          done = true;
          break;
        }
      }
    }
  }
  if (!done && !(yield* docd(sh, dest, physical))) throw cdError(sh, original, cdState.lastErr);
  if (print) out1(sh, `${sh.curdir}\n`);
  return 0;
}

function* pwdcmd(sh: ShState, argv: string[]): UserGen<number> {
  const physical = cdopt(new NextOpt(argv));
  let dir = sh.curdir;
  if (physical) {
    if (sh.physdir === '') yield* setpwd(sh, dir, false);
    dir = sh.physdir;
  }
  out1(sh, `${dir}\n`);
  return 0;
}

register('cd', 'u', cdcmd);
// dash's alias of cd; bash has no chdir builtin.
register('chdir', 'uD', cdcmd);
register('pwd', 'u', pwdcmd);
