// Finding and running commands, after dash's exec.c: find_command() (functions, builtins, the
// remembered-command table, then a PATH search with stat), shellexec() (execve each PATH
// candidate, remembering the most telling error; ENOEXEC runs the file with /bin/sh as dash's
// tryexec does) and the exit statuses 126/127 with messages "not found" / "Permission denied".
import type { FuncNode } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { EACCES, EINTR, ELOOP, ENAMETOOLONG, ENOENT, ENOEXEC, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { S_ISDIR, S_ISREG, X_OK } from '../../uapi/fcntl.ts';
import { access, execve, stat } from '../lib/sys.ts';
import { BUILTINS } from './builtins/table.ts';
import type { BuiltinDef } from './builtins/table.ts';
import { errmsg } from './redir.ts';
import { warnx } from './output.ts';
import type { ShState } from './state.ts';
import { environment, lookupvar, singleQuote } from './vars.ts';

export const DO_ERR = 1, DO_ABS = 2, DO_NOFUNC = 4, DO_ALTPATH = 8, DO_REGBLTIN = 16;
export const DEFPATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BSHELL = '/bin/sh';
const BASH = '/bin/bash';

export type CmdEntry =
  | { type: 'normal'; index: number; path: string | null }
  | { type: 'builtin'; b: BuiltinDef; name: string }
  | { type: 'function'; body: FuncNode }
  | { type: 'unknown' };

export function pathval(sh: ShState): string {
  return lookupvar(sh, 'PATH') ?? '';
}

/** padvance(): the candidate file names for `name` along `path` (an empty entry is "."). */
export function pathCandidates(path: string, name: string): string[] {
  return path.split(':').map((dir) => (dir === '' ? name : `${dir}/${name}`));
}

/** find_command(). */
export function* findCommand(sh: ShState, name: string, act: number, path: string): UserGen<CmdEntry> {
  if (name.includes('/')) {
    if (act & DO_ABS) {
      let st;
      do st = yield* stat(name); while (st === -EINTR);
      if (typeof st === 'number') return { type: 'unknown' };
    }
    return { type: 'normal', index: -1, path: name };
  }
  const defaultPath = path === pathval(sh);
  if (!(act & DO_NOFUNC)) {
    const f = sh.funcs.get(name);
    if (f) return { type: 'function', body: f };
  }
  const b = BUILTINS.get(name);
  if (b && (!sh.bash || !b.dashOnly) && !(b.bashOnly && !sh.bash) && !(sh.bash && sh.disabled.has(name))) return (b.entry ??= { type: 'builtin', b, name });
  if (act & DO_REGBLTIN) return { type: 'unknown' };
  const cands = pathCandidates(path, name);
  // A remembered entry answers at once unless a cd marked it for rehashing; then the search
  // starts over, but absolute directories before the remembered one are not looked at again
  // and reaching the remembered one keeps it (find_command()'s `prev`).
  let prev = -1;
  if (defaultPath) {
    const cached = sh.cmdhash.get(name);
    if (cached !== undefined) {
      const idx = cands.indexOf(cached);
      if (idx >= 0 && !sh.cmdrehash.has(name)) return { type: 'normal', index: idx, path: cached };
      prev = idx;
    }
  }
  let e = ENOENT;
  for (let idx = 0; idx < cands.length; idx++) {
    const full = cands[idx];
    if (full[0] === '/' && idx <= prev) {
      if (idx < prev) continue;
      sh.cmdrehash.delete(name);
      return { type: 'normal', index: idx, path: full };
    }
    let st;
    do st = yield* stat(full); while (st === -EINTR);
    if (typeof st === 'number') {
      if (-st !== ENOENT && -st !== ENOTDIR) e = -st;
      continue;
    }
    e = EACCES;
    if (!S_ISREG(st.mode)) continue;
    // Debian's dash also requires execute permission (faccessat(X_OK, AT_EACCESS)).
    if ((yield* access(full, X_OK)) < 0) continue;
    if (defaultPath) {
      sh.cmdhash.set(name, full);
      sh.cmdrehash.delete(name);
    }
    return { type: 'normal', index: idx, path: full };
  }
  if (defaultPath) sh.cmdhash.delete(name);
  if (act & DO_ERR) yield* warnx(sh, sh.bash ? `${name}: command not found` : `${name}: ${errmsg(e, 'exec')}`);
  return { type: 'unknown' };
}

/** tryexec(): execve, and for a file the kernel cannot run, run it as a script with /bin/sh. */
function* tryexec(cmd: string, argv: string[], envp: string[], bash: boolean): UserGen<number> {
  let e: number;
  do e = yield* execve(cmd, argv, envp); while (e === -EINTR);
  // Simplification for bash: it reads such a file in the forked child itself; we exec it.
  const shell = bash ? BASH : BSHELL;
  if (e === -ENOEXEC && cmd !== shell) {
    const a = [shell, cmd, ...argv.slice(1)];
    do e = yield* execve(shell, a, envp); while (e === -EINTR);
  }
  return -e;
}

/** `_=cmd` in place of an inherited `_=`, else at the end (update_export_env_inplace). */
function withCommandName(env: string[], cmd: string): string[] {
  const i = env.findIndex((e) => e.startsWith('_='));
  const out = env.slice();
  if (i >= 0) out[i] = `_=${cmd}`;
  else out.push(`_=${cmd}`);
  return out;
}

/**
 * shellexec(): exec argv[0] (directly when it has a slash, else each PATH entry from `idx` on).
 * Only returns on failure, with the status and message dash would use.
 */
export function* shellexec(sh: ShState, argv: string[], path: string, idx: number): UserGen<{ status: number; msg: string }> {
  const env = environment(sh);
  // bash's put_command_name_into_env(): the command's environment says `_=` its path.
  const envp = (cmd: string): string[] => (sh.bash ? withCommandName(env, cmd) : env);
  let e: number;
  if (argv[0].includes('/')) {
    e = yield* tryexec(argv[0], argv, envp(argv[0]), sh.bash);
  } else {
    e = ENOENT;
    for (const cand of pathCandidates(path, argv[0])) {
      if (--idx < 0) {
        const err = yield* tryexec(cand, argv, envp(cand), sh.bash);
        if (err !== ENOENT && err !== ENOTDIR) e = err;
      }
    }
  }
  const status = e === ELOOP || e === ENAMETOOLONG || e === ENOENT || e === ENOTDIR ? 127 : 126;
  if (sh.bash) {
    // bash names a directory as such (execve itself says EACCES).
    const st = e === EACCES ? yield* stat(argv[0]) : -1;
    const why = typeof st !== 'number' && S_ISDIR(st.mode) ? 'Is a directory'
      : argv[0].includes('/') || e !== ENOENT ? strerror(e) : 'command not found';
    return { status, msg: `${argv[0]}: ${why}` };
  }
  return { status, msg: `${argv[0]}: ${errmsg(e, 'exec')}` };
}

/** describe_command(): `type` (verbose) and `command -v` / `command -V`. */
export function* describeCommand(sh: ShState, command: string, path: string | null, verbose: boolean,
  keywords: readonly string[]): UserGen<{ out: string; status: number }> {
  let out = verbose ? command : '';
  if (keywords.includes(command)) {
    out += verbose ? ' is a shell keyword' : command;
    return { out: `${out}\n`, status: 0 };
  }
  // dash looks at the aliases next (bash's command -v only with expand_aliases, not here).
  const alias = sh.bash ? undefined : sh.aliases.get(command);
  if (alias !== undefined) {
    if (!verbose) return { out: `alias ${command}=${singleQuote(alias)}\n`, status: 0 };
    return { out: `${out} is an alias for ${alias}\n`, status: 0 };
  }
  let tracked = false;
  let entry: CmdEntry;
  const usePath = path ?? pathval(sh);
  if (path === null && sh.cmdhash.has(command) && !sh.funcs.has(command)) {
    tracked = true;
    entry = { type: 'normal', index: 0, path: sh.cmdhash.get(command)! };
  } else {
    entry = yield* findCommand(sh, command, DO_ABS, usePath);
    if (path !== null && entry.type === 'normal') tracked = false;
  }
  switch (entry.type) {
    case 'normal': {
      const p = entry.path ?? command;
      out += verbose ? ` is${tracked ? ' a tracked alias for' : ''} ${p}` : p;
      break;
    }
    case 'function':
      out += verbose ? ' is a shell function' : command;
      break;
    case 'builtin':
      out += verbose ? ` is a ${entry.b.special ? 'special ' : ''}shell builtin` : command;
      break;
    default:
      if (sh.bash) {
        // bash: command -V reports on stderr; -v says nothing.
        if (verbose) yield* warnx(sh, `${command}: not found`);
        return { out: '', status: 1 };
      }
      if (verbose) out += ': not found\n';
      return { out, status: 127 };
  }
  return { out: `${out}\n`, status: 0 };
}
