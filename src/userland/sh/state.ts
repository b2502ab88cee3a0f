// The interpreter's state: what dash keeps in globals (var.c's vartab, options.c's optlist and
// shellparam, eval.c's evalskip/exitstatus, trap.c's trap[]/sigmode[], jobs.c's jobtab). A fork
// copies it (forkClone), because the JS objects are shared between parent and child closures.
import type { FuncNode } from './ast.ts';
import { NSIG } from '../../uapi/signal.ts';
import type { CompSpec } from './compspec.ts';
import { cloneSpecs } from './compspec.ts';

export const VEXPORT = 1, VREADONLY = 2;
/** bash declare -i: assignments are evaluated as arithmetic. */
export const VINTEGER = 4;
/** bash declare -l / -u: values are converted to lower / upper case. */
export const VLOWER = 8, VUPPER = 16;
/** bash declare -n: a name reference. */
export const VNAMEREF = 32;

export interface Var {
  /** null: declared (export/readonly/local) but unset, as dash's VUNSET. */
  v: string | null;
  flags: number;
  /** bash indexed arrays; v mirrors element 0. */
  arr?: (string | undefined)[];
  /** bash associative arrays (declare -A). */
  assoc?: Map<string, string>;
  /** bash: an array declared but never assigned (set -u calls it unbound). */
  invisible?: boolean;
  /** dash VSTRFIXED: kept in the table when unset (special variables, locals). */
  fixed?: boolean;
  /** The fixed flag before `local` set it. */
  wasFixed?: boolean;
  /** Creation order, for dash's hash-table listing order. */
  seq?: number;
  /** LINENO before any assignment: its value is the current line. */
  lineno?: boolean;
  /** bash's dynamic variables (RANDOM, SECONDS, BASHPID...): computed when read. */
  dyn?: string;
}

/** dash's evalskip values. */
export const SKIPBREAK = 1, SKIPCONT = 2, SKIPFUNC = 4, SKIPFUNCDEF = 8;

/** evaltree flags (eval.h). */
export const EV_EXIT = 1, EV_TESTED = 2;

/** Option letters in dash's optlist order; $- lists them from the end. */
export const OPT_LETTERS = ['e', 'f', 'I', 'i', 'm', 'n', 's', 'x', 'v', 'V', 'E', 'C', 'a', 'b', 'u', 'p'] as const;
/** Debian's dash also has "privileged" (-p). */
export const OPT_NAMES = ['errexit', 'noglob', 'ignoreeof', 'interactive', 'monitor', 'noexec', 'stdin',
  'xtrace', 'verbose', 'vi', 'emacs', 'noclobber', 'allexport', 'notify', 'nounset', 'privileged', 'nolog', 'debug'];
export type OptLetter = (typeof OPT_LETTERS)[number];

export interface LocalEntry {
  name: string;
  /** The variable before `local` (undefined: it did not exist). '-' saves the options. */
  saved: Var | undefined;
  savedOpts?: Record<string, boolean>;
}

export interface ProcStat {
  pid: number;
  /** Raw wait status, or -1 while running. */
  status: number;
  cmd: string;
}

/** One level of redirections: fd -> saved copy (>= 10), or CLOSED (-1) to close on undo. */
export interface RedirTab {
  renamed: Map<number, number>;
}

/** bash's pseudo-signals (trap.h): after the real ones. */
export const DEBUG_TRAP = NSIG, ERR_TRAP = NSIG + 1, RETURN_TRAP = NSIG + 2;

export const JOBRUNNING = 0, JOBSTOPPED = 1, JOBDONE = 2;

export interface Job {
  id: number;
  ps: ProcStat[];
  state: number;
  stopstatus: number;
  changed: boolean;
  waited: boolean;
  jobctl: boolean;
  sigint: boolean;
}

/** Signal disposition bookkeeping (trap.c sigmode). */
export const S_DFL = 1, S_CATCH = 2, S_IGN = 3, S_HARD_IGN = 4, S_RESET = 5;

export class ShState {
  bash = false;
  /** bash: the state behind RANDOM, SECONDS, BASHPID, BASH_SUBSHELL and PIPESTATUS. */
  /** bash shopt options that are on. */
  shopt = new Set<string>();
  bashDyn = { seed: 1, startSec: 0, secondsBase: 0, nowNs: 0, pid: 0, subshell: 0, pipestatus: [] as number[] };
  vars = new Map<string, Var>();
  funcs = new Map<string, FuncNode>();
  opts: Record<string, boolean> = {};
  params: string[] = [];
  /** $0, and the name dash prints before error messages. */
  arg0 = 'sh';
  optind = 1;
  optoff = -1;
  exitstatus = 0;
  backExitstatus = 0;
  savestatus = -1;
  rootpid = 0;
  bgpid = 0;
  lineno = 0;
  /** The parser's line in the input being read (dash's plinno), for run-time syntax errors. */
  plinno = 0;
  errlinno = 0;
  funcline = 0;
  commandname: string | null = null;
  evalskip = 0;
  skipcount = 0;
  loopnest = 0;
  /** Frames of `local` variables; a function call pushes one. */
  locals: LocalEntry[][] = [];
  /** Trap commands by signal; 0 is EXIT and bash's DEBUG, ERR, RETURN follow the signals. */
  traps: (string | null)[] = new Array<string | null>(NSIG + 3).fill(null);
  /** bash: the DEBUG/ERR/RETURN trap being run (it does not fire again inside itself). */
  inPseudoTrap = 0;
  /** bash: descriptors of <(...) / >(...) still open in this shell. */
  procsubFds: number[] = [];
  /** bash pushd/popd: the directories below the current one. */
  dirstack: string[] = [];
  /** bash call frames, innermost first: functions and sourced files ('source'), with the file
   * they come from and the line they were called on (FUNCNAME, BASH_SOURCE, BASH_LINENO). */
  frames: { name: string; src: string; line: number }[] = [];
  /** bash: the files being sourced, innermost last. */
  sourceFiles: string[] = [];
  /** bash: the file each function was defined in. */
  funcSrc = new Map<string, string>();
  /** bash: while a DEBUG/ERR/RETURN trap runs, LINENO is the line of the command behind it. */
  trapLine = 0;
  sigmode: number[] = new Array<number>(NSIG).fill(0);
  gotsig: boolean[] = new Array<boolean>(NSIG).fill(false);
  pendingSig = 0;
  gotsigchld = false;
  intpending = false;
  /** Depth of forked subshells (dash's shlvl): 0 in the shell the user started. */
  shlvl = 0;
  /** In the child of vfork(), on its way to exec (dash's vforked). */
  vforked = false;
  /** This process's shell runs under trampoline(): function calls may use deepCall(). Not
   * copied by forkClone(): each child decides for its own generator chain. */
  trampolined = false;
  jobs: Job[] = [];
  /** Job ids in most-recent-first order (dash's curjob / prev_job chain). */
  jobOrder: number[] = [];
  jobctl = false;
  ttyfd = -1;
  initialpgrp = 0;
  /** alias name -> value (expanded by the parser, dash-style). */
  aliases = new Map<string, string>();
  /** Command lookup cache (dash's cmdtable): name -> directory index, for `hash`. */
  cmdhash = new Map<string, string>();
  /** dash's tblentry.rehash: names hashcd() marked after a cd, listed by `hash` with a '*'. */
  cmdrehash = new Set<string>();
  /** bash: how often each hashed command was run (hash's "hits"). */
  cmdhits = new Map<string, number>();
  /** bash: builtins turned off with `enable -n` (then looked up as functions/files). */
  disabled = new Set<string>();
  /** bash: completion specs of complete/compopt, by command name ('' for -D, -E, -I keys). */
  compspecs = new Map<string, CompSpec>();
  /** bash bind: key sequences (raw bytes) bound away from their defaults (null: unbound). */
  keymap = new Map<string, string | null>();
  /** bash bind -x: key sequence -> shell command. */
  bindx = new Map<string, string>();
  /** bash: the coprocess (sh_coproc), while it lives. */
  coproc: { name: string; pid: number; rfd: number; wfd: number } | null = null;
  inps4 = false;
  /** setinteractive()'s memory of the last setting (null: never set). */
  interactiveSet: boolean | null = null;
  /** cd.c: the logical and physical current directories. */
  curdir = '';
  physdir = '';
  minusc: string | null = null;
  /** bash: FUNCNAME and BASH_SOURCE stacks. */
  funcnames: string[] = [];
  /** bash: arrays `declare a=(...)` already assigned before the builtin runs (their names). */
  preassigned: Set<string> | null = null;
  /** bash: reading a script file (FUNCNAME then ends with "main"). */
  scriptFile = false;
  /** Name of the file being read by `.` (dash sets commandname to it). */
  dotName: string | null = null;

  // Per-process, not copied by fork:
  /** Buffered standard output of the running builtin (dash's out1), written when it returns. */
  out1 = '';
  /** Interpreter steps since the last cpu() charge. */
  steps = 0;
  /** Saved descriptors of active redirections, innermost last (dash's redirlist). */
  redirlist: RedirTab[] = [];
  /** Where `set -x` writes: fd 2 as it was before the command's own redirections. */
  xtraceFd = 2;
  /** Interactive line editing and history, when the shell is interactive. */
  history: string[] = [];
  /** The number of history entries dropped from the front (bash numbers on from them). */
  historyBase = 0;
  /** bash's hist_last_line_added: the line being run went into the history (fc skips it). */
  histLastAdded = false;

  /** bash: the file being read (a sourced file, the script, or "environment" for -c). */
  currentSource(): string {
    if (this.sourceFiles.length) return this.sourceFiles[this.sourceFiles.length - 1];
    return this.scriptFile ? this.arg0 : 'environment';
  }

  /** The aliases the parser expands: bash only with shopt expand_aliases (on when interactive). */
  parserAliases(): Map<string, string> | null {
    return this.bash && !this.shopt.has('expand_aliases') ? null : this.aliases;
  }

  forkClone(): ShState {
    const c = new ShState();
    c.bash = this.bash;
    c.trapLine = this.trapLine;
    c.scriptFile = this.scriptFile;
    c.historyBase = this.historyBase;
    c.inPseudoTrap = this.inPseudoTrap;
    c.procsubFds = this.procsubFds.slice();
    c.dirstack = this.dirstack.slice();
    c.frames = this.frames.slice();
    c.sourceFiles = this.sourceFiles.slice();
    c.funcSrc = new Map(this.funcSrc);
    c.shopt = new Set(this.shopt);
    c.bashDyn = { ...this.bashDyn, pipestatus: this.bashDyn.pipestatus.slice() };
    for (const [k, v] of this.vars) c.vars.set(k, { ...v, arr: v.arr ? v.arr.slice() : undefined, assoc: v.assoc ? new Map(v.assoc) : undefined });
    c.funcs = new Map(this.funcs);
    c.opts = { ...this.opts };
    c.params = this.params.slice();
    c.arg0 = this.arg0;
    c.optind = this.optind;
    c.optoff = this.optoff;
    c.exitstatus = this.exitstatus;
    c.backExitstatus = this.backExitstatus;
    c.savestatus = this.savestatus;
    c.rootpid = this.rootpid;
    c.bgpid = this.bgpid;
    c.lineno = this.lineno;
    c.plinno = this.plinno;
    c.errlinno = this.errlinno;
    c.funcline = this.funcline;
    c.commandname = this.commandname;
    c.evalskip = this.evalskip;
    c.skipcount = this.skipcount;
    c.loopnest = this.loopnest;
    c.locals = this.locals.map((f) => f.map((e) => ({
      name: e.name,
      saved: e.saved ? { v: e.saved.v, flags: e.saved.flags, arr: e.saved.arr?.slice(), assoc: e.saved.assoc ? new Map(e.saved.assoc) : undefined } : undefined,
      savedOpts: e.savedOpts ? { ...e.savedOpts } : undefined,
    })));
    c.traps = this.traps.slice();
    c.sigmode = this.sigmode.slice();
    c.gotsig = this.gotsig.slice();
    c.pendingSig = this.pendingSig;
    c.shlvl = this.shlvl;
    c.jobs = this.jobs.map((j) => ({ ...j, ps: j.ps.map((p) => ({ ...p })) }));
    c.jobOrder = this.jobOrder.slice();
    c.jobctl = this.jobctl;
    c.ttyfd = this.ttyfd;
    c.initialpgrp = this.initialpgrp;
    c.cmdhash = new Map(this.cmdhash);
    c.cmdrehash = new Set(this.cmdrehash);
    c.cmdhits = new Map(this.cmdhits);
    c.disabled = new Set(this.disabled);
    c.compspecs = cloneSpecs(this.compspecs);
    c.keymap = new Map(this.keymap);
    c.bindx = new Map(this.bindx);
    c.coproc = this.coproc ? { ...this.coproc } : null;
    c.aliases = new Map(this.aliases);
    c.inps4 = this.inps4;
    c.interactiveSet = this.interactiveSet;
    c.curdir = this.curdir;
    c.physdir = this.physdir;
    c.minusc = this.minusc;
    c.funcnames = this.funcnames.slice();
    c.dotName = this.dotName;
    c.redirlist = [];
    c.history = this.history;
    return c;
  }
}
