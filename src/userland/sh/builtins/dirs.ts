// bash's directory stack (pushd.def): dirs, pushd and popd over sh.dirstack, the entries
// below the current directory; DIRSTACK shows them all.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { ShError } from '../errors.ts';
import { out1 } from '../output.ts';
import type { ShState } from '../state.ts';
import { lookupvar } from '../vars.ts';
import { cdError, cdState, docd } from './cd.ts';
import { register } from './table.ts';

/** polite_directory_format(): $HOME shown as ~. */
function polite(sh: ShState, dir: string): string {
  const home = lookupvar(sh, 'HOME');
  if (home && home.length > 1 && dir.startsWith(home) && (dir.length === home.length || dir[home.length] === '/')) {
    return `~${dir.slice(home.length)}`;
  }
  return dir;
}

function fullList(sh: ShState): string[] {
  return [sh.curdir, ...sh.dirstack];
}

/** +N / -N: an index into the full list, or null if out of range. */
function listIndex(sh: ShState, arg: string): number | null {
  const n = Number(arg.slice(1));
  const len = sh.dirstack.length + 1;
  if (n >= len) return null;
  return arg[0] === '+' ? n : len - 1 - n;
}

function printDirs(sh: ShState, mode: { long: boolean; vertical: boolean; lines: boolean }): void {
  const list = fullList(sh).map((d) => (mode.long ? d : polite(sh, d)));
  if (mode.vertical) list.forEach((d, i) => out1(sh, `${String(i).padStart(2)}  ${d}\n`));
  else if (mode.lines) for (const d of list) out1(sh, `${d}\n`);
  else out1(sh, `${list.join(' ')}\n`);
}

function* dirscmd(sh: ShState, argv: string[]): UserGen<number> {
  const mode = { long: false, vertical: false, lines: false };
  let which: string | null = null;
  for (const a of argv.slice(1)) {
    if (/^[+-]\d+$/.test(a)) { which = a; continue; }
    if (a === '-c') { sh.dirstack = []; return 0; }
    if (!/^-[lvp]+$/.test(a)) throw new ShError(`${a}: invalid option`, 1, `${a}: invalid option`);
    if (a.includes('l')) mode.long = true;
    if (a.includes('v')) mode.vertical = true;
    if (a.includes('p')) mode.lines = true;
  }
  if (which !== null) {
    const i = listIndex(sh, which);
    if (i === null) throw new ShError(`${which}: directory stack index out of range`, 1);
    const d = fullList(sh)[i];
    out1(sh, `${mode.long ? d : polite(sh, d)}\n`);
    return 0;
  }
  printDirs(sh, mode);
  return 0;
}

function* cdTo(sh: ShState, dir: string): UserGen<void> {
  if (!(yield* docd(sh, dir, false))) throw cdError(sh, dir, cdState.lastErr);
}

function* pushdcmd(sh: ShState, argv: string[]): UserGen<number> {
  let args = argv.slice(1);
  let nocd = false;
  if (args[0] === '-n') { nocd = true; args = args.slice(1); }
  if (args[0] === '--') args = args.slice(1);
  const arg = args[0];
  if (arg === undefined) {
    if (!sh.dirstack.length) throw new ShError('no other directory', 1);
    const top = sh.dirstack[0];
    if (!nocd) {
      const cur = sh.curdir;
      yield* cdTo(sh, top);
      sh.dirstack[0] = cur;
    } else sh.dirstack.splice(0, 2, sh.dirstack[1] ?? top, ...(sh.dirstack[1] !== undefined ? [top] : []));
  } else if (/^[+-]\d+$/.test(arg)) {
    const i = listIndex(sh, arg);
    if (i === null) throw new ShError(`${arg}: directory stack index out of range`, 1);
    const list = fullList(sh);
    const rotated = [...list.slice(i), ...list.slice(0, i)];
    if (!nocd) yield* cdTo(sh, rotated[0]);
    sh.dirstack = rotated.slice(1);
  } else if (nocd) {
    sh.dirstack.unshift(arg);
  } else {
    const cur = sh.curdir;
    yield* cdTo(sh, arg);
    sh.dirstack.unshift(cur);
  }
  printDirs(sh, { long: false, vertical: false, lines: false });
  return 0;
}

function* popdcmd(sh: ShState, argv: string[]): UserGen<number> {
  let args = argv.slice(1);
  let nocd = false;
  if (args[0] === '-n') { nocd = true; args = args.slice(1); }
  const arg = args[0];
  if (!sh.dirstack.length) throw new ShError('directory stack empty', 1);
  let i = 0;
  if (arg !== undefined) {
    if (!/^[+-]\d+$/.test(arg)) throw new ShError(`${arg}: invalid argument`, 1);
    const k = listIndex(sh, arg);
    if (k === null) throw new ShError(`${arg}: directory stack index out of range`, 1);
    i = k;
  }
  if (i === 0) {
    if (nocd) sh.dirstack.shift();
    else {
      yield* cdTo(sh, sh.dirstack[0]);
      sh.dirstack.shift();
    }
  } else sh.dirstack.splice(i - 1, 1);
  printDirs(sh, { long: false, vertical: false, lines: false });
  return 0;
}

register('dirs', 'uB', dirscmd);
register('pushd', 'uB', pushdcmd);
register('popd', 'uB', popdcmd);
