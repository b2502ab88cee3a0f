// bash's complete, compgen and compopt (builtins/complete.def): complete stores compspecs by
// command name and prints them back (`complete -p`, in bash's hash-table order); compgen
// evaluates a compspec made of its options against a word; compopt changes stored options.
import type { UserGen } from '../../../uapi/syscalls.ts';
import type { BinNode, Node } from '../ast.ts';
import { makeArray, setElement } from '../basharray.ts';
import { arrayValues } from '../basharray.ts';
import { assocKeys } from '../basharray.ts';
import { evalBackcmd } from '../backcmd.ts';
import { defaultCompletions, genCompletions } from '../compgen.ts';
import type { CompContext, CompRunner } from '../compgen.ts';
import type { CompSpec } from '../compspec.ts';
import { COMPACTS, COMPOPTS, DEFAULTCMD, EMPTYCMD, INITIALWORD } from '../compspec.ts';
import { ShError } from '../errors.ts';
import { evalfun } from '../evalfun.ts';
import { expandArgs } from '../expand.ts';
import { err2, out1, warnx } from '../output.ts';
import { parseAll } from '../parser.ts';
import type { ShState } from '../state.ts';
import { setvar, unsetvar } from '../vars.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

/** bash's sh_single_quote(): 'text' with each quote as '\''. */
function sq(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** sh_contains_shell_metas(). */
function hasMetas(s: string): boolean {
  return /[ \t\n'"\\|&;()<>!{}*[?\]^$`]/.test(s) || s.startsWith('~') || s.startsWith('#');
}

function cmdName(k: string): string {
  if (k === DEFAULTCMD) return '-D';
  if (k === EMPTYCMD) return '-E';
  if (k === INITIALWORD) return '-I';
  return k === '' ? "''" : hasMetas(k) ? sq(k) : k;
}

/** print_one_completion(). */
function specLine(k: string, cs: CompSpec): string {
  let s = 'complete ';
  for (const o of COMPOPTS) if (cs.options.has(o)) s += `-o ${o} `;
  for (const [a, c] of COMPACTS) if (c && cs.actions.has(a)) s += `-${c} `;
  for (const [a, c] of COMPACTS) if (!c && cs.actions.has(a)) s += `-A ${a} `;
  const args: [string | undefined, string][] = [[cs.globpat, '-G'], [cs.words, '-W'], [cs.prefix, '-P'],
    [cs.suffix, '-S'], [cs.filterpat, '-X'], [cs.command, '-C']];
  for (const [v, f] of args) if (v !== undefined) s += `${f} ${sq(v)} `;
  if (cs.funcname !== undefined) s += `-F ${hasMetas(cs.funcname) ? sq(cs.funcname) : cs.funcname} `;
  return `${s}${cmdName(k)}\n`;
}

const COMPLETE_USAGE = 'complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]';

interface Parsed { cs: CompSpec; flags: string; given: boolean; rest: string[] }

/** build_actions(): the compspec the options describe, and -p -r -D -E -I (complete only). */
function* buildActions(sh: ShState, argv: string[], full: boolean): UserGen<Parsed | number> {
  const o = new NextOpt(argv);
  const cs: CompSpec = { actions: new Set(), options: new Set() };
  let flags = '';
  let given = false;
  const short = new Map(COMPACTS.filter((a) => a[1]).map(([a, c]) => [c, a]));
  for (let c; (c = o.next('abcdefgjko:prsuvA:G:W:P:S:X:F:C:DEI'));) {
    given = true;
    if ('prDEI'.includes(c)) {
      if (!full) throw Object.assign(new ShError(`-${c}: invalid option`, 2), { bashStatus: 2, bashUsage: 'builtin' });
      flags += c;
    } else if (short.has(c)) cs.actions.add(short.get(c)!);
    else if (c === 'o') {
      if (!COMPOPTS.includes(o.optarg)) { yield* warnx(sh, `${o.optarg}: invalid option name`); return 2; }
      cs.options.add(o.optarg);
    } else if (c === 'A') {
      if (!COMPACTS.some((a) => a[0] === o.optarg)) { yield* warnx(sh, `${o.optarg}: invalid action name`); return 2; }
      cs.actions.add(o.optarg);
    } else if (c === 'F') {
      // check_identifier() (outside posix mode), then shell_break_chars.
      if (/[ \t\n|&;()<>]/.test(o.optarg)) {
        yield* warnx(sh, `\`${o.optarg}': not a valid identifier`);
        return 2;
      }
      cs.funcname = o.optarg;
    } else {
      const key = ({ G: 'globpat', W: 'words', P: 'prefix', S: 'suffix', X: 'filterpat', C: 'command' } as const)[c as 'G'];
      cs[key] = o.optarg;
    }
  }
  return { cs, flags, given, rest: o.rest() };
}

function* completecmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length < 2) {
    for (const k of assocKeys(sh.compspecs, 512)) out1(sh, specLine(k, sh.compspecs.get(k)!));
    return 0;
  }
  const p = yield* buildActions(sh, argv, true);
  if (typeof p === 'number') return p;
  const f = p.flags;
  const keyed = f.includes('D') ? [DEFAULTCMD] : f.includes('E') ? [EMPTYCMD] : f.includes('I') ? [INITIALWORD] : null;
  const names = keyed ?? p.rest;
  if (f.includes('p') || (!p.rest.length && !p.given)) {
    if (!keyed && !p.rest.length) return yield* completecmd(sh, ['complete']);
    let status = 0;
    for (const n of names) {
      const cs = sh.compspecs.get(n);
      if (cs) out1(sh, specLine(n, cs));
      else { yield* warnx(sh, `${n}: no completion specification`); status = 1; }
    }
    return status;
  }
  if (f.includes('r')) {
    if (!keyed && !p.rest.length) { sh.compspecs.clear(); return 0; }
    let status = 0;
    for (const n of names) {
      if (!sh.compspecs.delete(n)) { yield* warnx(sh, `${n}: no completion specification`); status = 1; }
    }
    return status;
  }
  if (!names.length) {
    // builtin_usage() alone, without an error line.
    yield* err2(`complete: usage: ${COMPLETE_USAGE}\n`);
    return 2;
  }
  // One spec shared by every name, as progcomp_insert() shares it (compopt changes them all).
  for (const n of names) sh.compspecs.set(n, p.cs);
  return 0;
}

/** -W words: split and expanded as command words are, without pathname expansion. */
function* expandWords(sh: ShState, words: string): UserGen<string[]> {
  let nodes: Node[];
  try {
    nodes = parseAll(`: ${words}`, true);
  } catch {
    return words.split(/[ \t\n]+/).filter((w) => w !== '');
  }
  const n = nodes[0];
  if (!n || n.type !== 'cmd') return [];
  const noglob = sh.opts.f;
  sh.opts.f = true;
  try {
    return (yield* expandArgs(sh, n.args.slice(1)));
  } finally {
    sh.opts.f = noglob;
  }
}

/** pcomp_curcs/pcomp_curcmd: the compspec (a copy) of the Tab completion in progress. */
export const completing: { cmd: string; cs: CompSpec | null } = { cmd: '', cs: null };

const COMP_VARS = ['COMP_LINE', 'COMP_POINT', 'COMP_TYPE', 'COMP_KEY', 'COMP_CWORD', 'COMP_WORDS'];

/** gen_shell_function_matches(): run the function, take COMPREPLY (null: no such function). */
function* callFunction(sh: ShState, name: string, args: string[], ctx: CompContext | null): UserGen<string[] | null> {
  const fn = sh.funcs.get(name);
  if (!fn) {
    const saved = sh.commandname;
    sh.commandname = 'completion';
    yield* warnx(sh, `function \`${name}' not found`);
    sh.commandname = saved;
    return null;
  }
  setvar(sh, 'COMP_LINE', ctx?.line ?? '');
  setvar(sh, 'COMP_POINT', String(ctx?.point ?? 0));
  // COMP_TYPE/COMP_KEY: TAB (9) for a completion the editor asked for.
  setvar(sh, 'COMP_TYPE', ctx ? '9' : '0');
  setvar(sh, 'COMP_KEY', ctx ? '9' : '0');
  setvar(sh, 'COMP_CWORD', String(ctx?.cword ?? -1));
  makeArray(sh, 'COMP_WORDS', false);
  ctx?.words.forEach((w, i) => setElement(sh, 'COMP_WORDS', String(i), w, false));
  yield* evalfun(sh, fn, [name, ...args], 0);
  const reply = arrayValues(sh, 'COMPREPLY');
  for (const v of COMP_VARS) unsetvar(sh, v);
  unsetvar(sh, 'COMPREPLY');
  return reply;
}

/** gen_command_matches(): the lines the command prints. */
function* runCommand(sh: ShState, cmd: string): UserGen<string[]> {
  const nodes = parseAll(cmd, true);
  if (!nodes.length) return [];
  const tree = nodes.reduce((l, r): BinNode => ({ type: 'semi', left: l, right: r, line: l.line }));
  const out = yield* evalBackcmd(sh, tree);
  return out.split('\n').filter((l) => l !== '');
}

export const COMP_RUNNER: CompRunner = { expandWords, callFunction, runCommand };
const RUNNER = COMP_RUNNER;

function* compgencmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length < 2) return 0;
  const p = yield* buildActions(sh, argv, false);
  if (typeof p === 'number') return p;
  if (!p.given) return 0;
  const word = p.rest[0] ?? '';
  if (p.cs.funcname !== undefined) yield* warnx(sh, 'warning: -F option may not work as you expect');
  if (p.cs.command !== undefined) yield* warnx(sh, 'warning: -C option may not work as you expect');
  let list = yield* genCompletions(sh, p.cs, 'compgen', word, RUNNER);
  if (!list.length) list = yield* defaultCompletions(sh, p.cs, word);
  for (const w of list) out1(sh, `${w}\n`);
  return list.length ? 0 : 1;
}

/** compopt [-o|+o option] [-DEI] [name ...]; without a name only inside a completion function. */
function* compoptcmd(sh: ShState, argv: string[]): UserGen<number> {
  const on = new Set<string>();
  const off = new Set<string>();
  let key: string | null = null;
  let i = 1;
  for (; i < argv.length && /^[-+]./.test(argv[i]) && argv[i] !== '--'; i++) {
    const a = argv[i];
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'o') {
        const name = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (name === undefined) throw Object.assign(new ShError('-o: option requires an argument', 2), { bashStatus: 2, bashUsage: 'builtin' });
        if (!COMPOPTS.includes(name)) { yield* warnx(sh, `${name}: invalid option name`); return 2; }
        (a[0] === '-' ? on : off).add(name);
        break;
      }
      if (c === 'D' || c === 'E' || c === 'I') key ??= c === 'D' ? DEFAULTCMD : c === 'E' ? EMPTYCMD : INITIALWORD;
      else throw Object.assign(new ShError(`${a[0]}${c}: invalid option`, 2), { bashStatus: 2, bashUsage: 'builtin' });
    }
  }
  if (argv[i] === '--') i++;
  const names = key ? [key] : argv.slice(i);
  if (!names.length && !completing.cs) {
    yield* warnx(sh, 'not currently executing completion function');
    return 1;
  }
  let status = 0;
  for (const n of names.length ? names : [completing.cmd]) {
    const cs = names.length ? sh.compspecs.get(n) : completing.cs;
    if (!cs) { yield* warnx(sh, `${n}: no completion specification`); status = 1; continue; }
    if (!on.size && !off.size) {
      let s = 'compopt ';
      for (const o of COMPOPTS) s += `${cs.options.has(o) ? '-' : '+'}o ${o} `;
      out1(sh, `${s}${cmdName(n)}\n`);
      continue;
    }
    for (const o of on) cs.options.add(o);
    for (const o of off) cs.options.delete(o);
  }
  return status;
}

register('complete', 'uB', completecmd);
register('compgen', 'uB', compgencmd);
register('compopt', 'uB', compoptcmd);
