// bash's gen_compspec_completions() (pcomplete.c): the words a compspec yields for WORD, in the
// order bash builds them: the actions (itemlists sorted, keywords in the parser's table order,
// commands, files and directories as found), then -G, -W, -F, -C; then -X filters, -P/-S wrap,
// and -o dirnames/plusdirs add directories.
// Simplified: helptopic and service yield nothing; signal names past SIGSYS are ours.
import type { UserGen } from '../../uapi/syscalls.ts';
import { S_ISDIR, S_ISREG, X_OK } from '../../uapi/fcntl.ts';
import { NSIG } from '../../uapi/signal.ts';
import { access, stat } from '../lib/sys.ts';
import { readFile } from '../lib/io.ts';
import type { CompSpec } from './compspec.ts';
import type { ShState } from './state.ts';
import { JOBSTOPPED, VEXPORT } from './state.ts';
import { builtinNames } from './builtins/enable.ts';
import { SHOPT_NAMES } from './builtins/shopt.ts';
import { BASH_SET_O } from './builtins/set.ts';
import { signalName } from './trap.ts';
import { lookupvar, singleQuote } from './vars.ts';
import { glob, readDir as readGlobDir } from './glob.ts';
import { RL_FUNCTIONS } from './bindtable.ts';
import { pmatch } from './pattern.ts';

/** The parser's word_token_alist order (what compgen -k lists). */
export const KEYWORD_TABLE = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until',
  'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc'];

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The command line being completed (null for compgen, which has none). */
export interface CompContext { line: string; point: number; words: string[]; cword: number }

/** Hooks into the interpreter (-W expansion, -F and -C), given by the builtin to avoid a cycle. */
export interface CompRunner {
  expandWords(sh: ShState, words: string): UserGen<string[]>;
  callFunction(sh: ShState, fn: string, args: string[], ctx: CompContext | null): UserGen<string[] | null>;
  runCommand(sh: ShState, cmd: string): UserGen<string[]>;
}

/** Directory entries in getdents order, with . and .. (readdir(3)); none if it cannot be read. */
export function* readDir(dir: string): UserGen<string[]> {
  return (yield* readGlobDir(dir === '' ? '.' : dir)) ?? [];
}

/** rl_filename_completion_function(): entries of TEXT's directory starting with its last part;
 * . and .. only when that part starts with a dot. onlyDirs: bash_directory_completion_matches. */
function* filenames(sh: ShState, text: string, onlyDirs: boolean): UserGen<string[]> {
  const slash = text.lastIndexOf('/');
  const dirpart = slash >= 0 ? text.slice(0, slash + 1) : '';
  const base = text.slice(slash + 1);
  let dir = dirpart;
  if (dir.startsWith('~')) dir = (lookupvar(sh, 'HOME') ?? '') + dir.slice(dir.indexOf('/'));
  const out: string[] = [];
  for (const n of yield* readDir(dir)) {
    if (base === '' ? n === '.' || n === '..' : !n.startsWith(base)) continue;
    if (onlyDirs) {
      const st = yield* stat((dir || './') + n);
      if (typeof st === 'number' || !S_ISDIR(st.mode)) continue;
    }
    out.push(dirpart + n);
  }
  return out;
}

/** command_word_completion_function(): aliases, keywords, functions, builtins, then $PATH. */
function* commands(sh: ShState, text: string): UserGen<string[]> {
  if (text.includes('/')) {
    const out: string[] = [];
    for (const f of yield* filenames(sh, text, false)) {
      const st = yield* stat(f);
      if (typeof st !== 'number' && (S_ISDIR(st.mode) || (yield* access(f, X_OK)) === 0)) out.push(f);
    }
    return out;
  }
  const out = [...sh.aliases.keys()].sort(strcmp);
  out.push(...KEYWORD_TABLE, ...[...sh.funcs.keys()].sort(strcmp));
  out.push(...builtinNames(sh).filter((n) => !sh.disabled.has(n)));
  const matching = out.filter((n) => n.startsWith(text));
  for (const dir of (lookupvar(sh, 'PATH') ?? '').split(':')) {
    for (const n of yield* readDir(dir)) {
      if (!n.startsWith(text) || n === '.' || n === '..') continue;
      const full = `${dir || '.'}/${n}`;
      const st = yield* stat(full);
      if (typeof st !== 'number' && S_ISREG(st.mode) && (yield* access(full, X_OK)) === 0) matching.push(n);
    }
  }
  return matching;
}

/** The first field of each line of a colon file (/etc/passwd, /etc/group), in file order. */
function* colonNames(file: string): UserGen<string[]> {
  const t = yield* readFile(file);
  if (typeof t === 'number') return [];
  return t.split('\n').filter((l) => l.includes(':')).map((l) => l.slice(0, l.indexOf(':')));
}

/** snarf_hosts_from_file(): every name of each line, in file order; a leading address is
 * skipped only when it starts with a digit (so "::1" and "ff02::1" count as names). */
function* hostNames(file: string): UserGen<string[]> {
  const t = yield* readFile(file);
  if (typeof t === 'number') return [];
  const out: string[] = [];
  for (const raw of t.split('\n')) {
    const line = raw.replace(/^[ \t\r]+/, '');
    if (line === '' || line[0] === '#') continue;
    const words = line.split(/[ \t\r]+/).filter((w) => w !== '');
    if (/^[0-9]/.test(words[0])) words.shift();
    for (const w of words) {
      if (w[0] === '#') break;
      out.push(w);
    }
  }
  return out;
}

function visibleVars(sh: ShState, want: (v: NonNullable<ReturnType<ShState['vars']['get']>>) => boolean): string[] {
  const out: string[] = [];
  for (const [n, v] of sh.vars) if (!v.invisible && (v.v !== null || v.arr || v.assoc) && want(v)) out.push(n);
  return out.sort(strcmp);
}

/** An itemlist of the action (sorted where bash sorts it), not yet filtered by the word. */
function* itemlist(sh: ShState, act: string, text: string): UserGen<string[]> {
  switch (act) {
    case 'alias': return [...sh.aliases.keys()].sort(strcmp);
    case 'arrayvar': return visibleVars(sh, (v) => !!(v.arr || v.assoc));
    case 'builtin': return builtinNames(sh);
    case 'enabled': return builtinNames(sh).filter((n) => !sh.disabled.has(n));
    case 'disabled': return builtinNames(sh).filter((n) => sh.disabled.has(n));
    case 'export': return visibleVars(sh, (v) => (v.flags & VEXPORT) !== 0);
    case 'function': return [...sh.funcs.keys()].sort(strcmp);
    case 'keyword': return KEYWORD_TABLE;
    case 'job': case 'running': case 'stopped':
      return sh.jobs.filter((j) => act === 'job' || (act === 'stopped') === (j.state === JOBSTOPPED))
        .map((j) => (j.ps[0]?.cmd ?? '').split(' ')[0]);
    case 'setopt': return BASH_SET_O.map((o) => o[0]);
    case 'shopt': return SHOPT_NAMES;
    case 'signal': {
      const out: string[] = [];
      for (let i = 0; i < NSIG + 3; i++) out.push(i === 0 || i >= NSIG ? signalName(i) : `SIG${signalName(i)}`);
      return out;
    }
    case 'variable': return visibleVars(sh, () => true);
    case 'binding': return RL_FUNCTIONS;
    case 'command': return yield* commands(sh, text);
    case 'file': return yield* filenames(sh, text, false);
    case 'user': return yield* colonNames('/etc/passwd');
    case 'group': return yield* colonNames('/etc/group');
    case 'hostname': return yield* hostNames(lookupvar(sh, 'HOSTFILE') ?? lookupvar(sh, 'hostname_completion_file') ?? '/etc/hosts');
    case 'directory': return yield* filenames(sh, text, true);
    default: return [];
  }
}

/** The order gen_action_completions() takes the actions in. */
const ACTION_ORDER = ['alias', 'arrayvar', 'binding', 'builtin', 'disabled', 'enabled', 'export', 'function',
  'helptopic', 'hostname', 'job', 'keyword', 'running', 'setopt', 'shopt', 'signal', 'stopped', 'variable',
  'command', 'file', 'user', 'group', 'service', 'directory'];

function* actions(sh: ShState, acts: Set<string>, text: string): UserGen<string[]> {
  const out: string[] = [];
  for (const a of ACTION_ORDER) {
    if (!acts.has(a)) continue;
    for (const w of yield* itemlist(sh, a, text)) if (w.startsWith(text)) out.push(w);
  }
  return out;
}

/** filter_stringlist(): drop the words -X matches ('&' is the word; a leading ! inverts). */
function filter(sh: ShState, list: string[], pat: string, text: string): string[] {
  const npat = pat.replace(/\\&|&/g, (m) => (m === '&' ? text : '&'));
  const ext = sh.shopt.has('extglob');
  const not = npat[0] === '!' && (!ext || npat[1] !== '(');
  const t = not ? npat.slice(1) : npat;
  return list.filter((w) => pmatch(t, w, ext) === not);
}

/** gen_compspec_completions() for compgen: `cmd` names the caller in -F/-C arguments. */
export function* genCompletions(sh: ShState, cs: CompSpec, cmd: string, word: string, run: CompRunner,
  ctx: CompContext | null = null, prev = ''): UserGen<string[]> {
  let ret = yield* actions(sh, cs.actions, word);
  // gen_globpat_matches(): the pattern's matches, not filtered by the word.
  if (cs.globpat !== undefined) ret.push(...yield* glob(cs.globpat));
  if (cs.words !== undefined) ret.push(...(yield* run.expandWords(sh, cs.words)).filter((w) => w.startsWith(word)));
  if (cs.funcname !== undefined) {
    const r = yield* run.callFunction(sh, cs.funcname, [cmd, word, prev], ctx);
    if (r === null) return [];
    ret.push(...r);
  }
  if (cs.command !== undefined) ret.push(...yield* run.runCommand(sh, `${cs.command} ${cmd} ${singleQuote(word)} ${singleQuote(prev)}`));
  if (cs.filterpat !== undefined) ret = filter(sh, ret, cs.filterpat, word);
  if (cs.prefix !== undefined || cs.suffix !== undefined) ret = ret.map((w) => `${cs.prefix ?? ''}${w}${cs.suffix ?? ''}`);
  if (!ret.length && cs.options.has('dirnames')) ret = yield* filenames(sh, word, true);
  else if (cs.options.has('plusdirs')) ret.push(...yield* filenames(sh, word, true));
  return ret;
}

/** compgen's fallbacks when nothing matched: -o bashdefault/default complete file names. */
export function* defaultCompletions(sh: ShState, cs: CompSpec, word: string): UserGen<string[]> {
  if (cs.options.has('bashdefault') || cs.options.has('default')) return yield* filenames(sh, word, false);
  return [];
}
