// The shell program, after dash's main()/procargs(): initialise variables from the environment,
// read the options (-c, -s, -i, -e ..., -o name), take $0 and the positional parameters, read
// the login profiles, then run -c's string (the last command exec'd directly) and/or the command
// loop over a script, stdin or the terminal; finally exitshell() runs the EXIT trap.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { SIGCHLD } from '../../uapi/signal.ts';
import { writeAll } from '../lib/io.ts';
import { clockGettime, close, getpid, getppid, geteuid, getuid, stat, tcgetattr, uname } from '../lib/sys.ts';
import { trampoline } from '../lib/trampoline.ts';
import { expandPrompt } from './prompt.ts';
import { ShError, ShExit, SyntaxErr } from './errors.ts';
import { exitshell, topLevelStatus } from './child.ts';
import { FdInput, cmdloop, openScript } from './cmdloop.ts';
import { evalstring } from './evalstring.ts';
import { optschanged } from './options.ts';
import { errStatus, flushOut, reportError } from './output.ts';
import { ShState, EV_EXIT, OPT_LETTERS, OPT_NAMES, VEXPORT, VINTEGER, VREADONLY } from './state.ts';
import { setsignal } from './trap.ts';
import { importEnv, initVars, lookupvar, setvar } from './vars.ts';
import { setpwd } from './builtins/cd.ts';
import { LineInput } from './lineedit.ts';
import './builtins/index.ts';
import { SHOPT_DEFAULTS } from './builtins/shopt.ts';
import { BASH_SET_O, bashDefaultOpts, cmdlineOptList } from './builtins/set.ts';

const BASH_VERSION_TEXT = `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;
const BASH_USAGE_TEXT = `Usage:\tbash [GNU long option] [option] ...
\tbash [GNU long option] [option] script-file ...
GNU long options:
${['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile',
    'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'].map((o) => `\t--${o}\n`).join('')}Shell options:
\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)
\t-abefhkmnptuvxBCEHPT or -o option
`;
const BASH_HELP_TAIL = `Type \`bash -c "help set"' for more information about shell options.
Type \`bash -c help' for more information about shell builtin commands.
Use the \`bashbug' command to report bugs.

bash home page: <http://www.gnu.org/software/bash>
General help using GNU software: <http://www.gnu.org/gethelp/>
`;

function* isatty(fd: number): UserGen<boolean> {
  return typeof (yield* tcgetattr(fd)) !== 'number';
}

/** procargs(): returns whether this is a login shell; throws ShError on a bad option. */
function procargs(sh: ShState, argv: readonly string[]): { login: boolean; rest: string[]; minusc: string | null } {
  let login = !!argv[0] && argv[0][0] === '-';
  sh.arg0 = argv[0] ?? 'sh';
  const opts: Record<string, number> = {};
  for (const l of OPT_LETTERS) opts[l] = 2;
  let i = 1;
  let minusc: string | null = null;
  let cflag = false;
  for (; i < argv.length; i++) {
    const p = argv[i];
    const c0 = p[0];
    if (c0 !== '-' && c0 !== '+') break;
    if (c0 === '-' && (p.length === 1 || p === '--')) {
      i++;
      break;
    }
    const val = c0 === '-' ? 1 : 0;
    for (const c of p.slice(1)) {
      if (c === 'c') cflag = true;
      else if (c === 'l') login = true;
      else if (c === 'o') {
        const name = argv[i + 1];
        const brow = sh.bash && name !== undefined ? BASH_SET_O.find((r) => r[0] === name) : undefined;
        if (brow) {
          if ((OPT_LETTERS as readonly string[]).includes(brow[1])) opts[brow[1]] = val;
          else sh.opts[brow[1]] = !!val;
          i++;
        } else if (name !== undefined) {
          const k = OPT_NAMES.indexOf(name);
          if (k < 0 || (sh.bash && k >= OPT_LETTERS.length)) {
            if (sh.bash && name === 'pipefail') { sh.opts.pipefail = !!val; i++; continue; }
            throw new ShError(`Illegal option -o ${name}`);
          }
          opts[OPT_LETTERS[k] ?? `_${name}`] = val;
          i++;
        } else if (!sh.bash) {
          sh.out1 += cmdlineOptList((k) => opts[OPT_LETTERS[k] ?? `_${OPT_NAMES[k]}`] ?? 2, !!val);
        }
      } else if ((OPT_LETTERS as readonly string[]).includes(c)) opts[c] = val;
      else if (sh.bash && (c === 'B' || c === 'H' || c === 'P' || c === 'T' || c === 'h' || c === 'k' || c === 't')) sh.opts[c] = !!val;
      else if (sh.bash && c === 'O') continue;
      else throw new ShError(`Illegal option -${c}`);
    }
  }
  let rest = argv.slice(i);
  if (cflag) {
    if (rest.length === 0) throw new ShError('-c requires an argument');
    minusc = rest[0];
    rest = rest.slice(1);
  } else if (rest.length === 0) opts.s = 1;
  for (const l of OPT_LETTERS) sh.opts[l] = opts[l] === 1;
  for (const n of OPT_NAMES.slice(OPT_LETTERS.length)) if (opts[`_${n}`] === 1) sh.opts[`_${n}`] = true;
  (sh as ShState & { iflag2?: boolean; mflag2?: boolean }).iflag2 = opts.i === 2;
  (sh as ShState & { mflag2?: boolean }).mflag2 = opts.m === 2;
  return { login, rest, minusc };
}

function* shellMain(args: ProgramArgs, bash: boolean): UserGen<number> {
  const sh = new ShState();
  sh.bash = bash;
  sh.trampolined = true;
  sh.rootpid = yield* getpid();
  const euid = yield* geteuid();
  // INIT blocks: trap.c (SIGCHLD), var.c (variables, environment, PPID, PWD).
  yield* setsignal(sh, SIGCHLD);
  initVars(sh, euid);
  importEnv(sh, args.envp);
  setvar(sh, 'IFS', ' \t\n');
  setvar(sh, 'OPTIND', '1');
  setvar(sh, 'PPID', String(yield* getppid()));
  if (bash) yield* initBashVars(sh, args);
  let pwd = lookupvar(sh, 'PWD');
  if (pwd !== null) {
    const a = yield* stat(pwd);
    const b = yield* stat('.');
    if (pwd[0] !== '/' || typeof a === 'number' || typeof b === 'number' || a.dev !== b.dev || a.ino !== b.ino) pwd = null;
  }
  let status: number;
  try {
    yield* setpwd(sh, pwd, false);
    let pa;
    let argv = args.argv;
    const longOpts = { norc: false, noprofile: false, login: false, rcfile: null as string | null };
    if (bash) {
      // bash's GNU long options come before the others.
      let i = 1;
      for (; i < argv.length && argv[i].startsWith('--') && argv[i].length > 2; i++) {
        const o = argv[i].slice(2);
        if (o === 'version') {
          yield* writeAll(1, BASH_VERSION_TEXT);
          return 0;
        }
        if (o === 'help') {
          yield* writeAll(1, `GNU bash, version 5.2.15(1)-release-(x86_64-pc-linux-gnu)\n${BASH_USAGE_TEXT}${BASH_HELP_TAIL}`);
          return 0;
        }
        if (o === 'norc') longOpts.norc = true;
        else if (o === 'noprofile') longOpts.noprofile = true;
        else if (o === 'login') longOpts.login = true;
        else if (o === 'rcfile' || o === 'init-file') longOpts.rcfile = argv[++i] ?? null;
        else if (o === 'posix') sh.opts.posix = true;
        else if (o === 'verbose') sh.opts.v = true;
        else if (!['noediting', 'restricted', 'debug', 'debugger', 'dump-strings', 'dump-po-strings', 'pretty-print'].includes(o)) {
          yield* writeAll(2, `${argv[0] ?? 'bash'}: ${argv[i]}: invalid option\n${BASH_USAGE_TEXT}`);
          return 2;
        }
      }
      argv = [argv[0], ...argv.slice(i)];
    }
    try {
      pa = procargs(sh, argv);
    } catch (e) {
      if (e instanceof ShError) {
        sh.arg0 = args.argv[0] ?? 'sh';
        yield* reportError(sh, e);
        // exitshell() flushes out1: a -o list printed before the bad option still appears.
        yield* flushOut(sh);
        return 2;
      }
      throw e;
    }
    const { minusc } = pa;
    const login = pa.login || longOpts.login;
    let rest = pa.rest;
    const s = sh as ShState & { iflag2?: boolean; mflag2?: boolean };
    if (s.iflag2 && sh.opts.s && (yield* isatty(0)) && (yield* isatty(1))) sh.opts.i = true;
    if (s.mflag2) sh.opts.m = !!sh.opts.i;
    if (bash && sh.opts.i) {
      sh.shopt.add('expand_aliases');
      sh.opts.emacs = sh.opts.history = sh.opts.H = true;
    }
    if (bash && login) sh.shopt.add('login_shell');
    sh.minusc = minusc;
    let scriptFd = -1;
    if (minusc !== null) {
      if (rest.length) {
        sh.arg0 = rest[0];
        rest = rest.slice(1);
      }
    } else if (!sh.opts.s) {
      try {
        scriptFd = yield* openScript(rest[0]);
      } catch (e) {
        if (e instanceof ShError) {
          yield* reportError(sh, e);
          return 2;
        }
        throw e;
      }
      sh.arg0 = rest[0];
      rest = rest.slice(1);
      sh.scriptFile = true;
    }
    sh.params = rest;
    yield* optschanged(sh);
    const home = lookupvar(sh, 'HOME') ?? '';
    if (login && !longOpts.noprofile) {
      yield* readProfile(sh, '/etc/profile');
      if (!bash) yield* readProfile(sh, `${home}/.profile`);
      else {
        // bash reads the first of these that exists.
        for (const f of ['.bash_profile', '.bash_login', '.profile']) {
          if (yield* readProfile(sh, `${home}/${f}`)) break;
        }
      }
    } else if (bash && sh.opts.i && minusc === null && !login && !longOpts.norc) {
      if (longOpts.rcfile !== null) yield* readProfile(sh, longOpts.rcfile);
      else {
        yield* readProfile(sh, '/etc/bash.bashrc');
        yield* readProfile(sh, `${home}/.bashrc`);
      }
    }
    if (sh.opts.i && !bash) {
      const env = lookupvar(sh, 'ENV');
      if (env) yield* readProfile(sh, yield* expandPrompt(sh, env));
    }
    let errorInMinusc = false;
    if (minusc !== null) {
      try {
        // bash execs the last command of a -c string in place (its ONESHOT path); Debian's dash
        // 0.5.12 keeps itself as the parent of every command it runs for -c, as it does for a
        // script file (checked with ps on the host: `dash -c 'sleep 1'` has a sleep child).
        yield* evalstring(sh, minusc, sh.opts.s || !bash ? 0 : EV_EXIT);
      } catch (e) {
        if (!bash && sh.opts.i && e instanceof ShError) {
          // main()'s handler sends an interactive shell whose -c string failed on to state4:
          // cmdloop(1) reads commands from stdin.
          yield* reportError(sh, e);
          sh.exitstatus = errStatus(sh, e);
          errorInMinusc = true;
        } else if (bash && e instanceof SyntaxErr && e.prefix === undefined) {
          // bash names the -c string "-c" in its syntax errors ...
          e.prefix = `${sh.arg0}: -c: line ${e.line}: `;
        } else if (bash && e instanceof ShError && !(e instanceof SyntaxErr) && !e.discard) {
          // ... and leaves a -c string that failed in an expansion with status 127.
          e.bashStatus = 127;
        }
        if (!errorInMinusc) throw e;
      }
    }
    if (sh.opts.s || minusc === null || errorInMinusc) {
      const input = scriptFd >= 0 ? new FdInput(scriptFd)
        : sh.opts.i && (yield* isatty(0)) ? new LineInput(0) : new FdInput(0, !!sh.opts.i && sh.bash);
      yield* cmdloop(sh, input, true);
    }
    status = sh.exitstatus;
  } catch (e) {
    status = yield* topLevelStatus(sh, e);
    if (e instanceof ShExit) status = e.status;
  }
  return yield* exitshell(sh, status);
}

/** read_profile(): run a file if it can be opened (login shells, $ENV); false if it cannot. */
function* readProfile(sh: ShState, name: string): UserGen<boolean> {
  let fd: number;
  try {
    fd = yield* openScript(name);
  } catch (e) {
    if (e instanceof ShError) return false;
    throw e;
  }
  try {
    yield* cmdloop(sh, new FdInput(fd), false);
  } finally {
    yield* close(fd);
  }
  return true;
}

function* initBashVars(sh: ShState, args: ProgramArgs): UserGen<void> {
  setvar(sh, 'PS1', '\\s-\\v\\$ ');
  setvar(sh, 'BASH_VERSION', '5.2.15(1)-release');
  setvar(sh, 'BASH', '/bin/bash');
  if (args.argv[0]) setvar(sh, 'SHELL', lookupvar(sh, 'SHELL') ?? '/bin/bash', VEXPORT & 0);
  const d = sh.bashDyn;
  d.nowNs = yield* clockGettime(0);
  d.startSec = Math.floor(d.nowNs / 1e9);
  d.pid = sh.rootpid;
  d.seed = (d.startSec ^ sh.rootpid) >>> 0;
  for (const name of ['RANDOM', 'SECONDS', 'BASHPID', 'BASH_SUBSHELL', 'PIPESTATUS', 'EPOCHSECONDS', 'EPOCHREALTIME']) {
    sh.vars.set(name, { v: '', flags: 0, dyn: name });
  }
  const info = ['5', '2', '15', '1', 'release', 'x86_64-pc-linux-gnu'];
  sh.vars.set('BASH_VERSINFO', { v: info[0], flags: VREADONLY, arr: info });
  const uid = yield* getuid();
  const euid = yield* geteuid();
  setvar(sh, 'UID', String(uid), VREADONLY | VINTEGER);
  setvar(sh, 'EUID', String(euid), VREADONLY | VINTEGER);
  setvar(sh, 'PPID', lookupvar(sh, 'PPID') ?? '', VREADONLY | VINTEGER);
  const u = yield* uname();
  if (typeof u !== 'number') {
    setvar(sh, 'HOSTNAME', u.nodename);
    setvar(sh, 'HOSTTYPE', u.machine);
    setvar(sh, 'MACHTYPE', `${u.machine}-pc-linux-gnu`);
  }
  setvar(sh, 'OSTYPE', 'linux-gnu');
  // $_ starts as the one in the environment, else the shell's argv[0].
  if (lookupvar(sh, '_') === null) setvar(sh, '_', args.argv[0] ?? 'bash');
  if (!sh.vars.has('OLDPWD')) setvar(sh, 'OLDPWD', null, VEXPORT);
  const lvl = Number.parseInt(lookupvar(sh, 'SHLVL') ?? '0', 10);
  setvar(sh, 'SHLVL', String((Number.isFinite(lvl) && lvl >= 0 ? lvl : 0) + 1), VEXPORT);
  setvar(sh, 'OPTERR', '1');
  setvar(sh, 'IFS', ' \t\n');
  sh.vars.set('LINENO', { v: '', flags: 0, lineno: true });
  for (const n of SHOPT_DEFAULTS) sh.shopt.add(n);
  bashDefaultOpts(sh);
  sh.vars.set('BASHOPTS', { v: '', flags: VREADONLY, dyn: 'BASHOPTS' });
  sh.vars.set('SHELLOPTS', { v: '', flags: VREADONLY, dyn: 'SHELLOPTS' });
}

export function shMain(args: ProgramArgs): UserGen<number> {
  return trampoline(shellMain(args, false));
}

export function bashMain(args: ProgramArgs): UserGen<number> {
  return trampoline(shellMain(args, true));
}
